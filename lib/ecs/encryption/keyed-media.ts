import { serviceContext, type RequestContext } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { describeKey } from "@/lib/kms/describe-key";
import { decrypt, reEncrypt } from "@/lib/kms/encrypt-decrypt";
import { generateDataKey } from "@/lib/kms/generate-data-key";
import { readKey } from "@/lib/kms/key-cache";
import { canEcsUseDiskEncryptRole } from "@/lib/ram/roles";
import { reencryptMedium, restoreMedium, snapshotMedium } from "@/lib/storage";
import { encryptionErrors } from "./errors";

/**
 * Copies of encrypted media between disks and snapshots, with the keys they need. A medium's
 * sectors are encrypted with a 512-bit data key; what is stored beside it is that key wrapped
 * by KMS (`dataKeyCiphertext`) and the EncryptionContext it is bound to. A copy:
 *
 * - unencrypted → unencrypted: hard links (lib/storage), no key;
 * - encrypted → encrypted under the SAME KMS key: hard links, and the same data key rewrapped
 *   for the copy's own context (KMS ReEncrypt: the plaintext never leaves KMS);
 * - anything else (another key, or unencrypted → encrypted): the sectors are re-encrypted
 *   under a NEW data key (GenerateDataKey), the source's opened with KMS Decrypt. Cost ∝ what
 *   was written.
 *
 * Every KMS call is made as the ECS service in the key's region, audited with CausedBy.
 */
export type KeyedMedium = {
  dir: string;
  regionId: string;
  encrypted: boolean;
  kmsKeyId?: string | null;
  dataKeyCiphertext?: string | null;
  encryptionContext?: string | null;
};

export type KeyedCopyTarget = {
  dir: string;
  regionId: string;
  /** Snapshots are read-only; disks writable. */
  readOnly: boolean;
  /** Grow the copy (a disk larger than its snapshot). */
  sizeBytes?: number;
  /** As resolved (kmsKeyId is the key's id). */
  encryption: { encrypted: boolean; kmsKeyId?: string };
  /** The EncryptionContext the copy's data key is bound to, e.g. {"acs:ecs:disk":"d-…"}. */
  context: Record<string, string>;
};

export type KeyedCopy = { dataKeyCiphertext: string | null; encryptionContext: string | null; reencrypted: boolean };

/** 512 bits: AES-256-XTS takes two AES-256 keys. */
const DATA_KEY_BYTES = 64;

export function ecsContextIn(ctx: RequestContext, regionId: string, causedBy?: string): RequestContext {
  return { ...serviceContext(ctx, "ecs", causedBy), regionId };
}

/** Whether copying `source` under `target` keeps the sectors (same key) or re-encrypts them. */
export function isSameDataKeyCopy(source: Pick<KeyedMedium, "encrypted" | "kmsKeyId">, target: { encrypted: boolean; kmsKeyId?: string }): boolean {
  if (!source.encrypted && !target.encrypted) return true;
  return source.encrypted && target.encrypted && source.kmsKeyId === target.kmsKeyId;
}

export async function copyKeyedMedium(
  ctx: RequestContext,
  causedBy: string,
  source: KeyedMedium,
  target: KeyedCopyTarget,
): Promise<KeyedCopy> {
  const clone = () =>
    target.readOnly
      ? snapshotMedium(source.dir, target.dir)
      : restoreMedium(source.dir, target.dir, { sizeBytes: target.sizeBytes });
  if (!source.encrypted && !target.encryption.encrypted) {
    await clone();
    return { dataKeyCiphertext: null, encryptionContext: null, reencrypted: false };
  }
  const context = JSON.stringify(target.context);
  if (isSameDataKeyCopy(source, target.encryption)) {
    const rewrapped = await withKeyErrors(() =>
      reEncrypt(ecsContextIn(ctx, source.regionId, causedBy), {
        ciphertextBlob: source.dataKeyCiphertext!,
        sourceEncryptionContext: parseContext(source.encryptionContext),
        destinationKeyId: target.encryption.kmsKeyId!,
        destinationEncryptionContext: target.context,
      }),
    );
    await clone();
    return { dataKeyCiphertext: rewrapped.ciphertextBlob, encryptionContext: context, reencrypted: false };
  }
  let fromKey: Buffer | undefined;
  let toKey: Buffer | undefined;
  try {
    if (source.encrypted) fromKey = await unwrapMediumKey(ctx, causedBy, source);
    let dataKeyCiphertext: string | null = null;
    if (target.encryption.encrypted) {
      const generated = await withKeyErrors(() =>
        generateDataKey(ecsContextIn(ctx, target.regionId, causedBy), {
          keyId: target.encryption.kmsKeyId!,
          numberOfBytes: DATA_KEY_BYTES,
          encryptionContext: target.context,
        }),
      );
      toKey = generated.plaintext;
      dataKeyCiphertext = generated.ciphertextBlob;
    }
    await reencryptMedium(source.dir, target.dir, { fromKey, toKey, sizeBytes: target.sizeBytes });
    return { dataKeyCiphertext, encryptionContext: dataKeyCiphertext ? context : null, reencrypted: true };
  } finally {
    fromKey?.fill(0);
    toKey?.fill(0);
  }
}

/** The medium's data key in clear (KMS Decrypt as ECS). The caller zeroes it. */
export async function unwrapMediumKey(ctx: RequestContext, causedBy: string | undefined, medium: KeyedMedium): Promise<Buffer> {
  const { plaintext } = await withKeyErrors(() =>
    decrypt(ecsContextIn(ctx, medium.regionId, causedBy), {
      ciphertextBlob: medium.dataKeyCiphertext!,
      encryptionContext: parseContext(medium.encryptionContext),
    }),
  );
  return plaintext;
}

export type KeyStateErrors = { notEnabled: () => AppError; notFound: () => AppError };

/**
 * Before an operation that will need an existing medium's key (a snapshot of an encrypted
 * disk, a disk from an encrypted snapshot, …): KMS DescribeKey as ECS, in the key's region.
 * A CMK without ECS's role → 403 KMSUnauthorized; a key that is gone → `errors.notFound`; not
 * Enabled → `errors.notEnabled` (each API has its own status and text).
 */
export async function assertMediumKeyUsable(
  ctx: RequestContext,
  causedBy: string,
  medium: { regionId: string; encrypted: boolean; kmsKeyId?: string | null },
  errors: KeyStateErrors,
): Promise<void> {
  if (!medium.encrypted || !medium.kmsKeyId) return;
  const cached = await readKey(medium.kmsKeyId);
  if (cached && cached.creatorType !== "Service" && !(await canEcsUseDiskEncryptRole())) {
    throw encryptionErrors.kmsUnauthorized();
  }
  let state: string;
  try {
    state = (await describeKey(ecsContextIn(ctx, medium.regionId, causedBy), { keyId: medium.kmsKeyId })).keyState;
  } catch (error) {
    if (isAppError(error) && error.httpStatus === 404) throw errors.notFound();
    throw error;
  }
  if (state !== "Enabled") throw errors.notEnabled();
}

function parseContext(text?: string | null): Record<string, string> | undefined {
  return text ? (JSON.parse(text) as Record<string, string>) : undefined;
}

/** KMS refusals as ECS words them: a key not Enabled → 403 CMKNotEnabled, a missing key → 404. */
async function withKeyErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error) && error.code.startsWith("Rejected.")) throw encryptionErrors.keyNotEnabled();
    if (isAppError(error) && error.httpStatus === 404) throw encryptionErrors.keyNotFound();
    throw error;
  }
}
