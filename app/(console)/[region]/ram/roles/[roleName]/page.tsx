import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { ramResourceArn } from "@/lib/ram/arns";
import { listPoliciesFor } from "@/lib/ram/attachments";
import { ECS_DISK_ENCRYPT_ROLE } from "@/lib/ram/ecs-disk-encrypt-role";
import { getRole } from "@/lib/ram/manage-roles";
import { RAM_LIMITS } from "@/lib/ram/names";
import { listPolicies } from "@/lib/ram/policies";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Notice } from "@/components/ui/notice";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { AttachedPoliciesCard } from "@/components/ram/attached-policies-card";
import { DeleteEntityButton } from "@/components/ram/delete-entity-button";
import { TrustPolicyCard } from "@/components/ram/trust-policy-card";
import { RamDetailPage, ramListHref, policyChoices } from "@/components/ram/ram-detail-page";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { resolveRegion, type RegionParams } from "../../../region";
import { attachPolicy, detachPolicy } from "../../actions";
import { deleteRole, updateTrustPolicy } from "../actions";

type Params = Promise<{ region: string; roleName: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).roleName)} · RAM` };
}

/** A RAM role: ARN, trust policy and permissions. */
export default async function RolePage({ params }: { params: Params }) {
  const regionId = await resolveRegion(params as RegionParams);
  const roleName = decodeURIComponent((await params).roleName);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const listHref = ramListHref(regionId, "roles");
  const { data: role, refusal } = await readOrRefusal(getRole(ctx, { roleName }));
  if (refusal?.code === "EntityNotExist.Role") notFound();
  if (!role)
    return <RamDetailPage regionId={regionId} section="roles" name={roleName} refusal={refusal} />;
  const roleArn = ramResourceArn("role", role.roleName);
  const [attached, policies, denied] = await Promise.all([
    readOrRefusal(listPoliciesFor(ctx, { principalType: "Role", principalName: role.roleName })),
    readOrRefusal(listPolicies(ctx, { maxItems: RAM_LIMITS.maxItems.max })),
    deniedReasons(ctx, {
      delete: { action: "ram:DeleteRole", resourceArn: roleArn },
      update: { action: "ram:UpdateRole", resourceArn: roleArn },
      attach: { action: "ram:AttachPolicyToRole", resourceArn: roleArn },
      detach: { action: "ram:DetachPolicyFromRole", resourceArn: roleArn },
    }),
  ]);
  return (
    <RamDetailPage
      regionId={regionId}
      section="roles"
      name={role.roleName}
      description={role.description}
      actions={
        <DeleteEntityButton
          id="delete-role"
          action={deleteRole}
          input={{ roleName: role.roleName }}
          doneHref={listHref}
          label={t("roles.detail.deleteRole")}
          title={t("roles.detail.deleteTitle", { name: role.roleName })}
          body={t("roles.detail.deleteBody")}
          deniedReason={denied.delete}
        />
      }
    >
      {role.roleName === ECS_DISK_ENCRYPT_ROLE ? (
        <Notice tone="info">{t("roles.ecsRolePresent")}</Notice>
      ) : null}
      <Card id="role-info" title={t("roles.detail.info")}>
        <DescriptionList
          columns={2}
          items={[
            { label: t("roles.roleName"), value: role.roleName, mono: true },
            { label: t("roles.detail.roleId"), value: role.roleId, mono: true },
            { label: t("roles.arn"), value: role.arn, mono: true },
            {
              label: t("roles.detail.maxSession"),
              value: t("roles.detail.seconds", { count: role.maxSessionDuration }),
            },
            { label: t("common.created"), value: <Timestamp date={role.createdAt} /> },
            { label: t("common.description"), value: role.description || "—" },
          ]}
        />
      </Card>
      <TrustPolicyCard
        key={role.assumeRolePolicyDocument}
        roleName={role.roleName}
        document={role.assumeRolePolicyDocument}
        updateAction={updateTrustPolicy}
        deniedReason={denied.update}
      />
      {attached.data ? (
        <AttachedPoliciesCard
          regionId={regionId}
          principal={{ type: "Role", name: role.roleName }}
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
