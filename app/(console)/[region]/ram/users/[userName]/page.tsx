import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { getConsoleUser } from "@/lib/ram/console-queries";
import { listGroups } from "@/lib/ram/groups";
import { RAM_LIMITS } from "@/lib/ram/names";
import { listPolicies } from "@/lib/ram/policies";
import { getRuntime } from "@/lib/runtime";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { AccessKeysCard } from "@/components/ram/access-keys-card";
import { AttachedPoliciesCard } from "@/components/ram/attached-policies-card";
import { DeleteEntityButton } from "@/components/ram/delete-entity-button";
import { LoginProfileCard } from "@/components/ram/login-profile-card";
import { UserGroupsCard } from "@/components/ram/user-groups-card";
import { RamDetailPage, ramListHref, policyChoices } from "@/components/ram/ram-detail-page";
import { resolveRegion, type RegionParams } from "../../../region";
import { attachPolicy, detachPolicy } from "../../actions";
import {
  createAccessKey,
  deleteAccessKey,
  deleteUser,
  joinGroup,
  leaveGroup,
  removeLoginPassword,
  setAccessKeyStatus,
  setLoginPassword,
} from "../actions";

type Params = Promise<{ region: string; userName: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).userName)} · RAM` };
}

/** A RAM user: basic information, console logon, AccessKeys, groups and permissions. */
export default async function UserPage({ params }: { params: Params }) {
  const regionId = await resolveRegion(params as RegionParams);
  const userName = decodeURIComponent((await params).userName);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const { accountId } = getRuntime();
  const listHref = ramListHref(regionId, "users");

  const { data: detail, refusal } = await readOrRefusal(getConsoleUser(ctx, userName));
  if (refusal?.code === "EntityNotExist.User") notFound();
  if (!detail)
    return <RamDetailPage regionId={regionId} section="users" name={userName} refusal={refusal} />;
  const { user } = detail;
  const userArn = ramResourceArn("user", user.userName);
  const [groups, policies, denied] = await Promise.all([
    // The pickers are a nicety: a user who may not list groups or policies still sees the page.
    readOrRefusal(listGroups(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    readOrRefusal(listPolicies(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      deleteUser: { action: "ram:DeleteUser", resourceArn: userArn },
      createKey: { action: "ram:CreateAccessKey", resourceArn: userArn },
      updateKey: { action: "ram:UpdateAccessKey", resourceArn: userArn },
      deleteKey: { action: "ram:DeleteAccessKey", resourceArn: userArn },
      attach: { action: "ram:AttachPolicyToUser", resourceArn: userArn },
      detach: { action: "ram:DetachPolicyFromUser", resourceArn: userArn },
      setPassword: {
        action: detail.loginProfile ? "ram:UpdateLoginProfile" : "ram:CreateLoginProfile",
        resourceArn: userArn,
      },
      removePassword: { action: "ram:DeleteLoginProfile", resourceArn: userArn },
      joinGroup: { action: "ram:AddUserToGroup", resourceArn: ramResourceArn("group", "*") },
      leaveGroup: { action: "ram:RemoveUserFromGroup", resourceArn: ramResourceArn("group", "*") },
    }),
  ]);
  const logonName = `${user.userName}@${accountId}.onaliyun.com`;

  return (
    <RamDetailPage
      regionId={regionId}
      section="users"
      name={user.userName}
      description={user.displayName}
      actions={
        <DeleteEntityButton
          id="delete-user"
          action={deleteUser}
          input={{ userName: user.userName }}
          doneHref={listHref}
          label={t("users.detail.deleteUser")}
          title={t("users.detail.deleteTitle", { name: user.userName })}
          body={t("users.detail.deleteBody")}
          deniedReason={denied.deleteUser}
        />
      }
    >
      <Card id="user-info" title={t("users.detail.basicInfo")}>
        <DescriptionList
          columns={2}
          items={[
            { label: t("users.logonName"), value: logonName, mono: true },
            { label: t("users.displayName"), value: user.displayName || "—" },
            { label: t("users.detail.userId"), value: user.userId, mono: true },
            { label: t("common.created"), value: <Timestamp date={user.createdAt} /> },
            {
              label: t("users.lastLogin"),
              value: user.lastLoginAt ? <Timestamp date={user.lastLoginAt} /> : t("users.never"),
            },
            { label: t("common.comments"), value: user.comments || "—" },
          ]}
        />
      </Card>
      <LoginProfileCard
        userName={user.userName}
        logonName={logonName}
        profile={detail.loginProfile}
        setLoginPassword={setLoginPassword}
        removeLoginPassword={removeLoginPassword}
        denied={{ set: denied.setPassword, remove: denied.removePassword }}
      />
      <AccessKeysCard
        userName={user.userName}
        keys={detail.accessKeys}
        maxKeys={RAM_LIMITS.accessKeysPerUser}
        actions={{ createAccessKey, setAccessKeyStatus, deleteAccessKey }}
        denied={{ create: denied.createKey, update: denied.updateKey, delete: denied.deleteKey }}
      />
      <UserGroupsCard
        regionId={regionId}
        userName={user.userName}
        groups={detail.groups}
        allGroups={groups.data?.items.map((group) => group.groupName) ?? []}
        joinGroup={joinGroup}
        leaveGroup={leaveGroup}
        denied={{ add: denied.joinGroup, remove: denied.leaveGroup }}
      />
      <AttachedPoliciesCard
        regionId={regionId}
        principal={{ type: "User", name: user.userName }}
        policies={detail.policies}
        available={policyChoices(policies)}
        actions={{ attachPolicy, detachPolicy }}
        denied={{ attach: denied.attach, detach: denied.detach }}
      />
    </RamDetailPage>
  );
}
