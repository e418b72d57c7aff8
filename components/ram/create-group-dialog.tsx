"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/field";
import { FormDialog } from "@/components/ram/form-dialog";
import type { ActionResult } from "@/lib/console/server-action";

/** Groups › Create group: name and comments; the group's page opens next. */
export function CreateGroupDialog({
  regionId,
  createGroupAction,
  deniedReason,
}: {
  regionId: string;
  createGroupAction: (input: {
    groupName: string;
    comments?: string;
  }) => Promise<ActionResult<{ groupName: string }>>;
  deniedReason?: string;
}) {
  const t = useTranslations("Ram.groups");
  const tCommon = useTranslations("Ram.common");
  const router = useRouter();
  return (
    <FormDialog
      id="create-group"
      triggerLabel={t("create.button")}
      title={t("create.title")}
      submitLabel={t("create.submit")}
      pendingLabel={t("create.creating")}
      deniedReason={deniedReason}
      submit={(form) =>
        createGroupAction({
          groupName: String(form.get("groupName") ?? "").trim(),
          comments: String(form.get("comments") ?? "").trim() || undefined,
        })
      }
      onDone={(group) =>
        router.push(`/${regionId}/ram/groups/${encodeURIComponent(group.groupName)}`)
      }
    >
      <Field id="group-name" label={t("groupName")} hint={t("create.nameHint")}>
        {(control) => (
          <Input
            {...control}
            name="groupName"
            required
            autoComplete="off"
            spellCheck={false}
            className="w-full"
          />
        )}
      </Field>
      <Field id="group-comments" label={tCommon("comments")}>
        {(control) => <Input {...control} name="comments" autoComplete="off" className="w-full" />}
      </Field>
    </FormDialog>
  );
}
