import { getTranslations } from "next-intl/server";

/** The page's skeleton while its server component reads (the shell stays in place). */
export default async function Loading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className="h-3 w-32 rounded bg-slate-200" />
        <div className="h-6 w-56 rounded bg-slate-200" />
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        {[0, 1].map((index) => (
          <div key={index} className="h-44 rounded-md border border-slate-200 bg-white" />
        ))}
      </div>
      <div className="h-32 rounded-md border border-slate-200 bg-white" />
    </div>
  );
}
