import { redirect } from "next/navigation";
import { resolveRegion, type RegionParams } from "../region";

/** KMS has one page so far: Keys. */
export default async function KmsPage({ params }: { params: RegionParams }) {
  redirect(`/${await resolveRegion(params)}/kms/keys`);
}
