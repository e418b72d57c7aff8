import {
  constants,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  type KeyObject,
} from "node:crypto";
import type { RequestContext } from "@/lib/context";
import {
  SIGNING_ALGORITHMS,
  signDigest,
  verifyDigest,
  type SigningAlgorithm,
} from "@/lib/crypto/digest-signatures";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { kmsErrors } from "./errors";
import { assertAsymmetricUsage } from "./key-guards";
import { loadMaterial } from "./key-material";
import { keyOperation } from "./key-operation";
import { isAsymmetricKeySpec } from "./key-specs";

/**
 * RSA_2048 and EC_P256 keys: GetPublicKey, AsymmetricSign / AsymmetricVerify over a SHA-256
 * digest, and RSA AsymmetricEncrypt / AsymmetricDecrypt (RSAES-OAEP). Every call names the key
 * version (KeyVersionId is required, as in Alibaba's API).
 */
export { SIGNING_ALGORITHMS, type SigningAlgorithm };
export const ASYMMETRIC_ENCRYPTION_ALGORITHMS = ["RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1"] as const;
export type AsymmetricEncryptionAlgorithm = (typeof ASYMMETRIC_ENCRYPTION_ALGORITHMS)[number];

const SIGNING_ALGORITHMS_BY_SPEC: Record<string, readonly SigningAlgorithm[]> = {
  RSA_2048: ["RSA_PSS_SHA_256", "RSA_PKCS1_SHA_256"],
  EC_P256: ["ECDSA_SHA_256"],
};
const OAEP_HASH: Record<AsymmetricEncryptionAlgorithm, { hash: string; bytes: number }> = {
  RSAES_OAEP_SHA_256: { hash: "sha256", bytes: 32 },
  RSAES_OAEP_SHA_1: { hash: "sha1", bytes: 20 },
};
const RSA_2048_BYTES = 256;
/** OAEP: k − 2·hLen − 2 bytes of plaintext (190 with SHA-256, 214 with SHA-1). */
export const maxOaepPlaintextBytes = (algorithm: AsymmetricEncryptionAlgorithm) =>
  RSA_2048_BYTES - 2 * OAEP_HASH[algorithm].bytes - 2;

type VersionInput = { keyId: string; keyVersionId: string };
type Signed = { keyId: string; keyVersionId: string };

async function publicKeyOf(key: KmsKey, keyVersionId: string): Promise<KeyObject> {
  const row = await getRuntime().db.kmsKeyVersion.findUnique({
    where: { id: keyVersionId },
    select: { keyId: true, publicKeySpki: true },
  });
  if (!row || row.keyId !== key.id || !row.publicKeySpki) throw kmsErrors.keyVersionNotFound();
  return createPublicKey({
    key: Buffer.from(row.publicKeySpki, "base64"),
    format: "der",
    type: "spki",
  });
}

async function privateKeyOf(key: KmsKey, keyVersionId: string): Promise<KeyObject> {
  const entry = await loadMaterial(key.id, keyVersionId);
  if (!entry?.privateKey) throw kmsErrors.keyVersionNotFound();
  return entry.privateKey;
}

/** KMS GetPublicKey: the version's public key as PEM (SubjectPublicKeyInfo). */
export function getPublicKey(
  ctx: RequestContext,
  input: VersionInput,
): Promise<Signed & { publicKeyPem: string }> {
  return keyOperation(ctx, "GetPublicKey", input.keyId, async (key) => {
    if (!isAsymmetricKeySpec(key.keySpec))
      throw kmsErrors.notSupportedForKey(`A ${key.keySpec} key has no public key.`);
    const publicKey = await publicKeyOf(key, input.keyVersionId);
    return {
      keyId: key.id,
      keyVersionId: input.keyVersionId,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    };
  });
}

function assertSigningAlgorithm(key: KmsKey, algorithm: SigningAlgorithm): void {
  if (!SIGNING_ALGORITHMS_BY_SPEC[key.keySpec]?.includes(algorithm)) {
    throw kmsErrors.invalidParameter(
      "Algorithm",
      `A ${key.keySpec} key signs with ${SIGNING_ALGORITHMS_BY_SPEC[key.keySpec]?.join(" or ")}.`,
    );
  }
}

function assertDigest(digest: Uint8Array): void {
  if (digest.length !== 32)
    throw kmsErrors.invalidParameter(
      "Digest",
      "It must be the 32-byte SHA-256 digest of the message.",
    );
}

export function asymmetricSign(
  ctx: RequestContext,
  input: VersionInput & { algorithm: SigningAlgorithm; digest: Uint8Array },
): Promise<Signed & { signature: Buffer }> {
  return keyOperation(ctx, "AsymmetricSign", input.keyId, async (key) => {
    assertAsymmetricUsage(key, "SIGN/VERIFY");
    assertSigningAlgorithm(key, input.algorithm);
    assertDigest(input.digest);
    const signature = signDigest(
      input.algorithm,
      await privateKeyOf(key, input.keyVersionId),
      input.digest,
    );
    return { keyId: key.id, keyVersionId: input.keyVersionId, signature };
  });
}

export function asymmetricVerify(
  ctx: RequestContext,
  input: VersionInput & { algorithm: SigningAlgorithm; digest: Uint8Array; signature: Uint8Array },
): Promise<Signed & { isValid: boolean }> {
  return keyOperation(ctx, "AsymmetricVerify", input.keyId, async (key) => {
    assertAsymmetricUsage(key, "SIGN/VERIFY");
    assertSigningAlgorithm(key, input.algorithm);
    assertDigest(input.digest);
    const isValid = verifyDigest(
      input.algorithm,
      await publicKeyOf(key, input.keyVersionId),
      input.digest,
      input.signature,
    );
    return { keyId: key.id, keyVersionId: input.keyVersionId, isValid };
  });
}

export function asymmetricEncrypt(
  ctx: RequestContext,
  input: VersionInput & { algorithm: AsymmetricEncryptionAlgorithm; plaintext: Uint8Array },
): Promise<Signed & { ciphertext: Buffer }> {
  return keyOperation(ctx, "AsymmetricEncrypt", input.keyId, async (key) => {
    assertAsymmetricUsage(key, "ENCRYPT/DECRYPT");
    const max = maxOaepPlaintextBytes(input.algorithm);
    if (input.plaintext.length > max)
      throw kmsErrors.invalidParameter(
        "Plaintext",
        `${input.algorithm} encrypts at most ${max} bytes.`,
      );
    const publicKey = await publicKeyOf(key, input.keyVersionId);
    const ciphertext = publicEncrypt(
      {
        key: publicKey,
        padding: constants.RSA_PKCS1_OAEP_PADDING,
        oaepHash: OAEP_HASH[input.algorithm].hash,
      },
      input.plaintext,
    );
    return { keyId: key.id, keyVersionId: input.keyVersionId, ciphertext };
  });
}

export function asymmetricDecrypt(
  ctx: RequestContext,
  input: VersionInput & { algorithm: AsymmetricEncryptionAlgorithm; ciphertext: Uint8Array },
): Promise<Signed & { plaintext: Buffer }> {
  return keyOperation(ctx, "AsymmetricDecrypt", input.keyId, async (key) => {
    assertAsymmetricUsage(key, "ENCRYPT/DECRYPT");
    const privateKey = await privateKeyOf(key, input.keyVersionId);
    try {
      const plaintext = privateDecrypt(
        {
          key: privateKey,
          padding: constants.RSA_PKCS1_OAEP_PADDING,
          oaepHash: OAEP_HASH[input.algorithm].hash,
        },
        input.ciphertext,
      );
      return { keyId: key.id, keyVersionId: input.keyVersionId, plaintext };
    } catch {
      throw kmsErrors.invalidCiphertext();
    }
  });
}
