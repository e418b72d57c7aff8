import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { regionName } from "@/lib/ecs/catalog/regions";
import { isCmkSupportedRegion } from "@/lib/ecs/catalog/restrictions";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { listKeys } from "@/lib/kms/list-keys";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/shell/page-header";
import { CreateKeyDialog } from "@/components/kms/create-key-dialog";
import { KeyListControls } from "@/components/kms/key-list-controls";
import {
  KEY_LIST_PAGE_SIZE,
  keyListHref,
  listKeysFiltersOf,
  parseKeyListParams,
} from "@/components/kms/key-list-params";
import { KeyTable } from "@/components/kms/key-table";
import { deniedKeyStateActions } from "@/components/kms/key-permissions";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { keyContainerArn } from "@/lib/kms/key-operation";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { resolveRegion, type RegionParams } from "../../region";
import {
  cancelKeyDeletion,
  createKey,
  disableKey,
  enableKey,
  listKeyAssociations,
  scheduleKeyDeletion,
} from "./actions";

const CMK_UNAVAILABLE_ID = "kms-cmk-unavailable";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Kms.title")} · ${t("Nav.kms")}` };
}

/** KMS › Keys: the region's keys by tab (Default keys, Customer master keys) and state. */
export default async function KeysPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const list = parseKeyListParams(await searchParams);
  const t = await getTranslations();
  const name = regionName(regionId, catalogLanguageOf(await getLocale()));
  const { data: page, refusal } = await readOrRefusal(
    listKeys(await consoleContext(regionId), {
      pageNumber: list.page,
      pageSize: KEY_LIST_PAGE_SIZE,
      filters: listKeysFiltersOf(list),
    }),
  );
  // A page past the end (keys were deleted since the link was made): the last page instead.
  if (page && page.items.length === 0 && page.totalCount > 0 && list.page > 1)
    redirect(
      keyListHref(regionId, { ...list, page: Math.ceil(page.totalCount / KEY_LIST_PAGE_SIZE) }),
    );
  const canCreate = isCmkSupportedRegion(regionId);
  const ctx = await consoleContext(regionId);
  const [denied, deniedByKey] = await Promise.all([
    deniedReasons(ctx, {
      create: { action: "kms:CreateKey", resourceArn: keyContainerArn(regionId) },
    }),
    deniedKeyStateActions(ctx, page?.items.map((key) => key.keyId) ?? []),
  ]);
  const stateActions = {
    enableKey,
    disableKey,
    scheduleKeyDeletion,
    cancelKeyDeletion,
    listKeyAssociations,
  };

  return (
    <>
      <PageHeader
        title={t("Kms.title")}
        description={t("Kms.subtitle", { region: name })}
        breadcrumb={[
          { label: t("Nav.kms"), href: `/${regionId}/kms/keys` },
          { label: t("Kms.title") },
        ]}
        actions={
          <CreateKeyDialog
            regionId={regionId}
            regionName={name}
            createKeyAction={createKey}
            unavailableNoticeId={canCreate ? undefined : CMK_UNAVAILABLE_ID}
            deniedReason={denied.create}
          />
        }
      />
      <div className="space-y-4">
        {canCreate ? null : (
          <div id={CMK_UNAVAILABLE_ID}>
            <Notice tone="warning" live="alert">
              {t("Kms.cmkUnavailable", { region: name })}
            </Notice>
          </div>
        )}
        <KeyListControls
          regionId={regionId}
          params={list}
          note={
            list.tab === "default" ? <Notice tone="info">{t("Kms.serviceKeysNote")}</Notice> : null
          }
        >
          {page ? (
            <>
              <KeyTable
                tab={list.tab}
                regionId={regionId}
                regionName={name}
                keys={page.items}
                isFiltered={list.state !== undefined}
                canCreate={canCreate}
                actions={stateActions}
                deniedByKey={deniedByKey}
              />
              {page.totalCount === 0 ? null : (
                <Pagination
                  page={list.page}
                  totalCount={page.totalCount}
                  pageSize={KEY_LIST_PAGE_SIZE}
                  hrefOf={(target) => keyListHref(regionId, { ...list, page: target })}
                  labels={{
                    label: t("Kms.paging.label"),
                    previous: t("Kms.paging.previous"),
                    next: t("Kms.paging.next"),
                    summary: (position) =>
                      t("Kms.paging.summary", { count: page.totalCount, ...position }),
                  }}
                />
              )}
            </>
          ) : (
            <ErrorNotice
              message={refusal.message}
              codeLabel={t("Common.errorCode", { code: refusal.code })}
            />
          )}
        </KeyListControls>
      </div>
    </>
  );
}
