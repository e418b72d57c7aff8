import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import type { Refusal } from "@/components/kms/read-or-refusal";
import { RefusalNotice } from "@/components/shared/refusal-notice";

export type RamSection = "users" | "groups" | "roles" | "policies";

/** The list page a RAM entity's page goes back to (and Delete lands on). */
export function ramListHref(regionId: string, section: RamSection): string {
  return `/${regionId}/ram/${section}`;
}

/**
 * The frame of a RAM entity's page (user, group, role, policy): its name under the RAM ›
 * list breadcrumb with its Delete, then its cards — or, when reading the entity was refused,
 * the refusal in their place.
 */
export async function RamDetailPage({
  regionId,
  section,
  name,
  description,
  actions,
  refusal,
  children,
}: {
  regionId: string;
  section: RamSection;
  name: string;
  description?: string;
  actions?: ReactNode;
  refusal?: Refusal;
  children?: ReactNode;
}) {
  const t = await getTranslations("Ram");
  const breadcrumb = [
    { label: t("title"), href: ramListHref(regionId, "users") },
    { label: t(`${section}.title`), href: ramListHref(regionId, section) },
    { label: name },
  ];
  if (refusal)
    return (
      <>
        <PageHeader title={name} breadcrumb={breadcrumb} />
        <RefusalNotice refusal={refusal} />
      </>
    );
  return (
    <>
      <PageHeader
        title={name}
        description={description || undefined}
        breadcrumb={breadcrumb}
        actions={actions}
      />
      <div className="space-y-5">{children}</div>
    </>
  );
}

/** The policies an "Add permissions" picker offers: every one the caller may list. */
export function policyChoices(read: {
  data?: { items: { policyType: "System" | "Custom"; policyName: string }[] };
}) {
  return read.data?.items.map(({ policyType, policyName }) => ({ policyType, policyName })) ?? [];
}
