import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { RAM_LIMITS } from "@/lib/ram/names";
import { listPolicies, policyResourceArn } from "@/lib/ram/policies";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TableCell, TableRow } from "@/components/ui/table";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { PermittedLink } from "@/components/shared/permitted-link";
import { RamListPage } from "@/components/ram/ram-list-page";
import { resolveRegion, type RegionParams } from "../../region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("policies.title")} · RAM` };
}

const TYPES = ["All", "System", "Custom"] as const;

/** RAM › Policies: System and custom policies, filtered by type in the URL (`?type=Custom`). */
export default async function PoliciesPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const requested = (await searchParams).type;
  const type = requested === "System" || requested === "Custom" ? requested : undefined;
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const [read, denied] = await Promise.all([
    readOrRefusal(listPolicies(ctx, { policyType: type, maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      create: { action: "ram:CreatePolicy", resourceArn: policyResourceArn("Custom") },
    }),
  ]);
  const base = `/${regionId}/ram/policies`;
  return (
    <RamListPage
      regionId={regionId}
      title={t("policies.title")}
      description={t("policies.subtitle")}
      actions={
        <PermittedLink id="create-policy" href={`${base}/create`} deniedReason={denied.create}>
          <Plus aria-hidden className="size-4" />
          {t("policies.createButton")}
        </PermittedLink>
      }
      above={
        <nav aria-label={t("policies.filter")} className="flex gap-1 border-b border-slate-200">
          {TYPES.map((option) => {
            const isCurrent = (option === "All" ? undefined : option) === type;
            return (
              <Link
                key={option}
                href={option === "All" ? base : `${base}?type=${option}`}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "-mb-px border-b-2 px-3.5 py-2 text-sm font-medium",
                  isCurrent
                    ? "border-blue-600 text-blue-700"
                    : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {option === "All" ? t("policies.all") : t(`common.${option}`)}
              </Link>
            );
          })}
        </nav>
      }
      read={read}
      caption={t("policies.caption")}
      columns={[
        t("common.policyName"),
        t("common.policyType"),
        t("common.description"),
        t("policies.attachments"),
        t("policies.defaultVersion"),
      ]}
      empty={t("policies.empty")}
      row={(policy) => (
        <TableRow key={`${policy.policyType}:${policy.policyName}`}>
          <TableCell>
            <Link
              href={`${base}/${policy.policyType}/${encodeURIComponent(policy.policyName)}`}
              className="font-medium text-blue-700 hover:underline"
            >
              {policy.policyName}
            </Link>
          </TableCell>
          <TableCell>
            <Badge tone={policy.policyType === "System" ? "info" : "neutral"}>
              {t(`common.${policy.policyType}`)}
            </Badge>
          </TableCell>
          <TableCell className="max-w-96 text-slate-600">{policy.description || "—"}</TableCell>
          <TableCell className="tabular-nums">{policy.attachmentCount}</TableCell>
          <TableCell className="font-mono text-[13px]">{policy.defaultVersion}</TableCell>
        </TableRow>
      )}
    />
  );
}
