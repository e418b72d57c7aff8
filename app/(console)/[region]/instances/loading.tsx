import { getTranslations } from "next-intl/server";

/** The instance list's skeleton: header, filters, rows. */
export default async function InstancesLoading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className="h-3 w-24 rounded bg-slate-200" />
        <div className="h-6 w-40 rounded bg-slate-200" />
      </div>
      <div className="flex gap-3">
        {[0, 1, 2, 3, 4].map((index) => (
          <div key={index} className="h-8 w-44 rounded bg-slate-200" />
        ))}
      </div>
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="flex gap-6 px-4 py-4">
            <div className="h-4 w-36 rounded bg-slate-100" />
            <div className="h-4 w-20 rounded bg-slate-100" />
            <div className="h-4 w-28 rounded bg-slate-100" />
            <div className="h-4 flex-1 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
