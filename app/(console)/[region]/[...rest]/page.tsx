import { notFound } from "next/navigation";
import { resolveRegion, type RegionParams } from "../region";

// Any other path under a region (a page not built yet) is a 404 inside the console's shell.
export default async function UnknownConsolePage({ params }: { params: RegionParams }) {
  await resolveRegion(params);
  notFound();
}
