import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isKnownRegion } from "@/lib/ecs/catalog/regions";
import { getRuntime } from "@/lib/runtime";
import { REGION_COOKIE } from "./(console)/preferences";

// `/` is the OpenAPI endpoint for signed calls (server/main.ts); a person gets the console, in
// the region they chose last (the region selector's cookie) or the default region.
export default async function Home() {
  const remembered = (await cookies()).get(REGION_COOKIE)?.value;
  const regionId =
    remembered && isKnownRegion(remembered) ? remembered : getRuntime().config.defaultRegionId;
  redirect(`/${regionId}/overview`);
}
