import "server-only";
import { notFound } from "next/navigation";
import { isKnownRegion } from "@/lib/ecs/catalog/regions";

export type RegionParams = Promise<{ region: string }>;

/** The region of a console URL (`/<regionId>/…`); an id the catalog does not know is a 404. */
export async function resolveRegion(params: RegionParams): Promise<string> {
  const { region } = await params;
  if (!isKnownRegion(region)) notFound();
  return region;
}
