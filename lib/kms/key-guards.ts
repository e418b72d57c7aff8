import type { Principal } from "@/lib/context";
import { kmsErrors } from "./errors";
import { isAsymmetricKeySpec, isSymmetricKeySpec } from "./key-specs";
import {
  assertKeyStateAllows,
  effectiveKeyState,
  type KeyStateAction,
  type KeyStateFacts,
} from "./key-states";

/**
 * The guards every key operation runs after loading the key, in this order: the service-key
 * rule, then the key-state table, then what the key's spec and usage can do. Pure.
 */
type GuardedKey = KeyStateFacts & { creatorType: string; keySpec: string; keyUsage: string };

/**
 * Service keys (`alias/acs/ecs`) belong to the cloud: a user may use them (Decrypt of a disk's
 * data key, so users can read their own media) but not manage them. What counts as managing is
 * the contract's list — disable, deletion, rotation, alias changes — plus the other changes of
 * a key's settings, which the console does not offer on service keys either.
 */
export const SERVICE_KEY_MANAGEMENT_ACTIONS: ReadonlySet<string> = new Set([
  "EnableKey",
  "DisableKey",
  "ScheduleKeyDeletion",
  "CancelKeyDeletion",
  "SetDeletionProtection",
  "UpdateRotationPolicy",
  "CreateKeyVersion",
  "CreateAlias",
  "UpdateAlias",
  "DeleteAlias",
  "UpdateKeyDescription",
  "TagResource",
  "UntagResource",
  "GetParametersForImport",
  "ImportKeyMaterial",
  "DeleteKeyMaterial",
]);

export function isServiceKey(key: { creatorType: string }): boolean {
  return key.creatorType === "Service";
}

/** 400 Rejected.UnsupportedOperation for a user's management of a service key. */
export function assertMayManage(
  principal: Principal,
  key: { creatorType: string },
  action: string,
): void {
  if (
    isServiceKey(key) &&
    principal.kind !== "service" &&
    SERVICE_KEY_MANAGEMENT_ACTIONS.has(action)
  ) {
    throw kmsErrors.unsupportedOperation("The key is a service key managed by Alibaba Cloud.");
  }
}

/** Service-key rule, then the key-state table (409 Rejected.*), at `now`. */
export function guardKey(
  principal: Principal,
  key: GuardedKey,
  action: KeyStateAction,
  now: Date,
): void {
  assertMayManage(principal, key, action);
  assertKeyStateAllows(action, effectiveKeyState(key, now));
}

/** Encrypt, Decrypt, GenerateDataKey*, ReEncrypt: symmetric keys only. */
export function assertSymmetric(key: { keySpec: string }): void {
  if (!isSymmetricKeySpec(key.keySpec)) {
    throw kmsErrors.notSupportedForKey(
      `A ${key.keySpec} key does not encrypt with this operation; use AsymmetricEncrypt.`,
    );
  }
}

/** The asymmetric operations: the spec must be asymmetric and its usage the one asked for. */
export function assertAsymmetricUsage(
  key: { keySpec: string; keyUsage: string },
  usage: "ENCRYPT/DECRYPT" | "SIGN/VERIFY",
): void {
  if (!isAsymmetricKeySpec(key.keySpec))
    throw kmsErrors.notSupportedForKey(`A ${key.keySpec} key is not an asymmetric key.`);
  if (key.keyUsage !== usage)
    throw kmsErrors.notSupportedForKey(`The key's KeyUsage is ${key.keyUsage}, not ${usage}.`);
}
