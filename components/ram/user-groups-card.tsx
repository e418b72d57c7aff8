"use client";

import { useTranslations } from "next-intl";
import { MembershipCard } from "@/components/ram/membership-card";
import type { ActionResult } from "@/lib/console/server-action";

type GroupAction = (input: { userName: string; groupName: string }) => Promise<ActionResult<null>>;

/** The groups a user belongs to (its page), and joining or leaving one. */
export function UserGroupsCard({
  regionId,
  userName,
  groups,
  allGroups,
  joinGroup,
  leaveGroup,
  denied,
}: {
  regionId: string;
  userName: string;
  groups: { groupName: string; comments: string; joinDate: Date }[];
  allGroups: string[];
  joinGroup: GroupAction;
  leaveGroup: GroupAction;
  denied: { add?: string; remove?: string };
}) {
  const t = useTranslations("Ram.users.detail");
  return (
    <MembershipCard
      id="user-groups"
      labels={{
        title: t("groups"),
        description: t("groupsDescription", { name: userName }),
        column: t("chooseGroup"),
        empty: t("noGroups"),
        choose: t("chooseGroup"),
        add: t("joinGroup"),
        adding: t("joining"),
        removeTitle: (group) => t("leaveTitle", { name: userName, group }),
        removeBody: t("leaveBody"),
      }}
      members={groups.map((group) => ({
        name: group.groupName,
        href: `/${regionId}/ram/groups/${encodeURIComponent(group.groupName)}`,
        detail: group.comments || undefined,
        joinDate: group.joinDate,
      }))}
      options={allGroups}
      add={(groupName) => joinGroup({ userName, groupName })}
      remove={(groupName) => leaveGroup({ userName, groupName })}
      denied={denied}
    />
  );
}

/** A group's members (its page), and adding or removing one. */
export function GroupMembersCard({
  regionId,
  groupName,
  members,
  allUsers,
  addMember,
  removeMember,
  denied,
}: {
  regionId: string;
  groupName: string;
  members: { userName: string; displayName: string; joinDate: Date }[];
  allUsers: string[];
  addMember: GroupAction;
  removeMember: GroupAction;
  denied: { add?: string; remove?: string };
}) {
  const t = useTranslations("Ram.groups");
  const tUsers = useTranslations("Ram.users.detail");
  return (
    <MembershipCard
      id="group-members"
      labels={{
        title: t("members"),
        description: t("membersDescription", { name: groupName }),
        column: t("chooseUser"),
        empty: t("noMembers"),
        choose: t("chooseUser"),
        add: t("addMember"),
        adding: t("adding"),
        removeTitle: (userName) => tUsers("leaveTitle", { name: userName, group: groupName }),
        removeBody: tUsers("leaveBody"),
      }}
      members={members.map((member) => ({
        name: member.userName,
        href: `/${regionId}/ram/users/${encodeURIComponent(member.userName)}`,
        detail: member.displayName || undefined,
        joinDate: member.joinDate,
      }))}
      options={allUsers}
      add={(userName) => addMember({ userName, groupName })}
      remove={(userName) => removeMember({ userName, groupName })}
      denied={denied}
    />
  );
}
