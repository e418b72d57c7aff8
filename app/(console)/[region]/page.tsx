import { redirect } from "next/navigation";
import { resolveRegion, type RegionParams } from "./region";

/** `/<regionId>` alone opens that region's overview. */
export default async function RegionHome({ params }: { params: RegionParams }) {
  redirect(`/${await resolveRegion(params)}/overview`);
}
