import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { listPoliciesFor } from "@/lib/ram/attachments";
import { getGroup, listUsersForGroup } from "@/lib/ram/groups";
import { RAM_LIMITS } from "@/lib/ram/names";
import { listPolicies } from "@/lib/ram/policies";
import { listUsers } from "@/lib/ram/users";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { AttachedPoliciesCard } from "@/components/ram/attached-policies-card";
import { DeleteEntityButton } from "@/components/ram/delete-entity-button";
import { GroupMembersCard } from "@/components/ram/user-groups-card";
import { RamDetailPage, ramListHref, policyChoices } from "@/components/ram/ram-detail-page";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { resolveRegion, type RegionParams } from "../../../region";
import { attachPolicy, detachPolicy } from "../../actions";
import { leaveGroup } from "../../users/actions";
import { addMember, deleteGroup } from "../actions";

type Params = Promise<{ region: string; groupName: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).groupName)} · RAM` };
}

/** A RAM group: its members and its policies. */
export default async function GroupPage({ params }: { params: Params }) {
  const regionId = await resolveRegion(params as RegionParams);
  const groupName = decodeURIComponent((await params).groupName);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const listHref = ramListHref(regionId, "groups");
  const { data: group, refusal } = await readOrRefusal(getGroup(ctx, { groupName }));
  if (refusal?.code === "EntityNotExist.Group") notFound();
  if (!group)
    return (
      <RamDetailPage regionId={regionId} section="groups" name={groupName} refusal={refusal} />
    );
  const groupArn = ramResourceArn("group", group.groupName);
  const [members, attached, users, policies, denied] = await Promise.all([
    readOrRefusal(
      listUsersForGroup(ctx, { groupName: group.groupName, maxItems: RAM_LIMITS.maxItems.max }),
    ),
    readOrRefusal(listPoliciesFor(ctx, { principalType: "Group", principalName: group.groupName })),
    readOrRefusal(listUsers(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    readOrRefusal(listPolicies(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      deleteGroup: { action: "ram:DeleteGroup", resourceArn: groupArn },
      add: { action: "ram:AddUserToGroup", resourceArn: groupArn },
      remove: { action: "ram:RemoveUserFromGroup", resourceArn: groupArn },
      attach: { action: "ram:AttachPolicyToGroup", resourceArn: groupArn },
      detach: { action: "ram:DetachPolicyFromGroup", resourceArn: groupArn },
    }),
  ]);
  return (
    <RamDetailPage
      regionId={regionId}
      section="groups"
      name={group.groupName}
      description={group.comments}
      actions={
        <DeleteEntityButton
          id="delete-group"
          action={deleteGroup}
          input={{ groupName: group.groupName }}
          doneHref={listHref}
          label={t("groups.deleteGroup")}
          title={t("groups.deleteTitle", { name: group.groupName })}
          body={t("groups.deleteBody")}
          deniedReason={denied.deleteGroup}
        />
      }
    >
      <Card id="group-info" title={t("users.detail.basicInfo")}>
        <DescriptionList
          columns={2}
          items={[
            { label: t("groups.groupName"), value: group.groupName, mono: true },
            { label: t("common.comments"), value: group.comments || "—" },
            { label: t("common.created"), value: <Timestamp date={group.createdAt} /> },
          ]}
        />
      </Card>
      {members.data ? (
        <GroupMembersCard
          regionId={regionId}
          groupName={group.groupName}
          members={members.data.items}
          allUsers={users.data?.items.map((user) => user.userName) ?? []}
          addMember={addMember}
          removeMember={leaveGroup}
          denied={{ add: denied.add, remove: denied.remove }}
        />
      ) : (
        <RefusalNotice refusal={members.refusal} />
      )}
      {attached.data ? (
        <AttachedPoliciesCard
          regionId={regionId}
          principal={{ type: "Group", name: group.groupName }}
          policies={attached.data}
          available={policyChoices(policies)}
          actions={{ attachPolicy, detachPolicy }}
          denied={{ attach: denied.attach, detach: denied.detach }}
        />
      ) : (
        <RefusalNotice refusal={attached.refusal} />
      )}
    </RamDetailPage>
  );
}
