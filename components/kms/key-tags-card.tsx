"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import {
  isValidTagKey,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  MAX_TAGS_PER_KEY,
  type KeyTag,
} from "@/lib/kms/tag-params";
import { InlineAddForm } from "@/components/kms/inline-add-form";
import { KeyActionButton } from "@/components/kms/key-action-button";
import type { KeyRef, KeySettingsActions } from "@/components/kms/kms-actions";

/**
 * Key detail › Tags (TagResource / UntagResource), at most 10 per key. Tags the cloud sets,
 * such as `acs:ecs:disk-encryption`, are listed like the others.
 */
export function KeyTagsCard({
  keyRef,
  tags,
  canManage,
  actions,
}: {
  keyRef: KeyRef;
  tags: KeyTag[];
  canManage: boolean;
  actions: Pick<KeySettingsActions, "tagKey" | "untagKey">;
}) {
  const t = useTranslations("Kms.detail.tags");
  const tErrors = useTranslations("Kms.errors");
  const tColumns = useTranslations("Kms.columns");
  const columns = canManage ? 3 : 2;
  return (
    <Card
      id="key-tags"
      title={t("title")}
      description={t("description", { max: MAX_TAGS_PER_KEY })}
    >
      <div className="space-y-4">
        <Table caption={t("caption", { keyId: keyRef.keyId })}>
          <TableHead>
            <tr>
              <TableHeaderCell>{t("key")}</TableHeaderCell>
              <TableHeaderCell>{t("value")}</TableHeaderCell>
              {canManage ? (
                <TableHeaderCell>
                  <span className="sr-only">{tColumns("actions")}</span>
                </TableHeaderCell>
              ) : null}
            </tr>
          </TableHead>
          <TableBody>
            {tags.length === 0 ? (
              <TableEmpty colSpan={columns}>{t("none")}</TableEmpty>
            ) : (
              tags.map((tag) => (
                <TableRow key={tag.tagKey}>
                  <TableCell className="font-mono text-xs">{tag.tagKey}</TableCell>
                  <TableCell className="font-mono text-xs">{tag.tagValue}</TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <KeyActionButton
                        size="sm"
                        variant="ghost"
                        aria-label={t("remove", { tagKey: tag.tagKey })}
                        title={t("remove", { tagKey: tag.tagKey })}
                        action={actions.untagKey}
                        input={{ ...keyRef, tagKey: tag.tagKey }}
                      >
                        <X aria-hidden className="size-3.5" />
                      </KeyActionButton>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        {canManage ? (
          <InlineAddForm
            id="add-tag"
            submitLabel={t("add")}
            pendingLabel={t("adding")}
            fields={[
              {
                name: "tagKey",
                label: t("key"),
                validate: (value) =>
                  isValidTagKey(value) ? undefined : tErrors("tagKey", { max: MAX_TAG_KEY_LENGTH }),
              },
              {
                name: "tagValue",
                label: t("value"),
                validate: (value) =>
                  value.length <= MAX_TAG_VALUE_LENGTH
                    ? undefined
                    : tErrors("tagValue", { max: MAX_TAG_VALUE_LENGTH }),
              },
            ]}
            onSubmit={(values) =>
              actions.tagKey({ ...keyRef, tagKey: values.tagKey, tagValue: values.tagValue })
            }
          />
        ) : null}
      </div>
    </Card>
  );
}
