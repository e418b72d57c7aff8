import { getLocale } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { REGIONS } from "@/lib/ecs/catalog/regions";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/shell/console-shell";
import { QueryProvider } from "@/components/shell/query-provider";
import { getRuntime } from "@/lib/runtime";
import { signOut } from "@/app/signin/actions";
import { rememberRegion, setLocale } from "../actions";
import { resolveRegion, type RegionParams } from "./region";

export default async function RegionLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: RegionParams;
}) {
  const regionId = await resolveRegion(params);
  const language = catalogLanguageOf(await getLocale());
  const ctx = await consoleContext(regionId);
  const regions = REGIONS.map((region) => ({
    regionId: region.regionId,
    name: region.name[language],
  }));
  return (
    <QueryProvider>
      <ConsoleShell
        regionId={regionId}
        regions={regions}
        principal={ctx.principal}
        authMode={getRuntime().config.consoleAuth}
        signOutAction={signOut}
        rememberRegionAction={rememberRegion}
        setLocaleAction={setLocale}
      >
        {children}
      </ConsoleShell>
    </QueryProvider>
  );
}
