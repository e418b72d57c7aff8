import { getTranslations } from "next-intl/server";

/** An instance page's skeleton: header, attributes, disks, terminal. */
export default async function InstanceLoading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className="h-3 w-40 rounded bg-slate-200" />
        <div className="h-6 w-72 rounded bg-slate-200" />
      </div>
      <div className="flex gap-4 border-b border-slate-200 pb-2">
        <div className="h-5 w-20 rounded bg-slate-200" />
        <div className="h-5 w-16 rounded bg-slate-200" />
      </div>
      <div className="h-72 rounded-md border border-slate-200 bg-white" />
      <div className="h-40 rounded-md border border-slate-200 bg-white" />
    </div>
  );
}
