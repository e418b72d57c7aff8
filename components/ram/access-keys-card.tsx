"use client";

import { Download, KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { DescriptionList } from "@/components/ui/description-list";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { KeyActionButton } from "@/components/kms/key-action-button";
import { Timestamp } from "@/components/kms/timestamp";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import { ConfirmActionDialog } from "@/components/ram/confirm-action-dialog";
import type { ActionResult } from "@/lib/console/server-action";

export type AccessKeyRow = { accessKeyId: string; status: "Active" | "Inactive"; createdAt: Date };

export type AccessKeyActions = {
  createAccessKey: (input: {
    userName: string;
  }) => Promise<ActionResult<{ accessKeyId: string; accessKeySecret: string }>>;
  setAccessKeyStatus: (input: {
    userName: string;
    accessKeyId: string;
    status: "Active" | "Inactive";
  }) => Promise<ActionResult<null>>;
  deleteAccessKey: (input: {
    userName: string;
    accessKeyId: string;
  }) => Promise<ActionResult<null>>;
};

/** The CSV the real console downloads: a header line, then the pair. */
export function accessKeyCsv(key: { accessKeyId: string; accessKeySecret: string }): string {
  return `AccessKey ID,AccessKey Secret\n${key.accessKeyId},${key.accessKeySecret}\n`;
}

/**
 * A user's AccessKeys: the list (ID, status, created) with Enable/Disable and Delete, and
 * Create AccessKey, whose answer is the only time the secret is shown — in a dialog with Copy
 * and Download CSV file. The secret lives in this component's state only and is gone when the
 * dialog closes.
 */
export function AccessKeysCard({
  userName,
  keys,
  maxKeys,
  actions,
  denied,
}: {
  userName: string;
  keys: AccessKeyRow[];
  maxKeys: number;
  actions: AccessKeyActions;
  denied: { create?: string; update?: string; delete?: string };
}) {
  const t = useTranslations("Ram.keys");
  const tCommon = useTranslations("Common");
  const tRam = useTranslations("Ram.common");
  const mutation = useConsoleMutation();
  const [created, setCreated] = useState<{ accessKeyId: string; accessKeySecret: string }>();
  const isFull = keys.length >= maxKeys;
  const createReason = denied.create ?? (isFull ? t("limit", { max: maxKeys }) : undefined);

  const download = () => {
    if (!created) return;
    const url = URL.createObjectURL(new Blob([accessKeyCsv(created)], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `AccessKey_${created.accessKeyId}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card
      id="access-keys"
      title={t("title")}
      description={t("description", { max: maxKeys })}
      actions={
        <span title={createReason}>
          <Button
            variant="primary"
            size="sm"
            disabled={mutation.isPending || createReason !== undefined}
            aria-describedby={createReason ? "create-access-key-reason" : undefined}
            onClick={() => mutation.run(() => actions.createAccessKey({ userName }), setCreated)}
          >
            <KeyRound aria-hidden className="size-3.5" />
            {mutation.isPending ? t("creating") : t("create")}
          </Button>
          {createReason ? (
            <span id="create-access-key-reason" className="sr-only">
              {createReason}
            </span>
          ) : null}
        </span>
      }
    >
      <div className="space-y-3">
        {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        <Table caption={t("caption", { name: userName })}>
          <TableHead>
            <tr>
              <TableHeaderCell>{t("id")}</TableHeaderCell>
              <TableHeaderCell>{t("status")}</TableHeaderCell>
              <TableHeaderCell>{tRam("created")}</TableHeaderCell>
              <TableHeaderCell>{tRam("actions")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {keys.length === 0 ? (
              <TableEmpty colSpan={4}>{t("empty")}</TableEmpty>
            ) : (
              keys.map((key) => (
                <TableRow key={key.accessKeyId}>
                  <TableCell className="font-mono text-[13px]">{key.accessKeyId}</TableCell>
                  <TableCell>
                    <Badge tone={key.status === "Active" ? "success" : "neutral"}>
                      {t(key.status)}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Timestamp date={key.createdAt} compact />
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap items-start gap-1">
                      {key.status === "Inactive" ? (
                        <span title={denied.update}>
                          <KeyActionButton
                            variant="link"
                            size="sm"
                            disabled={denied.update !== undefined}
                            action={actions.setAccessKeyStatus}
                            input={{ userName, accessKeyId: key.accessKeyId, status: "Active" }}
                          >
                            {t("enable")}
                          </KeyActionButton>
                        </span>
                      ) : (
                        <ConfirmActionDialog
                          trigger={t("disable")}
                          triggerProps={{ variant: "link", size: "sm" }}
                          title={t("disableTitle", { id: key.accessKeyId })}
                          body={t("disableBody")}
                          confirmLabel={t("disable")}
                          deniedReason={denied.update}
                          reasonId={`disable-${key.accessKeyId}-reason`}
                          run={() =>
                            actions.setAccessKeyStatus({
                              userName,
                              accessKeyId: key.accessKeyId,
                              status: "Inactive",
                            })
                          }
                        />
                      )}
                      <ConfirmActionDialog
                        trigger={tRam("delete")}
                        triggerProps={{ variant: "link", size: "sm" }}
                        title={t("deleteTitle", { id: key.accessKeyId })}
                        body={t("deleteBody")}
                        confirmLabel={tRam("delete")}
                        deniedReason={denied.delete}
                        reasonId={`delete-${key.accessKeyId}-reason`}
                        run={() =>
                          actions.deleteAccessKey({ userName, accessKeyId: key.accessKeyId })
                        }
                      />
                    </div>
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <Dialog
        open={created !== undefined}
        onOpenChange={(open) => (open ? null : setCreated(undefined))}
      >
        {created ? (
          <DialogContent
            title={t("createdTitle")}
            closeLabel={tCommon("close")}
            className="w-[min(40rem,calc(100vw-2rem))]"
            footer={
              <>
                <Button onClick={download}>
                  <Download aria-hidden className="size-4" />
                  {t("downloadCsv")}
                </Button>
                <DialogClose asChild>
                  <Button variant="primary">{tCommon("close")}</Button>
                </DialogClose>
              </>
            }
          >
            <div className="space-y-4">
              <Notice tone="warning" live="status">
                {t("secretOnce")}
              </Notice>
              <DescriptionList
                items={[
                  {
                    label: t("id"),
                    mono: true,
                    value: (
                      <span className="flex items-center gap-1">
                        {created.accessKeyId}
                        <CopyButton
                          value={created.accessKeyId}
                          label={tCommon("copy", { label: t("id") })}
                          copiedLabel={tCommon("copied")}
                        />
                      </span>
                    ),
                  },
                  {
                    label: t("secret"),
                    mono: true,
                    value: (
                      <span className="flex items-center gap-1 break-all">
                        {created.accessKeySecret}
                        <CopyButton
                          value={created.accessKeySecret}
                          label={tCommon("copy", { label: t("secret") })}
                          copiedLabel={tCommon("copied")}
                        />
                      </span>
                    ),
                  },
                ]}
              />
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}
