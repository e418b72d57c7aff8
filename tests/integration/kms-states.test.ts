import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "@/lib/crypto/byok";
import {
  KEY_STATE_TABLE,
  KEY_STATES,
  type KeyState,
  type KeyStateAction,
} from "@/lib/kms/key-states";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * The key-state table (lib/kms/key-states.ts, itself checked against Alibaba's in its unit
 * test), cell by cell, through both official clients: every refusal with its code and 409, and
 * every allowed cell succeeding. Each cell gets a fresh key brought into the state by the API.
 */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

type Kind = "symmetric" | "signing" | "rsa-encryption" | "external";
type Fixture = {
  keyId: string;
  versionId: string;
  blob?: string;
  alias: string;
  otherAlias: string;
  signature?: string;
  rsaCiphertext?: string;
  importToken?: string;
  encryptedMaterial?: string;
};

const DIGEST = createHash("sha256").update("message").digest("base64");
const MATERIAL = createHash("sha256").update("imported material").digest();

/** What each action needs, and the kind of key it runs on. */
const CELLS: Partial<
  Record<KeyStateAction, { kind: Kind; params: (f: Fixture) => Record<string, unknown> }>
> = {
  GenerateDataKey: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  GenerateDataKeyWithoutPlaintext: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, NumberOfBytes: 64 }),
  },
  Encrypt: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId, Plaintext: "aGVsbG8=" }) },
  Decrypt: { kind: "symmetric", params: (f) => ({ CiphertextBlob: f.blob }) },
  ReEncrypt: {
    kind: "symmetric",
    params: (f) => ({ CiphertextBlob: f.blob, DestinationKeyId: f.keyId }),
  },
  UpdateRotationPolicy: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, EnableAutomaticRotation: true, RotationInterval: "30d" }),
  },
  CreateKeyVersion: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  UpdateKeyDescription: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, Description: "changed" }),
  },
  TagResource: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, Tags: '[{"TagKey":"k","TagValue":"v"}]' }),
  },
  UntagResource: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId, TagKeys: '["k"]' }) },
  SetDeletionProtection: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, EnableDeletionProtection: true }),
  },
  DescribeKey: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  DeleteAlias: { kind: "symmetric", params: (f) => ({ AliasName: f.alias }) },
  ListAliasesByKeyId: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  ListResourceTags: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  ListKeyVersions: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  DescribeKeyVersion: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, KeyVersionId: f.versionId }),
  },
  EnableKey: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  DisableKey: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  ScheduleKeyDeletion: {
    kind: "symmetric",
    params: (f) => ({ KeyId: f.keyId, PendingWindowInDays: 7 }),
  },
  CancelKeyDeletion: { kind: "symmetric", params: (f) => ({ KeyId: f.keyId }) },
  CreateAlias: {
    kind: "symmetric",
    params: (f) => ({ AliasName: `alias/new-${randomUUID()}`, KeyId: f.keyId }),
  },
  UpdateAlias: { kind: "symmetric", params: (f) => ({ AliasName: f.otherAlias, KeyId: f.keyId }) },
  GetPublicKey: { kind: "signing", params: (f) => ({ KeyId: f.keyId, KeyVersionId: f.versionId }) },
  AsymmetricSign: {
    kind: "signing",
    params: (f) => ({
      KeyId: f.keyId,
      KeyVersionId: f.versionId,
      Algorithm: "ECDSA_SHA_256",
      Digest: DIGEST,
    }),
  },
  AsymmetricVerify: {
    kind: "signing",
    params: (f) => ({
      KeyId: f.keyId,
      KeyVersionId: f.versionId,
      Algorithm: "ECDSA_SHA_256",
      Digest: DIGEST,
      Value: f.signature,
    }),
  },
  AsymmetricEncrypt: {
    kind: "rsa-encryption",
    params: (f) => ({
      KeyId: f.keyId,
      KeyVersionId: f.versionId,
      Algorithm: "RSAES_OAEP_SHA_256",
      Plaintext: "aGVsbG8=",
    }),
  },
  AsymmetricDecrypt: {
    kind: "rsa-encryption",
    params: (f) => ({
      KeyId: f.keyId,
      KeyVersionId: f.versionId,
      Algorithm: "RSAES_OAEP_SHA_256",
      CiphertextBlob: f.rsaCiphertext,
    }),
  },
  GetParametersForImport: {
    kind: "external",
    params: (f) => ({
      KeyId: f.keyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    }),
  },
  ImportKeyMaterial: {
    kind: "external",
    params: (f) => ({
      KeyId: f.keyId,
      EncryptedKeyMaterial: f.encryptedMaterial,
      ImportToken: f.importToken,
      KeyMaterialExpireUnix: 0,
    }),
  },
  DeleteKeyMaterial: { kind: "external", params: (f) => ({ KeyId: f.keyId }) },
};

/** A key of `kind` in `state`, with what the actions need prepared while it was usable. */
async function fixture(kind: Kind, state: KeyState): Promise<Fixture> {
  const pop = clients.pop;
  const spec = {
    symmetric: {},
    external: { Origin: "EXTERNAL" },
    signing: { KeySpec: "EC_P256" },
    "rsa-encryption": { KeySpec: "RSA_2048" },
  }[kind];
  const { KeyMetadata: key } = await pop<{
    KeyMetadata: { KeyId: string; PrimaryKeyVersion: string };
  }>("CreateKey", spec);
  const f: Fixture = {
    keyId: key.KeyId,
    versionId: key.PrimaryKeyVersion,
    alias: `alias/t-${randomUUID()}`,
    otherAlias: `alias/o-${randomUUID()}`,
  };
  if (kind === "external") {
    const params = await pop<{ ImportToken: string; PublicKey: string }>(
      "GetParametersForImport",
      CELLS.GetParametersForImport!.params(f),
    );
    f.importToken = params.ImportToken;
    f.encryptedMaterial = wrapKeyMaterial(
      params.PublicKey,
      "RSAES_OAEP_SHA_256",
      MATERIAL,
    ).toString("base64");
    await pop("ImportKeyMaterial", CELLS.ImportKeyMaterial!.params(f));
  }
  if (kind === "symmetric" || kind === "external")
    f.blob = (
      await pop<{ CiphertextBlob: string }>("Encrypt", { KeyId: f.keyId, Plaintext: "aGk=" })
    ).CiphertextBlob;
  if (kind === "signing")
    f.signature = (
      await pop<{ Value: string }>("AsymmetricSign", CELLS.AsymmetricSign!.params(f))
    ).Value;
  if (kind === "rsa-encryption")
    f.rsaCiphertext = (
      await pop<{ CiphertextBlob: string }>("AsymmetricEncrypt", CELLS.AsymmetricEncrypt!.params(f))
    ).CiphertextBlob;
  await pop("CreateAlias", { AliasName: f.alias, KeyId: f.keyId });
  const { KeyMetadata: other } = await pop<{ KeyMetadata: { KeyId: string } }>("CreateKey");
  await pop("CreateAlias", { AliasName: f.otherAlias, KeyId: other.KeyId });
  await pop("TagResource", { KeyId: f.keyId, Tags: '[{"TagKey":"k","TagValue":"v"}]' });

  if (state === "Disabled") await pop("DisableKey", { KeyId: f.keyId });
  if (state === "PendingDeletion")
    await pop("ScheduleKeyDeletion", { KeyId: f.keyId, PendingWindowInDays: 30 });
  if (state === "PendingImport") await pop("DeleteKeyMaterial", { KeyId: f.keyId });
  const described = await pop<{ KeyMetadata: { KeyState: string } }>("DescribeKey", {
    KeyId: f.keyId,
  });
  expect(described.KeyMetadata.KeyState).toBe(state);
  return f;
}

/** PendingImport exists only for EXTERNAL keys: symmetric actions run on one there. */
const kindIn = (kind: Kind, state: KeyState): Kind | undefined =>
  state !== "PendingImport"
    ? kind
    : kind === "symmetric" || kind === "external"
      ? "external"
      : undefined;

const cells = Object.entries(CELLS).flatMap(([action, cell]) =>
  KEY_STATES.filter((state) => kindIn(cell.kind, state)).map((state) => ({
    action: action as KeyStateAction,
    state,
    expected: KEY_STATE_TABLE[action as KeyStateAction][state],
  })),
);

describe.each(["sdk", "pop"] as const)("the key-state table through %s", (clientName) => {
  it.each(cells)("$action on a $state key: $expected", async ({ action, state, expected }) => {
    const cell = CELLS[action]!;
    const f = await fixture(kindIn(cell.kind, state)!, state);
    const call = clients[clientName](action, cell.params(f));
    if (expected === "ok") {
      await expect(call).resolves.toBeTruthy();
    } else {
      expect(await failureOf(call)).toMatchObject({ code: expected, status: 409 });
    }
  });
});
