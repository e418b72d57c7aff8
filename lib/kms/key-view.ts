import { isoSeconds } from "@/lib/clock";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { effectiveKeyState, type KeyState } from "./key-states";
import { keyArn } from "./key-reference";
import { formatRotationInterval } from "./rotation-interval";

/**
 * A key as the services hand it out (the console reads these directly) and its wire form,
 * DescribeKey's `KeyMetadata` (@alicloud/kms20160120 DescribeKeyResponseKeyMetadata plus the
 * newer fields CreatorType, DeletionProtection*). Pure.
 */
export type AutomaticRotation = "Enabled" | "Disabled" | "Suspended";

export type KeyView = {
  keyId: string;
  arn: string;
  regionId: string;
  /** The effective state (expired imported material reads PendingImport). */
  keyState: KeyState;
  keySpec: string;
  keyUsage: string;
  origin: string;
  protectionLevel: string;
  description: string;
  creator: string;
  creatorType: "User" | "Service";
  createdAt: Date;
  /** Only while PendingDeletion: when the key and its material are deleted. */
  deleteDate: Date | null;
  deletionProtection: boolean;
  deletionProtectionDescription: string | null;
  /** Enabled; Suspended while rotation is on but the key is not Enabled; Disabled. */
  automaticRotation: AutomaticRotation;
  rotationIntervalSeconds: number | null;
  lastRotationDate: Date | null;
  nextRotationDate: Date | null;
  primaryKeyVersionId: string | null;
  materialExpireTime: Date | null;
};

export function toKeyView(key: KmsKey, accountId: string, now: Date): KeyView {
  const keyState = effectiveKeyState(key, now);
  const automaticRotation: AutomaticRotation = !key.rotationEnabled
    ? "Disabled"
    : keyState === "Enabled"
      ? "Enabled"
      : "Suspended";
  return {
    keyId: key.id,
    arn: keyArn(key.regionId, accountId, key.id),
    regionId: key.regionId,
    keyState,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    origin: key.origin,
    protectionLevel: key.protectionLevel,
    description: key.description,
    creator: key.creator,
    creatorType: key.creatorType === "Service" ? "Service" : "User",
    createdAt: key.createdAt,
    deleteDate: keyState === "PendingDeletion" ? key.deleteDate : null,
    deletionProtection: key.deletionProtection,
    deletionProtectionDescription: key.deletionProtection
      ? key.deletionProtectionDescription
      : null,
    automaticRotation,
    rotationIntervalSeconds: key.rotationIntervalSeconds,
    lastRotationDate: key.lastRotationDate,
    nextRotationDate: key.rotationEnabled ? key.nextRotationDate : null,
    primaryKeyVersionId: key.primaryKeyVersionId,
    materialExpireTime: key.materialExpireTime,
  };
}

/** DescribeKey / CreateKey `KeyMetadata`; absent values are left out, not sent empty. */
export function keyMetadataWire(view: KeyView) {
  const time = (date: Date | null) => (date ? isoSeconds(date) : undefined);
  return omitUndefined({
    KeyId: view.keyId,
    Arn: view.arn,
    KeyState: view.keyState,
    KeySpec: view.keySpec,
    KeyUsage: view.keyUsage,
    Origin: view.origin,
    ProtectionLevel: view.protectionLevel,
    Description: view.description,
    Creator: view.creator,
    CreatorType: view.creatorType,
    CreationDate: isoSeconds(view.createdAt),
    DeleteDate: time(view.deleteDate),
    AutomaticRotation: view.automaticRotation,
    RotationInterval:
      view.rotationIntervalSeconds === null
        ? undefined
        : formatRotationInterval(view.rotationIntervalSeconds),
    LastRotationDate: time(view.lastRotationDate),
    NextRotationDate: time(view.nextRotationDate),
    PrimaryKeyVersion: view.primaryKeyVersionId ?? undefined,
    MaterialExpireTime: time(view.materialExpireTime),
    DeletionProtection: view.deletionProtection ? "Enabled" : "Disabled",
    DeletionProtectionDescription: view.deletionProtectionDescription ?? undefined,
  });
}

function omitUndefined<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as never;
}
