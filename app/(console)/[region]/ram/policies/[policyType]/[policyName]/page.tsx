import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { listEntitiesForPolicy } from "@/lib/ram/attachments";
import { getPolicy, policyResourceArn } from "@/lib/ram/policies";
import { listPolicyVersions } from "@/lib/ram/policy-versions";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { DeleteEntityButton } from "@/components/ram/delete-entity-button";
import { EditPolicyForm } from "@/components/ram/edit-policy-form";
import { PolicyJsonView } from "@/components/ram/policy-json-view";
import { PolicyVersionsCard } from "@/components/ram/policy-versions-card";
import { RamDetailPage, ramListHref } from "@/components/ram/ram-detail-page";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { resolveRegion, type RegionParams } from "../../../../region";
import {
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  setDefaultPolicyVersion,
  validatePolicyDocument,
} from "../../actions";

type Params = Promise<{ region: string; policyType: string; policyName: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).policyName)} · RAM` };
}

/** A policy: its information, default document, versions (custom), references, and Edit/Delete (custom). */
export default async function PolicyPage({ params }: { params: Params }) {
  const regionId = await resolveRegion(params as RegionParams);
  const { policyType, policyName: rawName } = await params;
  if (policyType !== "System" && policyType !== "Custom") notFound();
  const policyName = decodeURIComponent(rawName);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const listHref = ramListHref(regionId, "policies");
  const { data: detail, refusal } = await readOrRefusal(getPolicy(ctx, { policyType, policyName }));
  if (refusal?.code === "EntityNotExist.Policy") notFound();
  if (!detail)
    return (
      <RamDetailPage regionId={regionId} section="policies" name={policyName} refusal={refusal} />
    );
  const { policy, defaultVersion } = detail;
  const isCustom = policy.policyType === "Custom";
  const arn = policyResourceArn(policy.policyType, policy.policyName);
  const [versions, entities, denied] = await Promise.all([
    isCustom
      ? readOrRefusal(listPolicyVersions(ctx, { policyType, policyName: policy.policyName }))
      : undefined,
    readOrRefusal(listEntitiesForPolicy(ctx, { policyType, policyName: policy.policyName })),
    deniedReasons(ctx, {
      delete: { action: "ram:DeletePolicy", resourceArn: arn },
      createVersion: { action: "ram:CreatePolicyVersion", resourceArn: arn },
      setDefault: { action: "ram:SetDefaultPolicyVersion", resourceArn: arn },
      deleteVersion: { action: "ram:DeletePolicyVersion", resourceArn: arn },
    }),
  ]);
  const references = entities.data
    ? [
        ...entities.data.users.map((u) => ({
          type: "User" as const,
          name: u.userName,
          href: `/${regionId}/ram/users/${u.userName}`,
          at: u.attachDate,
        })),
        ...entities.data.groups.map((g) => ({
          type: "Group" as const,
          name: g.groupName,
          href: `/${regionId}/ram/groups/${g.groupName}`,
          at: g.attachDate,
        })),
        ...entities.data.roles.map((r) => ({
          type: "Role" as const,
          name: r.roleName,
          href: `/${regionId}/ram/roles/${r.roleName}`,
          at: r.attachDate,
        })),
      ]
    : [];

  return (
    <RamDetailPage
      regionId={regionId}
      section="policies"
      name={policy.policyName}
      description={policy.description}
      actions={
        isCustom ? (
          <DeleteEntityButton
            id="delete-policy"
            action={deletePolicy}
            input={{ policyName: policy.policyName }}
            doneHref={listHref}
            label={t("policies.detail.deletePolicy")}
            title={t("policies.detail.deleteTitle", { name: policy.policyName })}
            body={t("policies.detail.deleteBody")}
            deniedReason={denied.delete}
          />
        ) : null
      }
    >
      <Card id="policy-info" title={t("policies.detail.info")}>
        <DescriptionList
          columns={2}
          items={[
            { label: t("common.policyName"), value: policy.policyName, mono: true },
            {
              label: t("common.policyType"),
              value: (
                <Badge tone={isCustom ? "neutral" : "info"}>
                  {t(`common.${policy.policyType}`)}
                </Badge>
              ),
            },
            { label: t("policies.defaultVersion"), value: policy.defaultVersion, mono: true },
            { label: t("policies.attachments"), value: policy.attachmentCount },
            { label: t("common.created"), value: <Timestamp date={policy.createdAt} /> },
            { label: t("common.description"), value: policy.description || "—" },
          ]}
        />
      </Card>
      <Card id="policy-document" title={t("policies.detail.document")}>
        <PolicyJsonView
          document={defaultVersion.policyDocument}
          label={t("policies.detail.documentOf", {
            name: policy.policyName,
            version: defaultVersion.versionId,
          })}
        />
      </Card>
      {isCustom && versions?.data ? (
        <PolicyVersionsCard
          policyName={policy.policyName}
          versions={versions.data}
          actions={{ setDefaultPolicyVersion, deletePolicyVersion }}
          denied={{ setDefault: denied.setDefault, delete: denied.deleteVersion }}
        />
      ) : null}
      {isCustom ? (
        <EditPolicyForm
          key={defaultVersion.versionId}
          policyName={policy.policyName}
          document={defaultVersion.policyDocument}
          createVersionAction={createPolicyVersion}
          validateAction={validatePolicyDocument}
          deniedReason={denied.createVersion}
        />
      ) : null}
      <Card id="policy-references" title={t("policies.detail.references")}>
        {entities.data ? (
          <Table caption={t("policies.detail.references")}>
            <TableHead>
              <tr>
                <TableHeaderCell>{t("policies.detail.principal")}</TableHeaderCell>
                <TableHeaderCell>{t("policies.detail.principalType")}</TableHeaderCell>
                <TableHeaderCell>{t("common.created")}</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {references.length === 0 ? (
                <TableEmpty colSpan={3}>{t("policies.detail.noReferences")}</TableEmpty>
              ) : (
                references.map((ref) => (
                  <TableRow key={`${ref.type}:${ref.name}`}>
                    <TableCell>
                      <Link href={ref.href} className="font-medium text-blue-700 hover:underline">
                        {ref.name}
                      </Link>
                    </TableCell>
                    <TableCell>{t(`policies.detail.${ref.type}`)}</TableCell>
                    <TableCell>
                      <Timestamp date={ref.at} compact />
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        ) : (
          <RefusalNotice refusal={entities.refusal} />
        )}
      </Card>
    </RamDetailPage>
  );
}
