import { randomBytesFromPool } from "./random-pool";
import { getAead, type AeadAlgorithm } from "./aead";
import { encodeEncryptionContext, type EncryptionContext } from "./encryption-context";
import { AeadAuthenticationError, InvalidBlobError } from "./errors";

/*
 * The KMS CiphertextBlob (layout and invariants in lib/kms/README.md):
 *   "DSKB" ‖ version 0x01 ‖ algorithm ‖ u8 len ‖ keyId ‖ u8 len ‖ keyVersionId ‖ nonce ‖ sealed
 * Associated data = the whole header (everything before `sealed`) ‖ canonical EncryptionContext.
 * Stored blobs depend on every byte of this: add a new version, never change version 1.
 */

export type BlobAlgorithm = AeadAlgorithm;

export interface BlobHeader {
  keyId: string;
  keyVersionId: string;
  algorithm: BlobAlgorithm;
}

export interface SealBlobInput extends BlobHeader {
  /** The key version's plaintext material: 32 bytes (AES-256-GCM) or 16 bytes (SM4-AEAD). */
  material: Uint8Array;
  plaintext: Uint8Array;
  encryptionContext?: EncryptionContext;
}

/** Which blob algorithm a KMS symmetric KeySpec seals with. */
export const BLOB_ALGORITHM_BY_KEY_SPEC = {
  Aliyun_AES_256: "AES-256-GCM",
  Aliyun_SM4: "SM4-AEAD",
} as const satisfies Record<string, BlobAlgorithm>;

const MAGIC = Buffer.from("DSKB", "ascii");
const VERSION_1 = 0x01;
const ALGORITHM_IDS: Record<BlobAlgorithm, number> = { "AES-256-GCM": 0x01, "SM4-AEAD": 0x02 };
const ALGORITHM_BY_ID = new Map(
  Object.entries(ALGORITHM_IDS).map(([name, id]) => [id, name as BlobAlgorithm]),
);
const MAX_ID_BYTES = 255;
const TAG_BYTES = 16;
const MAX_NONCE_BYTES = 16;
/** Encrypt takes up to 6 KiB; GenerateDataKey at most 1024 bytes. */
export const MAX_BLOB_PLAINTEXT_BYTES = 6144;
const MAX_HEADER_BYTES = MAGIC.length + 2 + (1 + MAX_ID_BYTES) * 2 + MAX_NONCE_BYTES;
export const MAX_BLOB_BYTES = MAX_HEADER_BYTES + MAX_BLOB_PLAINTEXT_BYTES + TAG_BYTES;
const MAX_BLOB_BASE64_CHARS = Math.ceil(MAX_BLOB_BYTES / 3) * 4;
/** Printable ASCII without space: key ids and version ids are `key-…` / UUIDs. */
const ID_PATTERN = /^[\x21-\x7e]{1,255}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

export function sealBlob(input: SealBlobInput): string {
  const aead = getAead(input.algorithm);
  checkId("keyId", input.keyId);
  checkId("keyVersionId", input.keyVersionId);
  if (input.plaintext.length > MAX_BLOB_PLAINTEXT_BYTES) {
    throw new RangeError(`A blob holds at most ${MAX_BLOB_PLAINTEXT_BYTES} bytes of plaintext.`);
  }
  const keyId = Buffer.from(input.keyId, "ascii");
  const keyVersionId = Buffer.from(input.keyVersionId, "ascii");
  const header = Buffer.concat([
    MAGIC,
    Buffer.of(VERSION_1, ALGORITHM_IDS[input.algorithm], keyId.length),
    keyId,
    Buffer.of(keyVersionId.length),
    keyVersionId,
    randomBytesFromPool(aead.nonceBytes),
  ]);
  const nonce = header.subarray(header.length - aead.nonceBytes);
  const aad = Buffer.concat([header, encodeEncryptionContext(input.encryptionContext)]);
  const sealed = aead.seal(input.material, nonce, input.plaintext, aad);
  return Buffer.concat([header, sealed]).toString("base64");
}

/** What Decrypt needs to find the key material; throws InvalidBlobError if malformed. */
export function parseBlobHeader(base64: string): BlobHeader {
  const { keyId, keyVersionId, algorithm } = parseBlob(base64);
  return { keyId, keyVersionId, algorithm };
}

/** The plaintext, or InvalidBlobError: malformed, altered, other context or other material. */
export function openBlob(
  base64: string,
  material: Uint8Array,
  encryptionContext?: EncryptionContext,
): Buffer {
  const blob = parseBlob(base64);
  const aead = getAead(blob.algorithm);
  if (material.length !== aead.keyBytes) {
    // A genuine blob always names a key of its own algorithm (the header is authenticated).
    throw new InvalidBlobError("unauthenticated", "The blob's algorithm does not match the key.");
  }
  const aad = Buffer.concat([blob.header, encodeEncryptionContext(encryptionContext)]);
  try {
    return aead.open(material, blob.nonce, blob.sealed, aad);
  } catch (error) {
    if (error instanceof AeadAuthenticationError) {
      throw new InvalidBlobError("unauthenticated", "The ciphertext blob failed authentication.");
    }
    throw error;
  }
}

function checkId(name: string, id: string): void {
  if (!ID_PATTERN.test(id))
    throw new RangeError(`${name} must be 1–255 printable ASCII characters.`);
}

interface ParsedBlob extends BlobHeader {
  header: Buffer;
  nonce: Buffer;
  sealed: Buffer;
}

const malformed = (detail: string) =>
  new InvalidBlobError("malformed", `Malformed ciphertext blob: ${detail}.`);

function decodeStrictBase64(text: string): Buffer {
  if (typeof text !== "string" || text.length === 0) throw malformed("empty");
  if (text.length > MAX_BLOB_BASE64_CHARS) throw malformed("too long");
  if (text.length % 4 !== 0 || !BASE64_PATTERN.test(text)) throw malformed("not standard base64");
  const bytes = Buffer.from(text, "base64");
  // Buffer decoding is lenient (ignores stray bits); one blob must have exactly one spelling.
  if (bytes.toString("base64") !== text) throw malformed("not canonical base64");
  return bytes;
}

function parseBlob(base64: string): ParsedBlob {
  const bytes = decodeStrictBase64(base64);
  let offset = 0;
  const take = (count: number, what: string): Buffer => {
    if (count > bytes.length - offset) throw malformed(`truncated in ${what}`);
    const field = bytes.subarray(offset, offset + count);
    offset += count;
    return field;
  };
  const readId = (what: string): string => {
    const id = take(take(1, `${what} length`)[0], what).toString("latin1");
    if (!ID_PATTERN.test(id)) throw malformed(`invalid ${what}`);
    return id;
  };

  if (!take(MAGIC.length, "magic").equals(MAGIC)) throw malformed("not a DiskSeal blob");
  const version = take(1, "version")[0];
  if (version !== VERSION_1) throw malformed(`unknown format version ${version}`);
  const algorithm = ALGORITHM_BY_ID.get(take(1, "algorithm")[0]);
  if (!algorithm) throw malformed("unknown algorithm");
  const keyId = readId("key id");
  const keyVersionId = readId("key version id");
  const nonce = take(getAead(algorithm).nonceBytes, "nonce");
  const header = bytes.subarray(0, offset);
  const sealed = bytes.subarray(offset);
  if (sealed.length < TAG_BYTES) throw malformed("truncated in payload");
  if (sealed.length > MAX_BLOB_PLAINTEXT_BYTES + TAG_BYTES) throw malformed("payload too long");
  return { keyId, keyVersionId, algorithm, header, nonce, sealed };
}
