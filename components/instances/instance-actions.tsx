"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Play, RotateCw, Square, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

type Input = { regionId: string; instanceId: string };
export type InstanceActionsApi = {
  start: (input: Input) => Promise<ActionResult<null>>;
  stop: (input: Input & { forceStop: boolean }) => Promise<ActionResult<null>>;
  reboot: (input: Input & { forceStop: boolean }) => Promise<ActionResult<null>>;
  remove: (input: Input & { force: boolean }) => Promise<ActionResult<null>>;
};

type Kind = "stop" | "reboot" | "delete";
export type InstanceAction = "start" | Kind;

/**
 * Start (Stopped only, at once), and Stop, Restart (Running only) and Release behind a confirmation (Stop and Restart with
 * "Force", Release with "Force" for an instance that is not Stopped). The services decide: a
 * refusal (CMKNotEnabled, IncorrectInstanceStatus) shows with its message and code.
 */
export function InstanceActions({
  regionId,
  instanceId,
  status,
  api,
  denied = {},
}: {
  regionId: string;
  instanceId: string;
  status: string;
  api: InstanceActionsApi;
  /** What the signed-in identity may not use, with the reason (the permission probe). */
  denied?: Partial<Record<InstanceAction, string>>;
}) {
  const t = useTranslations("Instances.actions");
  const router = useRouter();
  const start = useConsoleMutation();
  const [open, setOpen] = useState<Kind>();
  const input = { regionId, instanceId };
  const isStopped = status === "Stopped";
  const isRunning = status === "Running";
  /** A RAM refusal disables the button and becomes its tooltip and description. */
  const refusal = (action: InstanceAction) =>
    denied[action]
      ? { disabled: true, title: denied[action], "aria-describedby": `instance-${action}-denied` }
      : {};
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={start.isPending || !isStopped}
          {...refusal("start")}
          onClick={() => start.run(() => api.start(input))}
        >
          <Play aria-hidden className="size-4" />
          {t("start")}
        </Button>
        <Button disabled={isStopped} {...refusal("stop")} onClick={() => setOpen("stop")}>
          <Square aria-hidden className="size-4" />
          {t("stop")}
        </Button>
        <Button disabled={!isRunning} {...refusal("reboot")} onClick={() => setOpen("reboot")}>
          <RotateCw aria-hidden className="size-4" />
          {t("reboot")}
        </Button>
        <Button variant="danger" {...refusal("delete")} onClick={() => setOpen("delete")}>
          <Trash2 aria-hidden className="size-4" />
          {t("delete")}
        </Button>
      </div>
      {Object.entries(denied).map(([action, reason]) => (
        <span key={action} id={`instance-${action}-denied`} className="sr-only">
          {reason}
        </span>
      ))}
      {start.error ? <ActionErrorNotice error={start.error} /> : null}
      {open ? (
        <ConfirmInstanceDialog
          kind={open}
          instanceId={instanceId}
          isRunning={isRunning}
          isStopped={isStopped}
          onClose={() => setOpen(undefined)}
          run={(force) =>
            open === "stop"
              ? api.stop({ ...input, forceStop: force })
              : open === "reboot"
                ? api.reboot({ ...input, forceStop: force })
                : api.remove({ ...input, force })
          }
          onDone={() => {
            setOpen(undefined);
            if (open === "delete") router.push(`/${regionId}/instances`);
          }}
        />
      ) : null}
    </div>
  );
}

function ConfirmInstanceDialog({
  kind,
  instanceId,
  isRunning,
  isStopped,
  run,
  onClose,
  onDone,
}: {
  kind: Kind;
  instanceId: string;
  isRunning: boolean;
  isStopped: boolean;
  run: (force: boolean) => Promise<ActionResult<null>>;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslations(`Instances.confirm.${kind}`);
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const [force, setForce] = useState(false);
  const forceId = `instance-force-${kind}`;
  return (
    <Dialog open onOpenChange={(next) => !next && !mutation.isPending && onClose()}>
      <DialogContent
        title={t("title")}
        description={t("description", { instanceId })}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            variant={kind === "delete" ? "danger" : "primary"}
            onConfirm={() => mutation.run(() => run(force), onDone)}
          >
            {mutation.isPending ? t("pending") : t("confirm")}
          </DialogActions>
        }
      >
        <div className="space-y-3">
          <p>{t("body")}</p>
          {kind !== "delete" || !isStopped ? (
            <div className="flex items-start gap-2">
              <input
                id={forceId}
                type="checkbox"
                className="mt-0.5 size-4 accent-blue-600"
                checked={force}
                onChange={(event) => setForce(event.target.checked)}
              />
              <label htmlFor={forceId}>
                <span className="font-medium text-slate-800">{t("force")}</span>
                <span className="block text-xs text-slate-500">{t("forceHint")}</span>
              </label>
            </div>
          ) : null}
          {kind === "delete" && isRunning ? (
            <Notice tone="warning">{t("runningNote")}</Notice>
          ) : null}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
