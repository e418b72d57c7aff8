"use client";

import { Trash2 } from "lucide-react";
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
import { aliasNameProblem } from "@/lib/kms/alias-name";
import type { AliasView } from "@/lib/kms/list-aliases";
import { InlineAddForm } from "@/components/kms/inline-add-form";
import { KeyActionButton } from "@/components/kms/key-action-button";
import type { KeyRef, KeySettingsActions } from "@/components/kms/kms-actions";
import { Timestamp } from "@/components/kms/timestamp";

/** Key detail › Aliases: the key's aliases, Add alias and Delete (not on service keys). */
export function KeyAliasesCard({
  keyRef,
  aliases,
  canManage,
  actions,
}: {
  keyRef: KeyRef;
  aliases: AliasView[];
  canManage: boolean;
  actions: Pick<KeySettingsActions, "createAlias" | "deleteAlias">;
}) {
  const t = useTranslations("Kms.detail.aliases");
  const tErrors = useTranslations("Kms.errors");
  const tColumns = useTranslations("Kms.columns");
  const columns = canManage ? 3 : 2;
  return (
    <Card id="key-aliases" title={t("title")} description={t("description")}>
      <div className="space-y-4">
        <Table caption={t("caption", { keyId: keyRef.keyId })}>
          <TableHead>
            <tr>
              <TableHeaderCell>{t("name")}</TableHeaderCell>
              <TableHeaderCell>{t("created")}</TableHeaderCell>
              {canManage ? (
                <TableHeaderCell>
                  <span className="sr-only">{tColumns("actions")}</span>
                </TableHeaderCell>
              ) : null}
            </tr>
          </TableHead>
          <TableBody>
            {aliases.length === 0 ? (
              <TableEmpty colSpan={columns}>{t("none")}</TableEmpty>
            ) : (
              aliases.map((alias) => (
                <TableRow key={alias.aliasName}>
                  <TableCell className="font-mono text-xs" title={alias.aliasArn}>
                    {alias.aliasName}
                  </TableCell>
                  <TableCell className="text-xs text-slate-600">
                    <Timestamp date={alias.createdAt} />
                  </TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      <KeyActionButton
                        size="sm"
                        variant="ghost"
                        aria-label={t("remove", { alias: alias.aliasName })}
                        title={t("remove", { alias: alias.aliasName })}
                        action={actions.deleteAlias}
                        input={{ ...keyRef, aliasName: alias.aliasName }}
                      >
                        <Trash2 aria-hidden className="size-3.5" />
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
            id="add-alias"
            submitLabel={t("add")}
            pendingLabel={t("adding")}
            fields={[
              {
                name: "aliasName",
                label: t("newAlias"),
                placeholder: "alias/my-disk-key",
                validate: (value) => {
                  const problem = aliasNameProblem(value.trim());
                  if (problem === "reserved") return tErrors("aliasReserved");
                  return problem ? tErrors("aliasFormat") : undefined;
                },
              },
            ]}
            onSubmit={(values) =>
              actions.createAlias({ ...keyRef, aliasName: values.aliasName.trim() })
            }
          />
        ) : null}
      </div>
    </Card>
  );
}
