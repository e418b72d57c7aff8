import { getTranslations } from "next-intl/server";

/** The key list's skeleton: header, tabs, filter, rows. */
export default async function KeysLoading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className="h-3 w-24 rounded bg-slate-200" />
        <div className="h-6 w-40 rounded bg-slate-200" />
      </div>
      <div className="flex gap-4 border-b border-slate-200 pb-2">
        <div className="h-5 w-28 rounded bg-slate-200" />
        <div className="h-5 w-40 rounded bg-slate-200" />
      </div>
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="flex gap-6 px-4 py-4">
            <div className="h-4 w-32 rounded bg-slate-100" />
            <div className="h-4 w-48 rounded bg-slate-100" />
            <div className="h-4 w-20 rounded bg-slate-100" />
            <div className="h-4 flex-1 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
