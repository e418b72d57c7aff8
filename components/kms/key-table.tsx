import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { KeySummary } from "@/lib/kms/list-keys";
import { formatDuration } from "@/lib/i18n/duration";
import { KeyStateBadge } from "@/components/kms/key-state-badge";
import { KeyStateActions } from "@/components/kms/key-state-actions";
import type {
  KeyStateAction,
  KeyStateActions as KeyStateActionsBundle,
} from "@/components/kms/kms-actions";
import { Timestamp } from "@/components/kms/timestamp";
import type { KeyListTab } from "@/components/kms/key-list-params";

/**
 * The key list of one tab: alias, key id (with its description), state, spec, protection
 * level, rotation, created, and the row's actions. Each row is named by its key id, so a test
 * finds it with `getByRole("row", { name: /key-…/ })`.
 */
export async function KeyTable({
  tab,
  regionId,
  regionName,
  keys,
  isFiltered,
  canCreate,
  actions,
  deniedByKey = {},
}: {
  tab: KeyListTab;
  regionId: string;
  regionName: string;
  keys: KeySummary[];
  isFiltered: boolean;
  /** Whether the region has customer master keys at all (cn-fuzhou, ap-southeast-7 do not). */
  canCreate: boolean;
  actions: KeyStateActionsBundle;
  /** Per key id, the state actions the signed-in identity may not use (components/kms/key-permissions.ts). */
  deniedByKey?: Record<string, Partial<Record<KeyStateAction, string>>>;
}) {
  const t = await getTranslations("Kms");
  const tDuration = await getTranslations("Common.duration");
  const rotationOf = (key: KeySummary) =>
    key.automaticRotation === "Enabled" && key.rotationIntervalSeconds
      ? t("rotation.Enabled", {
          interval: formatDuration(key.rotationIntervalSeconds, (unit, count) =>
            tDuration(unit, { count }),
          ),
        })
      : t(`rotation.${key.automaticRotation}`);

  return (
    // Eight columns fit beside the navigation at 1360 px with slightly narrower cell padding.
    <Table
      caption={t(`tableCaption.${tab}`, { region: regionName })}
      className="[&_td]:px-3 [&_th]:px-3"
    >
      <TableHead>
        <tr>
          <TableHeaderCell>{t("columns.alias")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.keyId")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.state")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.keySpec")}</TableHeaderCell>
          <TableHeaderCell>
            <span className="whitespace-normal">{t("columns.protectionLevel")}</span>
          </TableHeaderCell>
          <TableHeaderCell>{t("columns.rotation")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.created")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.actions")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {keys.length === 0 ? (
          <TableEmpty colSpan={8}>
            {isFiltered ? (
              t("empty.filtered")
            ) : tab === "default" ? (
              <>
                <span className="block font-medium text-slate-700">{t("empty.default")}</span>
                <span className="mt-1 block">{t("empty.defaultHint")}</span>
              </>
            ) : canCreate ? (
              t("empty.customer")
            ) : (
              t("empty.customerUnavailable")
            )}
          </TableEmpty>
        ) : (
          keys.map((key) => (
            <TableRow key={key.keyId}>
              <TableCell>
                {key.aliasNames.length > 0 ? (
                  <span className="flex items-center gap-1.5">
                    <span
                      className="block max-w-44 truncate font-mono text-xs"
                      title={key.aliasNames.join("\n")}
                    >
                      {key.aliasNames[0]}
                    </span>
                    {key.aliasNames.length > 1 ? (
                      <span className="shrink-0 rounded bg-slate-100 px-1 text-[11px] text-slate-500">
                        {t("moreAliases", { count: key.aliasNames.length - 1 })}
                      </span>
                    ) : null}
                  </span>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </TableCell>
              <TableCell>
                <Link
                  href={`/${regionId}/kms/keys/${key.keyId}`}
                  className="font-mono text-xs whitespace-nowrap text-blue-700 hover:underline"
                >
                  {key.keyId}
                </Link>
                {key.description ? (
                  <span
                    className="mt-0.5 block max-w-52 truncate text-xs text-slate-500"
                    title={key.description}
                  >
                    {key.description}
                  </span>
                ) : null}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <KeyStateBadge state={key.keyState} />
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{key.keySpec}</TableCell>
              <TableCell className="text-xs">
                {key.protectionLevel === "HSM" || key.protectionLevel === "SOFTWARE"
                  ? t(`protectionLevels.${key.protectionLevel}`)
                  : key.protectionLevel}
              </TableCell>
              <TableCell className="text-xs">{rotationOf(key)}</TableCell>
              <TableCell className="text-xs text-slate-600">
                <Timestamp date={key.createdAt} compact />
              </TableCell>
              <TableCell>
                <KeyStateActions
                  denied={deniedByKey[key.keyId]}
                  layout="row"
                  actions={actions}
                  target={{
                    regionId,
                    keyId: key.keyId,
                    aliasName: key.aliasNames[0],
                    keyState: key.keyState,
                    creatorType: key.creatorType,
                    creator: key.creator,
                    deletionProtection: key.deletionProtection,
                  }}
                />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
