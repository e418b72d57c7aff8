"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { KeyActionButton } from "@/components/kms/key-action-button";
import { Timestamp } from "@/components/kms/timestamp";
import { ConfirmActionDialog } from "@/components/ram/confirm-action-dialog";
import type { ActionResult } from "@/lib/console/server-action";

type VersionRef = { policyName: string; versionId: string };

/**
 * A custom policy's versions (at most five): which is the default, and Set as default or
 * Delete for the others (RAM refuses to delete the default version).
 */
export function PolicyVersionsCard({
  policyName,
  versions,
  actions,
  denied,
}: {
  policyName: string;
  versions: { versionId: string; isDefaultVersion: boolean; createdAt: Date }[];
  actions: {
    setDefaultPolicyVersion: (input: VersionRef) => Promise<ActionResult<null>>;
    deletePolicyVersion: (input: VersionRef) => Promise<ActionResult<null>>;
  };
  denied: { setDefault?: string; delete?: string };
}) {
  const t = useTranslations("Ram.policies.detail");
  const tCommon = useTranslations("Ram.common");
  return (
    <Card id="policy-versions" title={t("versions")}>
      <Table caption={t("versionsCaption", { name: policyName })}>
        <TableHead>
          <tr>
            <TableHeaderCell>{t("versionId")}</TableHeaderCell>
            <TableHeaderCell>{tCommon("created")}</TableHeaderCell>
            <TableHeaderCell>{tCommon("actions")}</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {versions.map((version) => (
            <TableRow key={version.versionId}>
              <TableCell className="font-mono text-[13px]">
                {version.versionId}{" "}
                {version.isDefaultVersion ? <Badge tone="success">{t("isDefault")}</Badge> : null}
              </TableCell>
              <TableCell>
                <Timestamp date={version.createdAt} compact />
              </TableCell>
              <TableCell>
                {version.isDefaultVersion ? null : (
                  <div className="flex flex-wrap gap-1">
                    <span title={denied.setDefault}>
                      <KeyActionButton
                        variant="link"
                        size="sm"
                        disabled={denied.setDefault !== undefined}
                        action={actions.setDefaultPolicyVersion}
                        input={{ policyName, versionId: version.versionId }}
                      >
                        {t("setDefault")}
                      </KeyActionButton>
                    </span>
                    <ConfirmActionDialog
                      trigger={tCommon("delete")}
                      triggerProps={{ variant: "link", size: "sm" }}
                      title={t("deleteVersionTitle", { version: version.versionId })}
                      body={t("deleteVersionBody")}
                      confirmLabel={tCommon("delete")}
                      deniedReason={denied.delete}
                      reasonId={`delete-version-${version.versionId}-reason`}
                      run={() =>
                        actions.deletePolicyVersion({ policyName, versionId: version.versionId })
                      }
                    />
                  </div>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
