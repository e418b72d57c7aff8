import { useTranslations } from "next-intl";
import { CheckCircle2 } from "lucide-react";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { KeyAssociation } from "@/lib/kms/key-associations";

const KNOWN_TYPES = new Set(["disk", "snapshot", "image"]);

/**
 * The key association check's result: the resources whose data the key protects, or the
 * sentence that none do. Shown in the Disable / Schedule deletion confirmations and on the
 * key's page.
 */
export function KeyAssociationsList({
  keyId,
  associations,
}: {
  keyId: string;
  associations: KeyAssociation[];
}) {
  const t = useTranslations("Kms.associations");
  if (associations.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <CheckCircle2 aria-hidden className="size-4 text-emerald-600" />
        {t("none")}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-800">
        {t("some", { count: associations.length })}
      </p>
      <Table caption={t("caption", { keyId })}>
        <TableHead>
          <tr>
            <TableHeaderCell>{t("columns.type")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.id")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.name")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.region")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {associations.map((resource) => (
            <TableRow key={`${resource.resourceType}/${resource.resourceId}`}>
              <TableCell>
                {KNOWN_TYPES.has(resource.resourceType)
                  ? t(`types.${resource.resourceType as "disk" | "snapshot" | "image"}`)
                  : resource.resourceType}
              </TableCell>
              <TableCell className="font-mono text-xs">{resource.resourceId}</TableCell>
              <TableCell>{resource.resourceName ?? "—"}</TableCell>
              <TableCell className="font-mono text-xs">{resource.regionId}</TableCell>
              <TableCell>{resource.status ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
