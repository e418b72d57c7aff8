import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export type CatalogCounts = {
  regions: number;
  zones: number;
  instanceTypes: number;
  publicImages: number;
};

/** How much of ECS's catalog the emulator offers: one figure per tile. */
export async function CatalogCard({ counts }: { counts: CatalogCounts }) {
  const t = await getTranslations("Overview.catalog");
  const format = await getFormatter();
  const tiles = [
    { key: "regions", label: t("regions"), value: counts.regions },
    { key: "zones", label: t("zones"), value: counts.zones },
    { key: "instanceTypes", label: t("instanceTypes"), value: counts.instanceTypes },
    { key: "publicImages", label: t("publicImages"), value: counts.publicImages },
  ];
  return (
    <Card id="overview-catalog" title={t("title")} description={t("description")}>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded border border-slate-100 bg-slate-50 px-4 py-3">
            <dt id={`catalog-${tile.key}`} className="text-xs text-slate-500">
              {tile.label}
            </dt>
            <dd
              aria-labelledby={`catalog-${tile.key}`}
              className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums"
            >
              {format.number(tile.value)}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
