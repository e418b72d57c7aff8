import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { listGroups } from "@/lib/ram/groups";
import { RAM_LIMITS } from "@/lib/ram/names";
import { TableCell, TableRow } from "@/components/ui/table";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { CreateGroupDialog } from "@/components/ram/create-group-dialog";
import { RamListPage } from "@/components/ram/ram-list-page";
import { resolveRegion, type RegionParams } from "../../region";
import { createGroup } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("groups.title")} · RAM` };
}

/** RAM › Groups. */
export default async function GroupsPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const [read, denied] = await Promise.all([
    readOrRefusal(listGroups(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      create: { action: "ram:CreateGroup", resourceArn: ramResourceArn("group") },
    }),
  ]);
  return (
    <RamListPage
      regionId={regionId}
      title={t("groups.title")}
      description={t("groups.subtitle")}
      actions={
        <CreateGroupDialog
          regionId={regionId}
          createGroupAction={createGroup}
          deniedReason={denied.create}
        />
      }
      read={read}
      caption={t("groups.caption")}
      columns={[t("groups.groupName"), t("common.comments"), t("common.created")]}
      empty={t("groups.empty")}
      row={(group) => (
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
      )}
    />
  );
}
