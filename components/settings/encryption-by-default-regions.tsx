import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";

export type RegionEncryptionRow = {
  regionId: string;
  name: string;
  isSupported: boolean;
  isEnabled: boolean;
  hasCmkDefault: boolean;
};

/** Encryption by default in every region at a glance, each row linking to its settings. */
export async function EncryptionByDefaultRegions({
  rows,
  currentRegionId,
}: {
  rows: RegionEncryptionRow[];
  currentRegionId: string;
}) {
  const t = await getTranslations("EncryptionSettings.regions");
  return (
    <Table caption={t("caption")} className="[&_td]:py-2">
      <TableHead>
        <tr>
          <TableHeaderCell>{t("region")}</TableHeaderCell>
          <TableHeaderCell>{t("status")}</TableHeaderCell>
          <TableHeaderCell>{t("defaultKey")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.regionId}
            className={row.regionId === currentRegionId ? "bg-blue-50/50" : undefined}
          >
            <TableCell>
              <Link
                href={`/${row.regionId}/settings/encryption`}
                aria-current={row.regionId === currentRegionId ? "page" : undefined}
                className="text-blue-700 hover:underline"
              >
                {row.name}
              </Link>
              <span className="ml-1.5 font-mono text-xs text-slate-500">{row.regionId}</span>
            </TableCell>
            <TableCell>
              {!row.isSupported ? (
                <Badge tone="warning">{t("unsupported")}</Badge>
              ) : row.isEnabled ? (
                <Badge tone="success">{t("enabled")}</Badge>
              ) : (
                <Badge>{t("disabled")}</Badge>
              )}
            </TableCell>
            <TableCell className="text-xs text-slate-600">
              {row.isSupported && row.isEnabled
                ? row.hasCmkDefault
                  ? t("cmk")
                  : t("serviceKey")
                : "—"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
