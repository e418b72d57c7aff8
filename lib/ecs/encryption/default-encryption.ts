import { serviceContext, type RequestContext } from "@/lib/context";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { isCmkSupportedRegion, isEncryptionSupportedRegion } from "@/lib/ecs/catalog/restrictions";
import { isAppError } from "@/lib/errors";
import { getOrCreateServiceKey } from "@/lib/kms/service-key";
import { canEcsUseDiskEncryptRole } from "@/lib/ram/roles";
import { getRuntime } from "@/lib/runtime";
import { arn, operation, type Operation } from "@/lib/service/operation";
import { encryptionErrors } from "./errors";
import {
  findServiceKeyId,
  getRegionEncryptionSetting,
  saveRegionEncryptionSetting,
} from "./region-settings";
import { lookUpKeyAsEcs } from "./resolve-disk-encryption";
import { isServiceKeyReference } from "./rules";
import { isSymmetricKeySpec } from "@/lib/kms/key-specs";

/**
 * Account-level encryption by default, per region: EnableDiskEncryptionByDefault,
 * DisableDiskEncryptionByDefault, DescribeDiskEncryptionByDefaultStatus,
 * DescribeDiskDefaultKMSKeyId, ModifyDiskDefaultKMSKeyId, ResetDiskDefaultKMSKeyId. While it
 * is on, every disk created in the region is encrypted (resolveDiskEncryption enforces it);
 * existing disks are untouched. The default key is stored resolved; null = the service key.
 */
const configArn = (regionId: string) =>
  arn("ecs", regionId, getRuntime().accountId, "diskencryptiondefaultconfig/*");

function frame<T>(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  run: (op: Operation) => Promise<T>,
) {
  return operation(ctx, { service: "ecs", action, resourceArn }, async (op) => {
    if (!findRegion(ctx.regionId)) throw encryptionErrors.regionIdNotExists();
    return run(op);
  });
}

const ecsContext = (ctx: RequestContext, op: Operation): RequestContext => ({
  ...serviceContext(ctx, "ecs", op.eventId),
  regionId: ctx.regionId,
});

export function enableDiskEncryptionByDefault(ctx: RequestContext): Promise<void> {
  return frame(ctx, "EnableDiskEncryptionByDefault", "*", async (op) => {
    if (!isEncryptionSupportedRegion(ctx.regionId))
      throw encryptionErrors.actionRegionNotSupported();
    const setting = await getRegionEncryptionSetting(ctx.regionId);
    if (setting.encryptionByDefault) throw encryptionErrors.defaultAlreadyEnabled();
    // "The first time you enable it, the service key in the region is used."
    if (!setting.defaultKmsKeyId) await getOrCreateServiceKey(ecsContext(ctx, op), ctx.regionId);
    await saveRegionEncryptionSetting(ctx.regionId, { encryptionByDefault: true });
  });
}

export function disableDiskEncryptionByDefault(ctx: RequestContext): Promise<void> {
  return frame(ctx, "DisableDiskEncryptionByDefault", "*", async () => {
    if (!isEncryptionSupportedRegion(ctx.regionId))
      throw encryptionErrors.actionRegionNotSupported();
    const setting = await getRegionEncryptionSetting(ctx.regionId);
    if (!setting.encryptionByDefault) throw encryptionErrors.defaultNotConfigured();
    await saveRegionEncryptionSetting(ctx.regionId, { encryptionByDefault: false });
  });
}

export function describeDiskEncryptionByDefaultStatus(
  ctx: RequestContext,
): Promise<{ encrypted: boolean }> {
  return frame(ctx, "DescribeDiskEncryptionByDefaultStatus", configArn(ctx.regionId), async () => ({
    encrypted: (await getRegionEncryptionSetting(ctx.regionId)).encryptionByDefault,
  }));
}

/** The default key's id: the configured CMK, else the service key ("" before ECS ever used it). */
export function describeDiskDefaultKMSKeyId(ctx: RequestContext): Promise<{ kmsKeyId: string }> {
  return frame(ctx, "DescribeDiskDefaultKMSKeyId", configArn(ctx.regionId), async () => {
    const setting = await getRegionEncryptionSetting(ctx.regionId);
    return { kmsKeyId: setting.defaultKmsKeyId ?? (await findServiceKeyId(ctx.regionId)) ?? "" };
  });
}

/**
 * Sets the default key (id, alias or ARN; stored resolved). Encryption by default must be on
 * (403 InvalidDefaultEncryption.NotFound). The API's own codes: key not found → 403
 * InvalidOperation.KMSKeyIdNotFound; not Enabled → 400 …CMKNotEnabled "The CMK needs to be enabled.".
 */
export function modifyDiskDefaultKMSKeyId(
  ctx: RequestContext,
  input: { kmsKeyId: string },
): Promise<void> {
  return frame(ctx, "ModifyDiskDefaultKMSKeyId", configArn(ctx.regionId), async (op) => {
    const { regionId } = ctx;
    if (!isEncryptionSupportedRegion(regionId)) throw encryptionErrors.actionRegionNotSupported();
    const setting = await getRegionEncryptionSetting(regionId);
    if (!setting.encryptionByDefault) throw encryptionErrors.defaultNotConfigured();
    const ecsCtx = ecsContext(ctx, op);
    if (isServiceKeyReference(input.kmsKeyId, regionId, await findServiceKeyId(regionId))) {
      op.keyId = (await getOrCreateServiceKey(ecsCtx, regionId)).keyId;
      await saveRegionEncryptionSetting(regionId, { defaultKmsKeyId: null });
      return;
    }
    if (!isCmkSupportedRegion(regionId)) throw encryptionErrors.regionWithoutCmk();
    if (!(await canEcsUseDiskEncryptRole())) throw encryptionErrors.kmsUnauthorized();
    const key = await lookUpKeyAsEcs(ecsCtx, input.kmsKeyId, regionId).catch((error: unknown) => {
      if (isAppError(error) && error.httpStatus === 404)
        throw encryptionErrors.defaultKeyNotFound(input.kmsKeyId);
      throw error;
    });
    op.keyId = key.keyId;
    if (key.keyState !== "Enabled") throw encryptionErrors.defaultKeyNotEnabled();
    if (!isSymmetricKeySpec(key.keySpec)) throw encryptionErrors.keyNotSymmetric();
    await saveRegionEncryptionSetting(regionId, { defaultKmsKeyId: key.keyId });
  });
}

/** Back to the service key; answers with its id. */
export function resetDiskDefaultKMSKeyId(ctx: RequestContext): Promise<{ kmsKeyId: string }> {
  return frame(ctx, "ResetDiskDefaultKMSKeyId", "*", async (op) => {
    if (!isEncryptionSupportedRegion(ctx.regionId))
      throw encryptionErrors.actionRegionNotSupported();
    const setting = await getRegionEncryptionSetting(ctx.regionId);
    if (!setting.encryptionByDefault) throw encryptionErrors.defaultNotConfigured();
    const serviceKey = await getOrCreateServiceKey(ecsContext(ctx, op), ctx.regionId);
    await saveRegionEncryptionSetting(ctx.regionId, { defaultKmsKeyId: null });
    op.keyId = serviceKey.keyId;
    return { kmsKeyId: serviceKey.keyId };
  });
}
