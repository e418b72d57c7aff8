"use client";

import { MapPin } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import { pathInRegion } from "@/components/shell/nav-items";

export type RegionOption = { regionId: string; name: string };

/**
 * The top bar's region selector: every region, named in the current language. Choosing one
 * remembers it (so `/` opens it next time) and opens the same page in that region.
 */
export function RegionSelector({
  regionId,
  regions,
  rememberRegionAction,
}: {
  regionId: string;
  regions: RegionOption[];
  rememberRegionAction: (input: { regionId: string }) => Promise<ActionResult<null>>;
}) {
  const t = useTranslations("Shell");
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  const onChange = (next: string) => {
    startTransition(async () => {
      // The cookie is a convenience: a failure to store it must not keep the user in place.
      await rememberRegionAction({ regionId: next }).catch(() => undefined);
      router.push(pathInRegion(pathname, next));
    });
  };

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="flex items-center gap-1 text-xs text-slate-500">
        <MapPin aria-hidden className="size-3.5" />
        {t("region")}
      </label>
      <select
        id={id}
        value={regionId}
        disabled={isPending}
        onChange={(event) => onChange(event.target.value)}
        className="h-8 max-w-[16rem] rounded border border-slate-300 bg-white px-2 text-sm text-slate-900 hover:border-blue-500 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none disabled:opacity-60"
      >
        {regions.map((region) => (
          <option key={region.regionId} value={region.regionId}>
            {region.name}
          </option>
        ))}
      </select>
    </div>
  );
}
