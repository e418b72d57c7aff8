import Link from "next/link";
import { Server } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** An instance id that is not (or no longer) in this region. */
export default async function InstanceNotFound() {
  const t = await getTranslations("Instances");
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-md border border-slate-200 bg-white p-6 text-center shadow-xs">
      <Server aria-hidden className="mx-auto size-8 text-slate-400" />
      <h1 className="mt-3 text-lg font-semibold text-slate-900">{t("notFound.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("notFound.body")}</p>
      <Link href="/" className={cn(buttonClasses({ variant: "primary" }), "mt-5")}>
        {t("notFound.back")}
      </Link>
    </div>
  );
}
