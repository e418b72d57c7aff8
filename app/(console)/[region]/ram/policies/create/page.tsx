import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { policyResourceArn } from "@/lib/ram/policies";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { CreatePolicyForm } from "@/components/ram/create-policy-form";
import { resolveRegion, type RegionParams } from "../../../region";
import { createPolicy, validatePolicyDocument } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("Ram"))("policies.create.title")} · RAM` };
}

/** RAM › Policies › Create policy (JSON editor with templates). */
export default async function CreatePolicyPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Ram");
  const ctx = await consoleContext(regionId);
  const denied = await deniedReasons(ctx, {
    create: { action: "ram:CreatePolicy", resourceArn: policyResourceArn("Custom") },
  });
  return (
    <>
      <PageHeader
        title={t("policies.create.title")}
        description={t("policies.create.subtitle")}
        breadcrumb={[
          { label: t("title"), href: `/${regionId}/ram/users` },
          { label: t("policies.title"), href: `/${regionId}/ram/policies` },
          { label: t("policies.create.title") },
        ]}
      />
      <div className="space-y-4">
        {denied.create ? <Notice tone="warning">{denied.create}</Notice> : null}
        <CreatePolicyForm
          regionId={regionId}
          createPolicyAction={createPolicy}
          validateAction={validatePolicyDocument}
        />
      </div>
    </>
  );
}
