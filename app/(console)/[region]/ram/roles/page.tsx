import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { ECS_DISK_ENCRYPT_ROLE } from "@/lib/ram/ecs-disk-encrypt-role";
import { listRoles } from "@/lib/ram/manage-roles";
import { RAM_LIMITS } from "@/lib/ram/names";
import { getRuntime } from "@/lib/runtime";
import { Notice } from "@/components/ui/notice";
import { TableCell, TableRow } from "@/components/ui/table";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { CreateRoleDialog } from "@/components/ram/create-role-dialog";
import { RamListPage } from "@/components/ram/ram-list-page";
import { resolveRegion, type RegionParams } from "../../region";
import { createRole } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("roles.title")} · RAM` };
}

/** RAM › Roles, with whether ECS's disk-encryption role exists. */
export default async function RolesPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const [read, denied] = await Promise.all([
    readOrRefusal(listRoles(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      create: { action: "ram:CreateRole", resourceArn: ramResourceArn("role") },
    }),
  ]);
  const ecsRoleMissing =
    read.data && !read.data.items.some((role) => role.roleName === ECS_DISK_ENCRYPT_ROLE);
  return (
    <RamListPage
      regionId={regionId}
      title={t("roles.title")}
      description={t("roles.subtitle")}
      actions={
        <CreateRoleDialog
          regionId={regionId}
          accountId={getRuntime().accountId}
          createRoleAction={createRole}
          deniedReason={denied.create}
        />
      }
      above={ecsRoleMissing ? <Notice tone="info">{t("roles.ecsRoleMissing")}</Notice> : null}
      read={read}
      caption={t("roles.caption")}
      columns={[t("roles.roleName"), t("common.description"), t("common.created")]}
      empty={t("roles.empty")}
      row={(role) => (
        <TableRow key={role.roleId}>
          <TableCell>
            <Link
              href={`/${regionId}/ram/roles/${encodeURIComponent(role.roleName)}`}
              className="font-medium text-blue-700 hover:underline"
            >
              {role.roleName}
            </Link>
            <p className="font-mono text-xs text-slate-500">{role.arn}</p>
          </TableCell>
          <TableCell className="max-w-96 text-slate-600">{role.description || "—"}</TableCell>
          <TableCell>
            <Timestamp date={role.createdAt} compact />
          </TableCell>
        </TableRow>
      )}
    />
  );
}
