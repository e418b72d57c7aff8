import { InvalidEncryptionContextError } from "./errors";

/**
 * A KMS EncryptionContext: a flat JSON object of string → string. It is never stored; it is
 * bound to a ciphertext blob as associated data, so Decrypt must present the same pairs.
 */
export type EncryptionContext = Readonly<Record<string, string>>;

/**
 * With the `u` flag a well-formed surrogate pair is one code point, so this matches only a
 * lone surrogate. Lone surrogates must be refused: UTF-8 encoding turns every one of them
 * into U+FFFD, so "\uD800" and "\uFFFD" would encode to the same bytes.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Parses the EncryptionContext parameter of a KMS API call (a JSON string). Absent or empty
 * means no context, which encodes the same as `{}`.
 */
export function parseEncryptionContext(json: string | undefined | null): EncryptionContext {
  if (json === undefined || json === null || json.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new InvalidEncryptionContextError("EncryptionContext is not valid JSON.");
  }
  assertEncryptionContext(value);
  return value;
}

export function assertEncryptionContext(value: unknown): asserts value is EncryptionContext {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidEncryptionContextError("EncryptionContext must be a JSON object.");
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new InvalidEncryptionContextError("EncryptionContext must be a plain JSON object.");
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") {
      throw new InvalidEncryptionContextError(
        `EncryptionContext values must be strings; "${key}" is ${entry === null ? "null" : typeof entry}.`,
      );
    }
    if (LONE_SURROGATE.test(key) || LONE_SURROGATE.test(entry)) {
      throw new InvalidEncryptionContextError(
        "EncryptionContext keys and values must be valid Unicode text.",
      );
    }
  }
}

/**
 * Canonical bytes of an EncryptionContext, used as associated data:
 *   u32be pairCount ‖ for each pair, sorted by the UTF-8 bytes of its key:
 *     u32be keyByteLength ‖ key UTF-8 ‖ u32be valueByteLength ‖ value UTF-8
 * Length prefixes make it injective ({"ab":"c"} ≠ {"a":"bc"}); sorting makes JSON key order
 * irrelevant. Stored blobs depend on these exact bytes: never change this encoding.
 */
export function encodeEncryptionContext(context: EncryptionContext | undefined): Buffer {
  const value: unknown = context ?? {};
  assertEncryptionContext(value);
  const pairs = Object.entries(value).map(([key, entry]) => ({
    key: Buffer.from(key, "utf8"),
    value: Buffer.from(entry, "utf8"),
  }));
  // Byte order, not JS string order: UTF-16 code-unit order differs from UTF-8 byte order
  // for characters above U+FFFF, and another implementation would sort by bytes.
  pairs.sort((a, b) => Buffer.compare(a.key, b.key));

  const size = 4 + pairs.reduce((sum, pair) => sum + 8 + pair.key.length + pair.value.length, 0);
  const out = Buffer.alloc(size);
  let offset = out.writeUInt32BE(pairs.length, 0);
  for (const pair of pairs) {
    offset = out.writeUInt32BE(pair.key.length, offset);
    offset += pair.key.copy(out, offset);
    offset = out.writeUInt32BE(pair.value.length, offset);
    offset += pair.value.copy(out, offset);
  }
  return out;
}
