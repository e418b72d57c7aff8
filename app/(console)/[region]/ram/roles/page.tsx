import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { ECS_DISK_ENCRYPT_ROLE } from "@/lib/ram/ecs-disk-encrypt-role";
import { listRoles } from "@/lib/ram/manage-roles";
import { RAM_LIMITS } from "@/lib/ram/names";
import { getRuntime } from "@/lib/runtime";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { CreateRoleDialog } from "@/components/ram/create-role-dialog";
import { resolveRegion, type RegionParams } from "../../region";
import { createRole } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("roles.title")} · RAM` };
}

/** RAM › Roles, with whether ECS's disk-encryption role exists. */
export default async function RolesPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const tCommon = await getTranslations("Common");
  const ctx = await consoleContext(regionId);
  const [{ data: page, refusal }, denied] = await Promise.all([
    readOrRefusal(listRoles(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      create: { action: "ram:CreateRole", resourceArn: ramResourceArn("role") },
    }),
  ]);
  const hasEcsRole = page?.items.some((role) => role.roleName === ECS_DISK_ENCRYPT_ROLE);
  return (
    <>
      <PageHeader
        title={t("roles.title")}
        description={t("roles.subtitle")}
        breadcrumb={[
          { label: t("title"), href: `/${regionId}/ram/users` },
          { label: t("roles.title") },
        ]}
        actions={
          <CreateRoleDialog
            regionId={regionId}
            accountId={getRuntime().accountId}
            createRoleAction={createRole}
            deniedReason={denied.create}
          />
        }
      />
      {page ? (
        <div className="space-y-4">
          {hasEcsRole ? null : <Notice tone="info">{t("roles.ecsRoleMissing")}</Notice>}
          <Table caption={t("roles.caption")}>
            <TableHead>
              <tr>
                <TableHeaderCell>{t("roles.roleName")}</TableHeaderCell>
                <TableHeaderCell>{t("common.description")}</TableHeaderCell>
                <TableHeaderCell>{t("common.created")}</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {page.items.length === 0 ? (
                <TableEmpty colSpan={3}>{t("roles.empty")}</TableEmpty>
              ) : (
                page.items.map((role) => (
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
                    <TableCell className="max-w-96 text-slate-600">
                      {role.description || "—"}
                    </TableCell>
                    <TableCell>
                      <Timestamp date={role.createdAt} compact />
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </div>
      ) : (
        <ErrorNotice
          message={refusal.message}
          codeLabel={tCommon("errorCode", { code: refusal.code })}
        />
      )}
    </>
  );
}
