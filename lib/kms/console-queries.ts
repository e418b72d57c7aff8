import { createPublicKey } from "node:crypto";
import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { lookupEvents, type AuditEventView } from "@/lib/audit/lookup-events";
import { getRuntime } from "@/lib/runtime";
import { keyTarget } from "./key-lookup";
import { keyOperation } from "./key-operation";
import { aliasArn } from "./key-reference";
import { toKeyView, type KeyView } from "./key-view";
import { listKeyAssociationsOf, type KeyAssociation } from "./key-associations";
import type { AliasView } from "./list-aliases";
import type { KeyVersionView } from "./key-versions";
import type { KeyTag } from "./tag-params";

/**
 * Reads the console's key pages need in one call each (lib/kms/README.md "API for the
 * console"). They go through the same operation frame as the API: authorized, audited.
 */
export type KeyDetail = {
  key: KeyView;
  /** Oldest first; `isPrimary` marks the one new ciphertexts use. */
  versions: KeyVersionView[];
  aliases: AliasView[];
  tags: KeyTag[];
  /** Asymmetric keys: the primary version's public key (PEM); null for symmetric keys. */
  publicKeyPem: string | null;
  /** The key association check (disks, snapshots, images registered by ECS). */
  associations: KeyAssociation[];
};

/** The key detail page: metadata, versions, aliases, tags, public key and associations. Audited as DescribeKey. */
export function getKeyDetail(ctx: RequestContext, input: { keyId: string }): Promise<KeyDetail> {
  return keyOperation(ctx, "DescribeKey", input.keyId, async (key) => {
    const { db, accountId } = getRuntime();
    const [versions, aliases, tags, associations] = await Promise.all([
      db.kmsKeyVersion.findMany({
        where: { keyId: key.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, createdAt: true, publicKeySpki: true },
      }),
      db.kmsAlias.findMany({ where: { keyId: key.id }, orderBy: { aliasName: "asc" } }),
      db.kmsKeyTag.findMany({
        where: { keyId: key.id },
        orderBy: { tagKey: "asc" },
        select: { tagKey: true, tagValue: true },
      }),
      listKeyAssociationsOf(key.id, key.regionId),
    ]);
    const primarySpki = versions.find(
      (version) => version.id === key.primaryKeyVersionId,
    )?.publicKeySpki;
    return {
      key: toKeyView(key, accountId, now()),
      versions: versions.map((v) => ({
        keyId: key.id,
        keyVersionId: v.id,
        createdAt: v.createdAt,
        isPrimary: v.id === key.primaryKeyVersionId,
      })),
      aliases: aliases.map((a) => ({
        aliasName: a.aliasName,
        aliasArn: aliasArn(a.regionId, accountId, a.aliasName),
        keyId: a.keyId,
        createdAt: a.createdAt,
      })),
      tags,
      publicKeyPem: primarySpki
        ? createPublicKey({ key: Buffer.from(primarySpki, "base64"), format: "der", type: "spki" })
            .export({ type: "spki", format: "pem" })
            .toString()
        : null,
      associations,
    };
  });
}

/**
 * The key's recent operations, newest first, from the audit trail (every KMS operation records
 * its key id, refusals included; ECS's KMS calls carry CausedBy). KeyId may be an alias or ARN.
 * Root only, as LookupEvents is.
 */
export async function listKeyEvents(
  ctx: RequestContext,
  input: { keyId: string; maxResults?: number; nextToken?: string },
): Promise<{ events: AuditEventView[]; nextToken?: string }> {
  const target = await keyTarget(ctx, input.keyId);
  return lookupEvents(ctx, {
    keyId: target.keyId ?? input.keyId,
    maxResults: input.maxResults,
    nextToken: input.nextToken,
  });
}
