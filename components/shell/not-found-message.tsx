import Link from "next/link";
import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RegionOverviewLink } from "@/components/shell/overview-link";

/** The 404 text; `region` when the URL names no known region (the link then goes to `/`). */
export async function NotFoundMessage({ reason }: { reason: "page" | "region" }) {
  const t = await getTranslations("Errors");
  const linkClasses = cn(buttonClasses({ variant: "primary" }), "mt-5");
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-md border border-slate-200 bg-white p-6 text-center shadow-xs">
      <SearchX aria-hidden className="mx-auto size-8 text-slate-400" />
      <h1 className="mt-3 text-lg font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {reason === "region" ? t("regionNotFoundBody") : t("notFoundBody")}
      </p>
      {reason === "region" ? (
        <Link href="/" className={linkClasses}>
          {t("backToOverview")}
        </Link>
      ) : (
        <RegionOverviewLink className={linkClasses}>{t("backToOverview")}</RegionOverviewLink>
      )}
    </div>
  );
}
