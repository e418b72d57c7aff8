import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { kmsKeyId, uuid } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { isCmkSupportedRegion } from "@/lib/ecs/catalog/restrictions";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";
import { kmsErrors } from "./errors";
import { generateMaterial, wrapMaterial } from "./key-material";
import { keyArnOf } from "./key-lookup";
import { keyContainerArn } from "./key-operation";
import {
  DEFAULT_KEY_SPEC,
  defaultKeyUsage,
  invalidKeySetting,
  type KeyOrigin,
  type KeySpec,
  type KeyUsage,
  type ProtectionLevel,
} from "./key-specs";
import { toKeyView, type KeyView } from "./key-view";
import { nextRotationDate } from "./rotation-interval";
import type { KeyTag } from "./tag-params";

export type CreateKeyInput = {
  description?: string;
  keySpec?: KeySpec;
  keyUsage?: KeyUsage;
  origin?: KeyOrigin;
  protectionLevel?: ProtectionLevel;
  enableAutomaticRotation?: boolean;
  /** Seconds (rotation-interval.ts parses `365d`); required when rotation is enabled. */
  rotationIntervalSeconds?: number;
  tags?: KeyTag[];
};

/** Settings of a key the cloud creates for itself (the ECS service key). */
export type NewKeyRecord = Required<Omit<CreateKeyInput, "tags" | "rotationIntervalSeconds">> & {
  rotationIntervalSeconds?: number;
  regionId: string;
  creator: string;
  creatorType: "User" | "Service";
  tags?: KeyTag[];
};

/**
 * KMS CreateKey: a customer master key in the request's region. Its first version's material is
 * generated now and stored wrapped (EXTERNAL keys start PendingImport, with a version awaiting
 * ImportKeyMaterial). Regions without CMKs refuse (400 Rejected.UnsupportedOperation).
 */
export async function createKey(ctx: RequestContext, input: CreateKeyInput = {}): Promise<KeyView> {
  const keySpec = input.keySpec ?? DEFAULT_KEY_SPEC;
  const settings = {
    keySpec,
    keyUsage: input.keyUsage ?? defaultKeyUsage(keySpec),
    origin: input.origin ?? "Aliyun_KMS",
    enableAutomaticRotation: input.enableAutomaticRotation ?? false,
  } as const;
  const invalid = invalidKeySetting(settings);
  if (invalid)
    throw kmsErrors.invalidParameter(
      invalid,
      `It cannot be combined with KeySpec ${keySpec}${settings.origin === "EXTERNAL" ? " and Origin EXTERNAL" : ""}.`,
    );
  if (settings.enableAutomaticRotation && input.rotationIntervalSeconds === undefined)
    throw kmsErrors.missingParameter("RotationInterval");

  return operation(
    ctx,
    { service: "kms", action: "CreateKey", resourceArn: keyContainerArn(ctx.regionId) },
    async (op) => {
      getRegionOrThrow(ctx.regionId);
      if (!isCmkSupportedRegion(ctx.regionId)) {
        throw kmsErrors.unsupportedOperation(
          `Customer master keys are not available in ${ctx.regionId}; only the service key is.`,
        );
      }
      const key = await insertKey({
        ...settings,
        description: input.description ?? "",
        protectionLevel: input.protectionLevel ?? "SOFTWARE",
        rotationIntervalSeconds: input.rotationIntervalSeconds,
        regionId: ctx.regionId,
        creator: ctx.principal.accountId,
        creatorType: "User",
        tags: input.tags,
      });
      op.keyId = key.id;
      op.resourceArn = keyArnOf(key);
      return toKeyView(key, getRuntime().accountId, now());
    },
  );
}

/** Writes a new key with its first version and its tags (one nested create: atomic). */
export async function insertKey(record: NewKeyRecord, tx?: Tx): Promise<KmsKey> {
  const keyId = kmsKeyId();
  const versionId = uuid();
  const createdAt = now();
  const isExternal = record.origin === "EXTERNAL";
  const fresh = isExternal ? undefined : await generateMaterial(record.keySpec);
  const materialWrapped = fresh ? wrapMaterial(keyId, versionId, fresh.material) : null;
  fresh?.material.fill(0);

  return (tx ?? getRuntime().db).kmsKey.create({
    data: {
      id: keyId,
      regionId: record.regionId,
      keySpec: record.keySpec,
      keyUsage: record.keyUsage,
      origin: record.origin,
      protectionLevel: record.protectionLevel,
      creatorType: record.creatorType,
      creator: record.creator,
      description: record.description,
      keyState: isExternal ? "PendingImport" : "Enabled",
      createdAt,
      rotationEnabled: record.enableAutomaticRotation,
      rotationIntervalSeconds: record.rotationIntervalSeconds ?? null,
      lastRotationDate: createdAt,
      nextRotationDate:
        record.enableAutomaticRotation && record.rotationIntervalSeconds
          ? nextRotationDate(createdAt, record.rotationIntervalSeconds)
          : null,
      primaryKeyVersionId: versionId,
      versions: {
        create: {
          id: versionId,
          createdAt,
          materialWrapped,
          publicKeySpki: fresh?.publicKeySpki ?? null,
        },
      },
      tags: record.tags?.length
        ? { create: record.tags.map((tag) => ({ tagKey: tag.tagKey, tagValue: tag.tagValue })) }
        : undefined,
    },
  });
}
