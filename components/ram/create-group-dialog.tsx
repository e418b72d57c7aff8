"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { EntityNameFields, formText } from "@/components/ram/entity-name-fields";
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
          groupName: formText(form, "groupName"),
          comments: formText(form, "comments") || undefined,
        })
      }
      onDone={(group) =>
        router.push(`/${regionId}/ram/groups/${encodeURIComponent(group.groupName)}`)
      }
    >
      <EntityNameFields
        name={{
          id: "group-name",
          name: "groupName",
          label: t("groupName"),
          hint: t("create.nameHint"),
        }}
        note={{ id: "group-comments", name: "comments", label: tCommon("comments") }}
      />
    </FormDialog>
  );
}
