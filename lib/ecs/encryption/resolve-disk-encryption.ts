import { serviceContext, type RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { describeKey } from "@/lib/kms/describe-key";
import { getOrCreateServiceKey } from "@/lib/kms/service-key";
import type { KeyView } from "@/lib/kms/key-view";
import { canEcsUseDiskEncryptRole } from "@/lib/ram/roles";
import { encryptionErrors } from "./errors";
import { findServiceKeyId, getRegionEncryptionSetting } from "./region-settings";
import {
  assertEncryptionParams,
  assertEncryptionPlacement,
  assertKeyUsableForDisks,
  effectiveEncryption,
  isServiceKeyReference,
  type EncryptionRequest,
} from "./rules";

export type DiskEncryptionInput = EncryptionRequest & {
  regionId: string;
  category: string;
  usage: "system" | "data";
  fromSnapshot?: boolean;
  instanceType?: string;
  /** The EventId of the ECS operation the KMS calls are made for (default `ctx.causedBy`). */
  causedBy?: string;
};

export type ResolvedDiskEncryption = {
  encrypted: boolean;
  /** The resolved key id (never an alias), when encrypted. */
  kmsKeyId?: string;
  /** Encrypted with a customer master key rather than the service key. */
  isByok: boolean;
};

/**
 * Before authorization: the parameter form (400 InvalidParameter.EncryptedIllegal) and the
 * effective encryption the RAM conditions carry (`ecs:IsDiskEncrypted`,
 * `ecs:IsDiskByokEncrypted`), encryption by default applied. No refusal but the form.
 */
export async function previewDiskEncryption(
  regionId: string,
  request: EncryptionRequest,
): Promise<{ encrypted: boolean; isByok: boolean }> {
  const setting = await getRegionEncryptionSetting(regionId);
  assertEncryptionParams(request, setting);
  const effective = effectiveEncryption(request, setting);
  if (!effective.encrypted) return { encrypted: false, isByok: false };
  const serviceKeyId = await findServiceKeyId(regionId);
  return {
    encrypted: true,
    isByok: !isServiceKeyReference(effective.keyReference, regionId, serviceKeyId),
  };
}

/**
 * How a disk being created is encrypted, every rule applied (call it after authorizing the
 * operation): parameter form → encryption by default → region restrictions → category and
 * instance-family rules → the role (for a CMK) → the key's lookup, state and spec. The service
 * key is created on its first use. KMS calls are made as the ECS service, audited with
 * CausedBy. Returns the RESOLVED key id.
 */
export async function resolveDiskEncryption(
  ctx: RequestContext,
  input: DiskEncryptionInput,
): Promise<ResolvedDiskEncryption> {
  const { regionId } = input;
  const setting = await getRegionEncryptionSetting(regionId);
  assertEncryptionParams(input, setting);
  const effective = effectiveEncryption(input, setting);
  if (effective.conflictsWithDefault) throw encryptionErrors.notMatchDefaultEncryption();
  if (!effective.encrypted) return { encrypted: false, isByok: false };

  const serviceKeyId = await findServiceKeyId(regionId);
  const usesCmk = !isServiceKeyReference(effective.keyReference, regionId, serviceKeyId);
  assertEncryptionPlacement({
    regionId,
    category: input.category,
    usage: input.usage,
    fromSnapshot: input.fromSnapshot,
    instanceType: input.instanceType,
    usesCmk,
  });

  const ecsCtx: RequestContext = {
    ...serviceContext(ctx, "ecs", input.causedBy ?? ctx.causedBy),
    regionId,
  };
  if (!usesCmk) {
    // A DryRun validates without creating anything, the service key included.
    if (ctx.dryRun) return { encrypted: true, kmsKeyId: serviceKeyId, isByok: false };
    const serviceKey = await getOrCreateServiceKey(ecsCtx, regionId);
    return { encrypted: true, kmsKeyId: serviceKey.keyId, isByok: false };
  }
  if (!(await canEcsUseDiskEncryptRole())) throw encryptionErrors.kmsUnauthorized();
  const key = await lookUpKeyAsEcs(ecsCtx, effective.keyReference!, regionId);
  assertKeyUsableForDisks(key);
  return { encrypted: true, kmsKeyId: key.keyId, isByok: true };
}

/**
 * KMS DescribeKey as the ECS service; a key that KMS does not find, or that is in another
 * region, is 404 InvalidParameter.KMSKeyId.NotFound.
 */
export async function lookUpKeyAsEcs(
  ecsCtx: RequestContext,
  keyReference: string,
  regionId: string,
): Promise<KeyView> {
  let key: KeyView;
  try {
    key = await describeKey(ecsCtx, { keyId: keyReference });
  } catch (error) {
    if (isAppError(error) && error.httpStatus === 404) throw encryptionErrors.keyNotFound();
    throw error;
  }
  if (key.regionId !== regionId) throw encryptionErrors.keyNotFound();
  return key;
}

/**
 * The key of an encrypted copy of existing data (CopySnapshot, CopyImage) in `regionId`: a
 * KMSKeyId (id, alias or ARN) or, without one, the region's service key (created on first use).
 * Region restrictions, the role for a CMK, the key's lookup, state and spec, as for disks;
 * `keyNotFound` is the API's own refusal for a key KMS does not find there.
 */
export async function resolveCopyKey(
  ctx: RequestContext,
  input: { regionId: string; kmsKeyId?: string; causedBy: string; keyNotFound?: () => Error },
): Promise<{ kmsKeyId: string; isByok: boolean }> {
  const { regionId } = input;
  const serviceKeyId = await findServiceKeyId(regionId);
  const usesCmk = !isServiceKeyReference(input.kmsKeyId || undefined, regionId, serviceKeyId);
  assertEncryptionPlacement({ regionId, category: "cloud_essd", usage: "data", usesCmk });
  const ecsCtx: RequestContext = { ...serviceContext(ctx, "ecs", input.causedBy), regionId };
  if (!usesCmk) {
    // A DryRun validates without creating anything, the service key included.
    if (ctx.dryRun) return { kmsKeyId: serviceKeyId ?? "", isByok: false };
    return { kmsKeyId: (await getOrCreateServiceKey(ecsCtx, regionId)).keyId, isByok: false };
  }
  if (!(await canEcsUseDiskEncryptRole())) throw encryptionErrors.kmsUnauthorized();
  try {
    const key = await lookUpKeyAsEcs(ecsCtx, input.kmsKeyId!, regionId);
    assertKeyUsableForDisks(key);
    return { kmsKeyId: key.keyId, isByok: true };
  } catch (error) {
    if (input.keyNotFound && isAppError(error) && error.code === "InvalidParameter.KMSKeyId.NotFound") throw input.keyNotFound();
    throw error;
  }
}
