import { RefreshCw } from "lucide-react";
import { getTranslations } from "next-intl/server";
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
import type { KeyVersionView } from "@/lib/kms/key-versions";
import { KeyActionButton } from "@/components/kms/key-action-button";
import type { KeyRef, KeySettingsActions } from "@/components/kms/kms-actions";
import { Timestamp } from "@/components/kms/timestamp";

/** Key detail › Key versions (oldest first), with Rotate now for keys that rotate. */
export async function KeyVersionsCard({
  keyRef,
  versions,
  canRotateNow,
  createKeyVersion,
}: {
  keyRef: KeyRef;
  versions: KeyVersionView[];
  canRotateNow: boolean;
  createKeyVersion: KeySettingsActions["createKeyVersion"];
}) {
  const t = await getTranslations("Kms.detail.versions");
  return (
    <Card
      id="key-versions"
      title={t("title")}
      description={t("description")}
      actions={
        canRotateNow ? (
          <KeyActionButton
            size="sm"
            action={createKeyVersion}
            input={keyRef}
            pendingLabel={t("rotating")}
          >
            <RefreshCw aria-hidden className="size-3.5" />
            {t("rotateNow")}
          </KeyActionButton>
        ) : null
      }
    >
      <Table caption={t("caption", { keyId: keyRef.keyId })}>
        <TableHead>
          <tr>
            <TableHeaderCell>{t("id")}</TableHeaderCell>
            <TableHeaderCell>{t("created")}</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {versions.map((version) => (
            <TableRow key={version.keyVersionId}>
              <TableCell className="font-mono text-xs">
                {version.keyVersionId}
                {version.isPrimary ? (
                  <Badge tone="info" className="ml-2 font-sans">
                    {t("primary")}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell className="text-xs text-slate-600">
                <Timestamp date={version.createdAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
