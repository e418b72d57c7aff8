import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Console passwords, hashed with scrypt (a slow, memory-hard KDF) and a random 16-byte salt per
 * password: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`. The parameters travel with the hash so
 * they can be raised later without breaking stored profiles. Pure: no database.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** Constant-time comparison of the derived key; a malformed stored value never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to compare against when there is no profile, so an unknown name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
}

/**
 * RAM's default password policy: 8–32 characters, at least three of upper-case letters,
 * lower-case letters, digits and symbols.
 */
export const PASSWORD_POLICY = { minLength: 8, maxLength: 32, minCharacterClasses: 3 } as const;

export function isPasswordCompliant(password: string): boolean {
  if (password.length < PASSWORD_POLICY.minLength || password.length > PASSWORD_POLICY.maxLength) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= PASSWORD_POLICY.minCharacterClasses;
}
