import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { isAppError } from "@/lib/errors";
import { getExecutionView } from "@/lib/oos/console-queries";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { ExecutionProgressView } from "@/components/oos/execution-progress";
import { resolveRegion } from "../../../region";
import { cancelBulkEncrypt, pollExecution } from "../../actions";

type Params = Promise<{ region: string; executionId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Oos.execution.title", { executionId: (await params).executionId })} · ${t("Nav.oos")}` };
}

/** One execution: its overall progress and a row per instance with its step, polled while it runs. */
export default async function ExecutionPage({ params }: { params: Params }) {
  const regionId = await resolveRegion(params);
  const { executionId } = await params;
  const t = await getTranslations();
  const ctx = await consoleContext(regionId);
  let view;
  try {
    view = await getExecutionView(ctx, { executionId });
  } catch (error) {
    if (isAppError(error) && error.code === "EntityNotExists.Execution") notFound();
    if (!isAppError(error)) throw error;
    return <ErrorNotice message={error.message} codeLabel={t("Common.errorCode", { code: error.code })} />;
  }
  return (
    <>
      <PageHeader
        title={t("Oos.execution.title", { executionId })}
        breadcrumb={[
          { label: t("Nav.sections.operations") },
          { label: t("Oos.list.title"), href: `/${regionId}/oos` },
          { label: executionId },
        ]}
      />
      <ExecutionProgressView regionId={regionId} initial={view} poll={pollExecution} cancel={cancelBulkEncrypt} />
    </>
  );
}
