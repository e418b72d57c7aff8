import { redirect } from "next/navigation";
import { resolveRegion, type RegionParams } from "../region";

/** RAM opens on its users. */
export default async function RamPage({ params }: { params: RegionParams }) {
  redirect(`/${await resolveRegion(params)}/ram/users`);
}
