/**
 * What a KeyId parameter names. KMS accepts a key id, an alias (`alias/…`) or an ARN
 * (`acs:kms:<region>:<account>:key/<id>` or `…:alias/<name>`) wherever a KeyId goes, and an
 * ARN names its own region (reference/emulator-contract.md "Region of a request"). Pure: the
 * lookup itself is in key-lookup.ts.
 */
export type KeyReference =
  | { kind: "key"; regionId: string; keyId: string; accountId?: string }
  | { kind: "alias"; regionId: string; aliasName: string; accountId?: string };

export const ALIAS_PREFIX = "alias/";
/** The ECS service key's alias, one per region. */
export const SERVICE_KEY_ALIAS = "alias/acs/ecs";

const KMS_ARN = /^acs:kms:([^:]*):([^:]*):(key|alias)\/(.+)$/;

/**
 * Parses a KeyId parameter; `requestRegionId` applies unless it is an ARN. An ARN's account is
 * returned so the caller can treat another account's key as not found.
 */
export function parseKeyReference(value: string, requestRegionId: string): KeyReference {
  const arn = KMS_ARN.exec(value);
  if (arn) {
    const [, regionId, accountId, type, name] = arn;
    return type === "key"
      ? { kind: "key", regionId, accountId, keyId: name }
      : { kind: "alias", regionId, accountId, aliasName: ALIAS_PREFIX + name };
  }
  if (value.startsWith(ALIAS_PREFIX))
    return { kind: "alias", regionId: requestRegionId, aliasName: value };
  return { kind: "key", regionId: requestRegionId, keyId: value };
}

/** Whether a reference can name a key of this account (an ARN of another account cannot). */
export function isOwnAccount(reference: KeyReference, accountId: string): boolean {
  return reference.accountId === undefined || reference.accountId === accountId;
}

export function keyArn(regionId: string, accountId: string, keyId: string): string {
  return `acs:kms:${regionId}:${accountId}:key/${keyId}`;
}

/** `acs:kms:<region>:<account>:alias/<name>`: the ARN drops the name's own `alias/`. */
export function aliasArn(regionId: string, accountId: string, aliasName: string): string {
  return `acs:kms:${regionId}:${accountId}:${aliasName}`;
}

/** The ARN a request is authorized against before the key itself is loaded. */
export function referenceArn(reference: KeyReference, accountId: string): string {
  const account = reference.accountId ?? accountId;
  return reference.kind === "key"
    ? keyArn(reference.regionId, account, reference.keyId)
    : aliasArn(reference.regionId, account, reference.aliasName);
}
