import {
  DEFAULT_PERFORMANCE_LEVEL,
  getDiskSizeLimit,
  type DataDiskCategory,
  type PerformanceLevel,
  type SizeRange,
} from "@/lib/ecs/catalog/disk-categories";
import { isLocalDiskCategory } from "@/lib/ecs/catalog/restrictions";
import { createDiskFormSchema, type CreateDiskForm } from "@/lib/ecs/disks/schemas";
import { MAX_TAGS_PER_REQUEST, tagKeyProblem, tagValueProblem } from "@/lib/ecs/tags/tag-rules";
import { SERVICE_KEY_ALIAS } from "@/lib/kms/key-reference";

/**
 * The Create disk form as pure data and rules: what the controls hold, what the region's
 * encryption rules make of them (which notices show, what is locked), the field errors, and the
 * server action's input — parsed by the action again with the same `createDiskFormSchema`
 * (lib/ecs/disks/schemas.ts). Error values are keys of `Disks.create.errors`.
 */

/** The console's category (the API's default is `cloud`; the console's is ESSD). */
export const CONSOLE_DEFAULT_CATEGORY: DataDiskCategory = "cloud_essd";
export const CONSOLE_DEFAULT_SIZE_GIB = 40;
/** The KMS key selector's value for the region's service key, which may not exist yet. */
export const SERVICE_KEY_OPTION = SERVICE_KEY_ALIAS;

export type TagRow = { key: string; value: string };

export type CreateDiskFormState = {
  zoneId: string;
  category: DataDiskCategory;
  performanceLevel: PerformanceLevel;
  size: string;
  name: string;
  description: string;
  tags: TagRow[];
  encrypted: boolean;
  /** `alias/acs/ecs` for the service key, else a customer master key's id. */
  kmsKeyId: string;
  /** Create from snapshot: the snapshot's id (create-disk-snapshot.ts holds its rules). */
  snapshotId?: string;
};

/** What the page sends: the form's fields and, from a snapshot, its id. */
export type CreateDiskFormInput = CreateDiskForm & { snapshotId?: string };

/** What the page knows about the region's encryption (from lib/ecs/disks/console-queries.ts). */
export type RegionEncryption = {
  isEncryptionSupported: boolean;
  isCmkSupported: boolean;
  encryptionByDefault: { isEnabled: boolean; defaultKeyId?: string };
  isRoleGranted: boolean;
};

export function initialCreateDiskForm(
  zoneId: string,
  encryption: RegionEncryption,
): CreateDiskFormState {
  const byDefault = encryption.encryptionByDefault;
  return {
    zoneId,
    category: CONSOLE_DEFAULT_CATEGORY,
    performanceLevel: DEFAULT_PERFORMANCE_LEVEL,
    size: String(CONSOLE_DEFAULT_SIZE_GIB),
    name: "",
    description: "",
    tags: [],
    // Unticked unless encryption by default is on; then with the default key.
    encrypted: byDefault.isEnabled && encryption.isEncryptionSupported,
    kmsKeyId: (byDefault.isEnabled && byDefault.defaultKeyId) || SERVICE_KEY_OPTION,
  };
}

/** The size range for the chosen category (and ESSD level). */
export function sizeLimitOf(
  state: Pick<CreateDiskFormState, "category" | "performanceLevel">,
): SizeRange | undefined {
  return getDiskSizeLimit(
    "data",
    state.category,
    state.category === "cloud_essd" ? state.performanceLevel : undefined,
  );
}

/** The rules that apply before anything is sent, each shown as a notice naming it. */
export type EncryptionRules = {
  /** cn-nanjing, ap-northeast-2: the checkbox is disabled. */
  isRegionWithoutEncryption: boolean;
  /** cn-fuzhou, ap-southeast-7: the service key only. */
  isRegionWithoutCmk: boolean;
  /** Local and elastic ephemeral disks: the checkbox is disabled. */
  isCategoryNotEncryptable: boolean;
  /** Encryption by default: ticked and locked. */
  isLockedByDefault: boolean;
  /** Both of the last two: no disk of this category can be created in this region. */
  isCategoryBlockedByDefault: boolean;
  /** Whether the checkbox can be changed. */
  canToggle: boolean;
  /** Whether the disk will be encrypted, as the form stands. */
  isEncrypted: boolean;
  /** A customer master key is chosen and ECS may not use it yet: "Go to Authorize". */
  needsAuthorization: boolean;
};

/**
 * `mustEncrypt`: the disk comes from an encrypted snapshot, so it is encrypted whatever the
 * checkbox held (locked like encryption by default, with the snapshot's key preselected).
 */
export function encryptionRules(
  state: Pick<CreateDiskFormState, "category" | "encrypted" | "kmsKeyId">,
  region: RegionEncryption,
  options: { mustEncrypt?: boolean } = {},
): EncryptionRules {
  const isRegionWithoutEncryption = !region.isEncryptionSupported;
  const isCategoryNotEncryptable = isLocalDiskCategory(state.category);
  const isLockedByDefault = region.encryptionByDefault.isEnabled && !isRegionWithoutEncryption;
  const isLocked = isLockedByDefault || options.mustEncrypt === true;
  const canEncrypt = !isRegionWithoutEncryption && !isCategoryNotEncryptable;
  const isEncrypted = canEncrypt && (state.encrypted || isLocked);
  return {
    isRegionWithoutEncryption,
    isRegionWithoutCmk: region.isEncryptionSupported && !region.isCmkSupported,
    isCategoryNotEncryptable,
    isLockedByDefault,
    isCategoryBlockedByDefault: isLockedByDefault && isCategoryNotEncryptable,
    canToggle: canEncrypt && !isLocked,
    isEncrypted,
    needsAuthorization:
      isEncrypted && state.kmsKeyId !== SERVICE_KEY_OPTION && !region.isRoleGranted,
  };
}

export type CreateDiskField = "size" | "name" | "description" | "tags";
export type CreateDiskErrorKey =
  "size" | "name" | "description" | "tagKey" | "tagValue" | "tagDuplicate" | "tagCount";

/** The action's input for what the form holds; blank optional fields left out. */
export function toCreateDiskInput(
  state: CreateDiskFormState,
  rules: Pick<EncryptionRules, "isEncrypted">,
): CreateDiskFormInput {
  const size = state.size.trim();
  const name = state.name.trim();
  const description = state.description.trim();
  return {
    zoneId: state.zoneId,
    category: state.category,
    performanceLevel: state.category === "cloud_essd" ? state.performanceLevel : undefined,
    sizeGiB: /^\d{1,9}$/.test(size) ? Number(size) : Number.NaN,
    name: name === "" ? undefined : name,
    description: description === "" ? undefined : description,
    encrypted: rules.isEncrypted,
    kmsKeyId: rules.isEncrypted ? state.kmsKeyId : undefined,
    tags: state.tags.map((tag) => ({ key: tag.key.trim(), value: tag.value.trim() })),
    ...(state.snapshotId ? { snapshotId: state.snapshotId } : {}),
  };
}

/** The form's errors, one per field; none when it may be sent. */
export function validateCreateDiskForm(
  state: CreateDiskFormState,
): Partial<Record<CreateDiskField, CreateDiskErrorKey>> {
  const errors: Partial<Record<CreateDiskField, CreateDiskErrorKey>> = {};
  const input = toCreateDiskInput(state, { isEncrypted: state.encrypted });
  const limits = sizeLimitOf(state);
  if (
    !Number.isInteger(input.sizeGiB) ||
    !limits ||
    input.sizeGiB < limits.min ||
    input.sizeGiB > limits.max
  )
    errors.size = "size";
  const parsed = createDiskFormSchema.safeParse({ ...input, sizeGiB: 1 });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.path[0] === "name") errors.name = "name";
    if (issue.path[0] === "description") errors.description = "description";
  }
  const tags = input.tags ?? [];
  const keys = tags.map((tag) => tag.key);
  if (tags.length > MAX_TAGS_PER_REQUEST) errors.tags = "tagCount";
  else if (keys.some((key) => tagKeyProblem(key))) errors.tags = "tagKey";
  else if (tags.some((tag) => tagValueProblem(tag.value))) errors.tags = "tagValue";
  else if (new Set(keys).size !== keys.length) errors.tags = "tagDuplicate";
  return errors;
}
