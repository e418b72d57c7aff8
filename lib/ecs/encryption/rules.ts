/**
 * The encryption rules of a disk being created, as pure functions (no Prisma, no KMS): the
 * parameter form, encryption by default, the region / category / instance-family
 * restrictions, and what a key must be. resolve-disk-encryption.ts runs them in the contract's
 * order — parameter form → authorization → region restrictions → resource lookups — around
 * the lookups that need the database and KMS.
 */
import {
  isCmkSupportedRegion,
  isEncryptionSupportedRegion,
  isEssdFamily,
  isLocalDiskCategory,
  isRestrictedInstanceFamily,
} from "@/lib/ecs/catalog/restrictions";
import { parseKeyReference, SERVICE_KEY_ALIAS } from "@/lib/kms/key-reference";
import { isSymmetricKeySpec } from "@/lib/kms/key-specs";
import { encryptionErrors } from "./errors";

export type EncryptionRequest = {
  /** Undefined when the caller left `Encrypted` out. */
  encrypted?: boolean;
  /** KMSKeyId as given: id, alias or ARN; empty means none. */
  kmsKeyId?: string;
};

/** A region's encryption by default (EcsRegionSetting); null key = the service key. */
export type RegionEncryptionSetting = {
  encryptionByDefault: boolean;
  defaultKmsKeyId: string | null;
};

export const NO_DEFAULT_ENCRYPTION: RegionEncryptionSetting = {
  encryptionByDefault: false,
  defaultKmsKeyId: null,
};

/**
 * Parameter form: a KMSKeyId needs Encrypted=true — or, with encryption by default on,
 * Encrypted left out (the effective value is then true).
 */
export function assertEncryptionParams(
  request: EncryptionRequest,
  setting: RegionEncryptionSetting,
): void {
  if (!request.kmsKeyId) return;
  if (request.encrypted === true) return;
  if (request.encrypted === undefined && setting.encryptionByDefault) return;
  throw encryptionErrors.encryptedIllegal();
}

export type EffectiveEncryption = {
  encrypted: boolean;
  /** The key to use as given (id, alias or ARN); undefined = the region's service key. */
  keyReference?: string;
  /** Encrypted=false asked for in a region with encryption by default (refused after authorization). */
  conflictsWithDefault: boolean;
};

/** What the disk will be once encryption by default is applied (RAM conditions use this). */
export function effectiveEncryption(
  request: EncryptionRequest,
  setting: RegionEncryptionSetting,
): EffectiveEncryption {
  if (request.encrypted === false) {
    return { encrypted: false, conflictsWithDefault: setting.encryptionByDefault };
  }
  if (request.encrypted === true || setting.encryptionByDefault) {
    const keyReference =
      request.kmsKeyId ||
      (setting.encryptionByDefault ? (setting.defaultKmsKeyId ?? undefined) : undefined);
    return { encrypted: true, keyReference, conflictsWithDefault: false };
  }
  return { encrypted: false, conflictsWithDefault: false };
}

/**
 * Whether a key reference names the region's service key (`alias/acs/ecs`, its alias ARN, or
 * its id once it exists) rather than a customer master key. No reference = the service key.
 */
export function isServiceKeyReference(
  keyReference: string | undefined,
  regionId: string,
  serviceKeyId: string | undefined,
): boolean {
  if (!keyReference) return true;
  const reference = parseKeyReference(keyReference, regionId);
  if (reference.regionId !== regionId) return false;
  if (reference.kind === "alias") return reference.aliasName === SERVICE_KEY_ALIAS;
  return serviceKeyId !== undefined && reference.keyId === serviceKeyId;
}

export type PlacementInput = {
  regionId: string;
  category: string;
  usage: "system" | "data";
  fromSnapshot?: boolean;
  instanceType?: string;
  /** A customer master key rather than the service key. */
  usesCmk: boolean;
};

/**
 * Where an encrypted disk may be, in the contract's order: regions without encryption, regions
 * without CMKs, categories that cannot be encrypted, ESSD-only for system disks and disks
 * from snapshots, and the restricted instance families for those same disks.
 */
export function assertEncryptionPlacement(input: PlacementInput): void {
  if (!isEncryptionSupportedRegion(input.regionId))
    throw encryptionErrors.regionWithoutEncryption();
  if (input.usesCmk && !isCmkSupportedRegion(input.regionId))
    throw encryptionErrors.regionWithoutCmk();
  if (isLocalDiskCategory(input.category)) throw encryptionErrors.categoryNotEncryptable();
  const essdOnly = input.usage === "system" || input.fromSnapshot === true;
  if (!essdOnly) return;
  if (!isEssdFamily(input.category)) throw encryptionErrors.notEssdFamily();
  if (input.instanceType && isRestrictedInstanceFamily(input.instanceType)) {
    throw encryptionErrors.restrictedInstanceType();
  }
}

/** A key a disk can be encrypted with: Enabled (403 CMKNotEnabled), then symmetric. */
export function assertKeyUsableForDisks(key: { keyState: string; keySpec: string }): void {
  if (key.keyState !== "Enabled") throw encryptionErrors.keyNotEnabled();
  if (!isSymmetricKeySpec(key.keySpec)) throw encryptionErrors.keyNotSymmetric();
}

/** RAM condition values of one or more disks: `ecs:IsDiskEncrypted`, `ecs:IsDiskByokEncrypted`. */
export function diskEncryptionConditions(
  disks: readonly { encrypted: boolean; isByok: boolean }[],
  keys = { encrypted: "ecs:IsDiskEncrypted", byok: "ecs:IsDiskByokEncrypted" },
): Record<string, string[]> {
  if (disks.length === 0) return {};
  return {
    [keys.encrypted]: disks.map((d) => String(d.encrypted)),
    [keys.byok]: disks.map((d) => String(d.encrypted && d.isByok)),
  };
}
