import { HardDrive } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DisksLink } from "@/components/disks/disks-link";

/** A disk id that is not (or no longer) in this region. */
export default async function DiskNotFound() {
  const t = await getTranslations("Disks.notFound");
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-md border border-slate-200 bg-white p-6 text-center shadow-xs">
      <HardDrive aria-hidden className="mx-auto size-8 text-slate-400" />
      <h1 className="mt-3 text-lg font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("body")}</p>
      <DisksLink className={cn(buttonClasses({ variant: "primary" }), "mt-5")}>
        {t("back")}
      </DisksLink>
    </div>
  );
}
