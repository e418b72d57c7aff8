import type { RequestContext } from "@/lib/context";
import { isCmkSupportedRegion, isEncryptionSupportedRegion } from "@/lib/ecs/catalog/restrictions";
import { REGIONS } from "@/lib/ecs/catalog/regions";
import { findServiceKeyId, getRegionEncryptionSetting } from "@/lib/ecs/encryption/region-settings";
import { SERVICE_KEY_ALIAS } from "@/lib/kms/key-reference";
import { isSymmetricKeySpec } from "@/lib/kms/key-specs";
import type { KeyState } from "@/lib/kms/key-states";
import { listKeys } from "@/lib/kms/list-keys";
import { MAX_PAGE_SIZE } from "@/lib/kms/paging";
import { canEcsUseDiskEncryptRole } from "@/lib/ram/roles";
import {
  ECS_DISK_ENCRYPT_ROLE,
  ECS_DISK_ENCRYPT_ROLE_POLICY,
  ECS_DISK_ENCRYPT_ROLE_POLICY_DOCUMENT,
} from "@/lib/ram/ecs-disk-encrypt-role";

/**
 * The console's reads about disk encryption: the region's KMS keys as the Disks pages name
 * them (ListKeys: authorized, audited), which of them a disk may use, the region's rules and
 * encryption by default, and the role "Go to Authorize" creates. The console engineer's file:
 * the encryption services themselves are untouched.
 */

/** A KMS key as the Disks pages name it: its alias when it has one, its id otherwise. */
export type ConsoleKey = {
  keyId: string;
  aliasName?: string;
  /** The region's ECS service key (`alias/acs/ecs`), not a customer master key. */
  isServiceKey: boolean;
  keyState: KeyState;
  keySpec: string;
  keyUsage: string;
};

/** Every key of the region (ListKeys, page by page), service key included. */
export async function listRegionKeys(ctx: RequestContext): Promise<ConsoleKey[]> {
  const keys: ConsoleKey[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await listKeys(ctx, { pageNumber, pageSize: MAX_PAGE_SIZE });
    for (const key of page.items) {
      const isServiceKey = key.aliasNames.includes(SERVICE_KEY_ALIAS);
      keys.push({
        keyId: key.keyId,
        aliasName: isServiceKey ? SERVICE_KEY_ALIAS : key.aliasNames[0],
        isServiceKey,
        keyState: key.keyState,
        keySpec: key.keySpec,
        keyUsage: key.keyUsage,
      });
    }
    if (pageNumber * MAX_PAGE_SIZE >= page.totalCount) return keys;
  }
}

/** Customer master keys a disk can be encrypted with: Enabled, symmetric, for encryption. */
export function diskEncryptionKeys(keys: readonly ConsoleKey[]): ConsoleKey[] {
  return keys.filter(
    (key) =>
      !key.isServiceKey &&
      key.keyState === "Enabled" &&
      isSymmetricKeySpec(key.keySpec) &&
      key.keyUsage === "ENCRYPT/DECRYPT",
  );
}

/** What the Create disk form needs to know about the region's encryption. */
export type DiskEncryptionOptions = {
  /** Encrypted disks exist here at all (not cn-nanjing, ap-northeast-2). */
  isEncryptionSupported: boolean;
  /** Customer master keys exist here (not cn-fuzhou, ap-southeast-7). */
  isCmkSupported: boolean;
  /** The service key's id once ECS has used it here; it is created on first use. */
  serviceKeyId?: string;
  /** Enabled symmetric customer master keys. */
  cmks: ConsoleKey[];
  /** Account-level encryption by default; `defaultKeyId` undefined = the service key. */
  encryptionByDefault: { isEnabled: boolean; defaultKey?: ConsoleKey };
  /** Whether AliyunECSDiskEncryptDefaultRole lets ECS use customer master keys. */
  isRoleGranted: boolean;
};

export async function getDiskEncryptionOptions(
  ctx: RequestContext,
  keys: readonly ConsoleKey[],
): Promise<DiskEncryptionOptions> {
  const regionId = ctx.regionId;
  const [setting, serviceKeyId, isRoleGranted] = await Promise.all([
    getRegionEncryptionSetting(regionId),
    findServiceKeyId(regionId),
    canEcsUseDiskEncryptRole(),
  ]);
  const defaultKeyId = setting.defaultKmsKeyId ?? undefined;
  return {
    isEncryptionSupported: isEncryptionSupportedRegion(regionId),
    isCmkSupported: isCmkSupportedRegion(regionId),
    serviceKeyId,
    cmks: isCmkSupportedRegion(regionId) ? diskEncryptionKeys(keys) : [],
    encryptionByDefault: {
      isEnabled: setting.encryptionByDefault,
      defaultKey: defaultKeyId ? keys.find((key) => key.keyId === defaultKeyId) : undefined,
    },
    isRoleGranted,
  };
}

/** Encryption by default in every region (the Settings page's overview; a plain read). */
export async function encryptionByDefaultByRegion(): Promise<
  { regionId: string; isSupported: boolean; isEnabled: boolean; hasCmkDefault: boolean }[]
> {
  return Promise.all(
    REGIONS.map(async ({ regionId }) => {
      const setting = await getRegionEncryptionSetting(regionId);
      return {
        regionId,
        isSupported: isEncryptionSupportedRegion(regionId),
        isEnabled: setting.encryptionByDefault,
        hasCmkDefault: setting.defaultKmsKeyId !== null,
      };
    }),
  );
}

/** The role "Go to Authorize" creates, as its dialog describes it. */
export function diskEncryptRoleFacts(): {
  roleName: string;
  policyName: string;
  trustedService: string;
  policyActions: string[];
} {
  const policy = JSON.parse(ECS_DISK_ENCRYPT_ROLE_POLICY_DOCUMENT) as {
    Statement: { Action: string[] }[];
  };
  return {
    roleName: ECS_DISK_ENCRYPT_ROLE,
    policyName: ECS_DISK_ENCRYPT_ROLE_POLICY,
    trustedService: "ecs.aliyuncs.com",
    policyActions: policy.Statement.flatMap((statement) => statement.Action),
  };
}
