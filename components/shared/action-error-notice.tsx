"use client";

import { useTranslations } from "next-intl";
import { ErrorNotice } from "@/components/ui/notice";
import type { MutationError } from "@/components/kms/use-console-mutation";

/**
 * A server action's refusal as the console shows it: the service's message, its Alibaba code,
 * and for a RAM denial the policy that decided ("Refused by the policy ecs-disk-encrypt-control
 * (ecs:CreateDisk)") or, with no Allow at all, the action the user lacks.
 */
export function ActionErrorNotice({ error }: { error: MutationError }) {
  const tCommon = useTranslations("Common");
  const t = useTranslations("Permissions");
  const denied = error.denied;
  const detail = denied
    ? denied.policyName
      ? t("refusedByPolicy", { policy: denied.policyName, action: denied.action })
      : t("notAllowed", { action: denied.action })
    : undefined;
  return (
    <ErrorNotice
      message={error.message}
      codeLabel={tCommon("errorCode", { code: error.code })}
      detail={detail}
    />
  );
}
