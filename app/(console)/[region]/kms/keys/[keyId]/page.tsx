import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { getKeyDetail, listKeyEvents } from "@/lib/kms/console-queries";
import { keyUsageByHour } from "@/lib/audit/key-usage";
import { keyProtectionGraph } from "@/lib/ecs/key-graph/key-protection-graph";
import { canRotate } from "@/lib/kms/key-specs";
import { Card } from "@/components/ui/card";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { KeyAliasesCard } from "@/components/kms/key-aliases-card";
import { KeyAssociationsList } from "@/components/kms/key-associations-list";
import { KeyDetailCard } from "@/components/kms/key-detail-card";
import { KeyEventsTable } from "@/components/kms/key-events-table";
import { KeyProtectionGraph } from "@/components/kms/key-protection-graph";
import { KeyUsageCard } from "@/components/kms/key-usage-card";
import { KeyStateActions } from "@/components/kms/key-state-actions";
import { deniedKeyStateActions } from "@/components/kms/key-permissions";
import { KeyTagsCard } from "@/components/kms/key-tags-card";
import { KeyVersionsCard } from "@/components/kms/key-versions-card";
import { PublicKeyCard } from "@/components/kms/public-key-card";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { RotationPolicyForm } from "@/components/kms/rotation-policy-form";
import { resolveRegion } from "../../../region";
import {
  cancelKeyDeletion,
  disableKey,
  enableKey,
  listKeyAssociations,
  scheduleKeyDeletion,
} from "../actions";
import * as settings from "./actions";

type KeyParams = Promise<{ region: string; keyId: string }>;

const RECENT_OPERATIONS = 20;

export async function generateMetadata({ params }: { params: KeyParams }): Promise<Metadata> {
  const t = await getTranslations("Kms");
  return { title: `${(await params).keyId} · ${t("title")}` };
}

/** KMS › Keys › one key: its metadata, versions, aliases, tags, rotation, use and history. */
export default async function KeyDetailPage({ params }: { params: KeyParams }) {
  const regionId = await resolveRegion(params);
  const { keyId } = await params;
  const t = await getTranslations();
  const ctx = await consoleContext(regionId);
  const breadcrumb = [
    { label: t("Nav.kms"), href: `/${regionId}/kms/keys` },
    { label: t("Kms.detail.breadcrumb"), href: `/${regionId}/kms/keys` },
    { label: keyId },
  ];
  const { data: detail, refusal } = await readOrRefusal(getKeyDetail(ctx, { keyId }));
  if (refusal?.code === "Forbidden.KeyNotFound" || refusal?.code === "Forbidden.AliasNotFound")
    notFound();
  if (!detail) {
    return (
      <>
        <PageHeader title={keyId} breadcrumb={breadcrumb} />
        <ErrorNotice
          message={refusal.message}
          codeLabel={t("Common.errorCode", { code: refusal.code })}
        />
      </>
    );
  }
  const [events, graph, usage] = await Promise.all([
    readOrRefusal(listKeyEvents(ctx, { keyId: detail.key.keyId, maxResults: RECENT_OPERATIONS })),
    readOrRefusal(
      keyProtectionGraph(ctx, {
        keyId: detail.key.keyId,
        regionId,
        associations: detail.associations,
      }),
    ),
    readOrRefusal(keyUsageByHour(ctx, { keyId: detail.key.keyId })),
  ]);

  const key = detail.key;
  const keyRef = { regionId, keyId: key.keyId };
  const isUserKey = key.creatorType === "User";
  const aliasNames = detail.aliases.map((alias) => alias.aliasName);
  const denied = (await deniedKeyStateActions(ctx, [key.keyId]))[key.keyId];

  return (
    <>
      <PageHeader
        title={key.keyId}
        description={aliasNames[0] ?? (key.description || undefined)}
        breadcrumb={breadcrumb}
        actions={
          <KeyStateActions
            denied={denied}
            layout="page"
            actions={{
              enableKey,
              disableKey,
              scheduleKeyDeletion,
              cancelKeyDeletion,
              listKeyAssociations,
            }}
            target={{
              regionId,
              keyId: key.keyId,
              aliasName: aliasNames[0],
              keyState: key.keyState,
              creatorType: key.creatorType,
              creator: key.creator,
              deletionProtection: key.deletionProtection,
            }}
          />
        }
      />
      <div className="space-y-5">
        {isUserKey ? null : (
          <Notice tone="info">
            {t("Kms.detail.serviceKey", { creator: key.creator.toUpperCase() })}
          </Notice>
        )}
        <KeyDetailCard keyView={key} setDeletionProtection={settings.setDeletionProtection} />
        <div className="grid gap-5 lg:grid-cols-2">
          <KeyAliasesCard
            keyRef={keyRef}
            aliases={detail.aliases}
            canManage={isUserKey && key.keyState !== "PendingDeletion"}
            actions={{ createAlias: settings.createAlias, deleteAlias: settings.deleteAlias }}
          />
          <KeyTagsCard
            keyRef={keyRef}
            tags={detail.tags}
            canManage={isUserKey && key.keyState !== "PendingDeletion"}
            actions={{ tagKey: settings.tagKey, untagKey: settings.untagKey }}
          />
        </div>
        <div className="grid gap-5 lg:grid-cols-2">
          <Card
            id="key-rotation"
            title={t("Kms.detail.rotationPolicy.title")}
            description={t("Kms.detail.rotationPolicy.description")}
          >
            {isUserKey && canRotate(key) ? (
              <RotationPolicyForm
                keyRef={keyRef}
                isEnabledKey={key.keyState === "Enabled"}
                rotationEnabled={key.automaticRotation !== "Disabled"}
                rotationIntervalSeconds={key.rotationIntervalSeconds}
                updateRotationPolicy={settings.updateRotationPolicy}
              />
            ) : (
              <p className="text-sm text-slate-600">
                {isUserKey
                  ? t("Kms.detail.rotationPolicy.notRotatable")
                  : t("Kms.detail.serviceKey", { creator: key.creator.toUpperCase() })}
              </p>
            )}
          </Card>
          <KeyVersionsCard
            keyRef={keyRef}
            versions={detail.versions}
            canRotateNow={isUserKey && canRotate(key) && key.keyState === "Enabled"}
            createKeyVersion={settings.createKeyVersion}
          />
        </div>
        {detail.publicKeyPem ? <PublicKeyCard pem={detail.publicKeyPem} /> : null}
        <Card
          id="key-associations"
          title={t("Kms.detail.associations.title")}
          description={t("Kms.detail.associations.description")}
        >
          <KeyAssociationsList keyId={key.keyId} associations={detail.associations} />
        </Card>
        <Card
          id="key-graph"
          title={t("Kms.graph.title")}
          description={t("Kms.graph.description")}
        >
          {graph.data ? (
            <KeyProtectionGraph keyId={key.keyId} graph={graph.data} />
          ) : (
            <ErrorNotice
              message={`${t("Kms.graph.unavailable")} ${graph.refusal.message}`}
              codeLabel={t("Common.errorCode", { code: graph.refusal.code })}
            />
          )}
        </Card>
        {usage.data ? (
          <KeyUsageCard keyId={key.keyId} hours={usage.data} />
        ) : (
          <ErrorNotice
            message={`${t("Kms.usage.unavailable")} ${usage.refusal.message}`}
            codeLabel={t("Common.errorCode", { code: usage.refusal.code })}
          />
        )}
        <Card
          id="key-events"
          title={t("Kms.detail.events.title")}
          description={t("Kms.detail.events.description")}
        >
          {events.data ? (
            <KeyEventsTable keyId={key.keyId} events={events.data.events} />
          ) : (
            <ErrorNotice
              message={`${t("Kms.detail.events.unavailable")} ${events.refusal.message}`}
              codeLabel={t("Common.errorCode", { code: events.refusal.code })}
            />
          )}
        </Card>
      </div>
    </>
  );
}
