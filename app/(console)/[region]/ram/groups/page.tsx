import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { listGroups } from "@/lib/ram/groups";
import { RAM_LIMITS } from "@/lib/ram/names";
import { ErrorNotice } from "@/components/ui/notice";
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
import { CreateGroupDialog } from "@/components/ram/create-group-dialog";
import { resolveRegion, type RegionParams } from "../../region";
import { createGroup } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("groups.title")} · RAM` };
}

/** RAM › Groups. */
export default async function GroupsPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const tCommon = await getTranslations("Common");
  const ctx = await consoleContext(regionId);
  const [{ data: page, refusal }, denied] = await Promise.all([
    readOrRefusal(listGroups(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      create: { action: "ram:CreateGroup", resourceArn: ramResourceArn("group") },
    }),
  ]);
  return (
    <>
      <PageHeader
        title={t("groups.title")}
        description={t("groups.subtitle")}
        breadcrumb={[
          { label: t("title"), href: `/${regionId}/ram/users` },
          { label: t("groups.title") },
        ]}
        actions={
          <CreateGroupDialog
            regionId={regionId}
            createGroupAction={createGroup}
            deniedReason={denied.create}
          />
        }
      />
      {page ? (
        <Table caption={t("groups.caption")}>
          <TableHead>
            <tr>
              <TableHeaderCell>{t("groups.groupName")}</TableHeaderCell>
              <TableHeaderCell>{t("common.comments")}</TableHeaderCell>
              <TableHeaderCell>{t("common.created")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {page.items.length === 0 ? (
              <TableEmpty colSpan={3}>{t("groups.empty")}</TableEmpty>
            ) : (
              page.items.map((group) => (
                <TableRow key={group.groupId}>
                  <TableCell>
                    <Link
                      href={`/${regionId}/ram/groups/${encodeURIComponent(group.groupName)}`}
                      className="font-medium text-blue-700 hover:underline"
                    >
                      {group.groupName}
                    </Link>
                  </TableCell>
                  <TableCell>{group.comments || "—"}</TableCell>
                  <TableCell>
                    <Timestamp date={group.createdAt} compact />
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      ) : (
        <ErrorNotice
          message={refusal.message}
          codeLabel={tCommon("errorCode", { code: refusal.code })}
        />
      )}
    </>
  );
}
