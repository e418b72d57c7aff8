/**
 * How a disk made from a snapshot (CreateDisk SnapshotId, RunInstances DataDisk.N.SnapshotId,
 * a system disk from a custom image) is encrypted, as a pure rule over the request: it returns
 * the request that resolveDiskEncryption then checks (ESSD-only, region, key state, …).
 */
import type { EncryptionRequest, RegionEncryptionSetting } from "@/lib/ecs/encryption/rules";
import { snapshotErrors } from "./errors";

export type SnapshotKey = { encrypted: boolean; kmsKeyId: string | null };

export type FromSnapshotOptions = {
  /** An image's own encryption is inherited when Encrypted is left out; a snapshot's must be asked for. */
  inheritWhenOmitted: boolean;
  /** Whether the data may be re-encrypted under another key (false: RunInstances DataDisk.N). */
  allowRekey: boolean;
};

/**
 * From an encrypted snapshot the disk is encrypted: `Encrypted=false` → 400
 * InvalidParameter.Encrypted; left out (without encryption by default, and where it is not
 * inherited) → 403 InvalidEncrypted.NotMatchSnapshot. Without KMSKeyId the snapshot's key is
 * used; another key re-encrypts (or, where re-keying is not offered, 400
 * InvalidKmsKeyId.NotMatchSnapshot). From an unencrypted snapshot the request stands as it is.
 */
export function encryptionFromSnapshot(
  snapshot: SnapshotKey,
  request: EncryptionRequest,
  setting: RegionEncryptionSetting,
  options: FromSnapshotOptions,
): EncryptionRequest {
  if (!snapshot.encrypted) return request;
  if (request.encrypted === false) throw snapshotErrors.unencryptedFromEncrypted();
  if (request.encrypted === undefined && !setting.encryptionByDefault && !options.inheritWhenOmitted) {
    throw snapshotErrors.encryptedMustBeTrue();
  }
  if (request.kmsKeyId && !options.allowRekey && !namesKey(request.kmsKeyId, snapshot.kmsKeyId!)) {
    throw snapshotErrors.keyNotMatchSnapshot();
  }
  return { encrypted: true, kmsKeyId: request.kmsKeyId || snapshot.kmsKeyId! };
}

/** A KMSKeyId given as the key's id or its ARN (aliases are resolved later, by KMS). */
function namesKey(reference: string, keyId: string): boolean {
  return reference === keyId || reference.endsWith(`:key/${keyId}`);
}
