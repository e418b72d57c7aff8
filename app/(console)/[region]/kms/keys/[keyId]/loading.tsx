import { getTranslations } from "next-intl/server";

/** A key page's skeleton: header, the details card, two rows of cards. */
export default async function KeyLoading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className="h-3 w-40 rounded bg-slate-200" />
        <div className="h-6 w-72 rounded bg-slate-200" />
      </div>
      <div className="h-64 rounded-md border border-slate-200 bg-white" />
      <div className="grid gap-5 lg:grid-cols-2">
        {[0, 1].map((index) => (
          <div key={index} className="h-40 rounded-md border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
