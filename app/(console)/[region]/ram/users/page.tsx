import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { listUsers } from "@/lib/ram/users";
import { RAM_LIMITS } from "@/lib/ram/names";
import { getRuntime } from "@/lib/runtime";
import { TableCell, TableRow } from "@/components/ui/table";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { CreateUserDialog } from "@/components/ram/create-user-dialog";
import { RamListPage } from "@/components/ram/ram-list-page";
import { resolveRegion, type RegionParams } from "../../region";
import { createUser } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Ram");
  return { title: `${t("users.title")} · RAM` };
}

/** RAM › Users: every RAM user of the account (RAM is global: the same in every region). */
export default async function UsersPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const { accountId } = getRuntime();
  const [read, denied] = await Promise.all([
    readOrRefusal(listUsers(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      create: { action: "ram:CreateUser", resourceArn: ramResourceArn("user") },
    }),
  ]);
  return (
    <RamListPage
      regionId={regionId}
      title={t("users.title")}
      description={t("users.subtitle", { accountId })}
      actions={
        <CreateUserDialog
          regionId={regionId}
          accountId={accountId}
          createUserAction={createUser}
          deniedReason={denied.create}
        />
      }
      read={read}
      caption={t("users.tableCaption")}
      columns={[
        t("users.logonName"),
        t("users.displayName"),
        t("common.created"),
        t("users.lastLogin"),
      ]}
      empty={t("users.empty")}
      row={(user) => (
        <TableRow key={user.userId}>
          <TableCell>
            <Link
              href={`/${regionId}/ram/users/${encodeURIComponent(user.userName)}`}
              className="font-medium text-blue-700 hover:underline"
            >
              {user.userName}
            </Link>
            <p className="font-mono text-xs text-slate-500">
              {user.userName}@{accountId}.onaliyun.com
            </p>
          </TableCell>
          <TableCell>{user.displayName || "—"}</TableCell>
          <TableCell>
            <Timestamp date={user.createdAt} compact />
          </TableCell>
          <TableCell>
            {user.lastLoginAt ? <Timestamp date={user.lastLoginAt} compact /> : t("users.never")}
          </TableCell>
        </TableRow>
      )}
    />
  );
}
