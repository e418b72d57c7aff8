import { redirect } from "next/navigation";
import { resolveRegion, type RegionParams } from "../region";

/** Settings has one section so far: the emulator. */
export default async function SettingsPage({ params }: { params: RegionParams }) {
  redirect(`/${await resolveRegion(params)}/settings/emulator`);
}
