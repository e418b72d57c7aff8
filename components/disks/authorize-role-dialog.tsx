"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { DescriptionList } from "@/components/ui/description-list";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

export type AuthorizeDiskEncryption = (input: {
  regionId: string;
}) => Promise<ActionResult<{ roleName: string }>>;

/** What the role is, as RAM will show it (lib/ram/roles.ts holds the same). */
export type RoleFacts = {
  roleName: string;
  policyName: string;
  trustedService: string;
  policyActions: string[];
};

/**
 * RAM's Cloud Resource Access Authorization, as the ECS console opens it from "Go to Authorize":
 * why ECS needs AliyunECSDiskEncryptDefaultRole, whom it trusts and what its policy allows, and
 * "Confirm Authorization Policy", which creates the role. The form behind it stays as it was.
 */
export function AuthorizeRoleDialog({
  open,
  onOpenChange,
  regionId,
  role,
  authorize,
  onAuthorized,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  regionId: string;
  role: RoleFacts;
  authorize: AuthorizeDiskEncryption;
  onAuthorized: () => void;
}) {
  const t = useTranslations("Disks.authorize");
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const onConfirm = () =>
    mutation.run(
      () => authorize({ regionId }),
      () => {
        onAuthorized();
        onOpenChange(false);
      },
    );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        if (next) mutation.clearError();
        onOpenChange(next);
      }}
    >
      <DialogContent
        title={t("title")}
        description={t("description")}
        closeLabel={tCommon("close")}
        className="w-[min(40rem,calc(100vw-2rem))]"
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            variant="primary"
            onConfirm={onConfirm}
          >
            <ShieldCheck aria-hidden className="size-4" />
            {mutation.isPending ? t("confirming") : t("confirm")}
          </DialogActions>
        }
      >
        <div className="space-y-4">
          <p>{t("why")}</p>
          <DescriptionList
            items={[
              { label: t("roleName"), value: role.roleName, mono: true },
              { label: t("trustedService"), value: role.trustedService, mono: true },
              { label: t("policyName"), value: role.policyName, mono: true },
              {
                label: t("permissions"),
                value: (
                  <ul className="space-y-0.5">
                    {role.policyActions.map((action) => (
                      <li key={action} className="font-mono text-[13px]">
                        {action}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <p className="text-xs text-slate-500">{t("afterwards")}</p>
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
