import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { listGroups } from "@/lib/ram/groups";
import { listRoles } from "@/lib/ram/manage-roles";
import { RAM_LIMITS } from "@/lib/ram/names";
import { listUsers } from "@/lib/ram/users";
import { getRuntime } from "@/lib/runtime";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { PolicySimulator } from "@/components/ram/policy-simulator";
import { resolveRegion, type RegionParams } from "../../region";
import { simulate } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("simulator.title")} · RAM` };
}

/** RAM › Policy simulator. */
export default async function SimulatorPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const page = { maxItems: RAM_LIMITS.maxItems.max };
  // A principal list the caller may not read is simply empty: the simulation itself is authorized too.
  const [users, groups, roles] = await Promise.all([
    readOrRefusal(listUsers(ctx, page)),
    readOrRefusal(listGroups(ctx, page)),
    readOrRefusal(listRoles(ctx, page)),
  ]);
  return (
    <>
      <PageHeader
        title={t("simulator.title")}
        description={t("simulator.subtitle")}
        breadcrumb={[
          { label: t("title"), href: `/${regionId}/ram/users` },
          { label: t("simulator.title") },
        ]}
      />
      <PolicySimulator
        accountId={getRuntime().accountId}
        principals={{
          user: users.data?.items.map((user) => user.userName) ?? [],
          group: groups.data?.items.map((group) => group.groupName) ?? [],
          role: roles.data?.items.map((role) => role.roleName) ?? [],
        }}
        simulateAction={simulate}
      />
    </>
  );
}
