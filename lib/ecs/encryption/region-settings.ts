import type { Tx } from "@/lib/db/client";
import { getRuntime } from "@/lib/runtime";
import { findAlias } from "@/lib/kms/key-lookup";
import { SERVICE_KEY_ALIAS } from "@/lib/kms/key-reference";
import { NO_DEFAULT_ENCRYPTION, type RegionEncryptionSetting } from "./rules";

/** A region's encryption by default; a region never configured has it off. */
export async function getRegionEncryptionSetting(
  regionId: string,
  tx: Tx = getRuntime().db,
): Promise<RegionEncryptionSetting> {
  const row = await tx.ecsRegionSetting.findUnique({ where: { regionId } });
  return row
    ? { encryptionByDefault: row.encryptionByDefault, defaultKmsKeyId: row.defaultKmsKeyId }
    : NO_DEFAULT_ENCRYPTION;
}

export async function saveRegionEncryptionSetting(
  regionId: string,
  setting: Partial<RegionEncryptionSetting>,
  tx: Tx = getRuntime().db,
): Promise<void> {
  await tx.ecsRegionSetting.upsert({
    where: { regionId },
    create: { regionId, ...NO_DEFAULT_ENCRYPTION, ...setting },
    update: setting,
  });
}

/** The region's ECS service key id, if ECS has used one there yet (no audit: a plain read). */
export async function findServiceKeyId(regionId: string): Promise<string | undefined> {
  return (await findAlias(regionId, SERVICE_KEY_ALIAS))?.keyId;
}
