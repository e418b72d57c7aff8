import { createHmac, type KeyObject } from "node:crypto";

/*
 * ECDSA on P-256 over a digest the caller already computed (KMS AsymmetricSign takes the
 * SHA-256 digest, not the message). node:crypto only signs messages — it always hashes — so
 * the curve arithmetic is here, on BigInt: Jacobian coordinates, a Montgomery ladder, and the
 * nonce k derived deterministically per RFC 6979 (no RNG failure can leak the key; pinned by
 * the RFC's vectors). Signatures are DER (ASN.1 SEQUENCE of r, s), as OpenSSL and KMS use.
 * BigInt arithmetic is not constant-time: fine for an emulator, not for an HSM.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const G: Affine = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};
const DIGEST_BYTES = 32;

type Affine = { x: bigint; y: bigint };
type Jacobian = { x: bigint; y: bigint; z: bigint };
const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

function modPow(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

/** Both moduli are prime: a^(m-2) is the inverse (Fermat). */
const invert = (a: bigint, m: bigint) => modPow(a, m - 2n, m);

function double(p: Jacobian): Jacobian {
  if (p.z === 0n || p.y === 0n) return INFINITY;
  // a = −3: alpha = 3(X − Z²)(X + Z²)
  const delta = mod(p.z * p.z, P);
  const gamma = mod(p.y * p.y, P);
  const beta = mod(p.x * gamma, P);
  const alpha = mod(3n * (p.x - delta) * (p.x + delta), P);
  const x = mod(alpha * alpha - 8n * beta, P);
  const z = mod((p.y + p.z) * (p.y + p.z) - gamma - delta, P);
  const y = mod(alpha * (4n * beta - x) - 8n * gamma * gamma, P);
  return { x, y, z };
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p.z === 0n) return q;
  if (q.z === 0n) return p;
  const z1z1 = mod(p.z * p.z, P);
  const z2z2 = mod(q.z * q.z, P);
  const u1 = mod(p.x * z2z2, P);
  const u2 = mod(q.x * z1z1, P);
  const s1 = mod(p.y * q.z * z2z2, P);
  const s2 = mod(q.y * p.z * z1z1, P);
  const h = mod(u2 - u1, P);
  const r = mod(s2 - s1, P);
  if (h === 0n) return r === 0n ? double(p) : INFINITY;
  const hh = mod(h * h, P);
  const hhh = mod(h * hh, P);
  const v = mod(u1 * hh, P);
  const x = mod(r * r - hhh - 2n * v, P);
  const y = mod(r * (v - x) - s1 * hhh, P);
  return { x, y, z: mod(p.z * q.z * h, P) };
}

/** k·point by a Montgomery ladder (the same sequence of operations for every k of 256 bits). */
function multiply(k: bigint, point: Affine): Jacobian {
  let r0 = INFINITY;
  let r1: Jacobian = { ...point, z: 1n };
  for (let bit = 255n; bit >= 0n; bit--) {
    if ((k >> bit) & 1n) {
      r0 = add(r0, r1);
      r1 = double(r1);
    } else {
      r1 = add(r0, r1);
      r0 = double(r0);
    }
  }
  return r0;
}

function toAffine(p: Jacobian): Affine | undefined {
  if (p.z === 0n) return undefined;
  const zInv = invert(p.z, P);
  const zInv2 = mod(zInv * zInv, P);
  return { x: mod(p.x * zInv2, P), y: mod(p.y * zInv2 * zInv, P) };
}

function isOnCurve({ x, y }: Affine): boolean {
  return x < P && y < P && mod(y * y - (x * x * x - 3n * x + B), P) === 0n;
}

const toBigInt = (bytes: Uint8Array) =>
  bytes.length === 0 ? 0n : BigInt("0x" + Buffer.from(bytes).toString("hex"));
const toBytes32 = (value: bigint) => Buffer.from(value.toString(16).padStart(64, "0"), "hex");

function checkDigest(digest: Uint8Array): void {
  if (digest.length !== DIGEST_BYTES)
    throw new RangeError(`ECDSA_SHA_256 signs a ${DIGEST_BYTES}-byte digest.`);
}

/** RFC 6979 §3.2 with HMAC-SHA-256 and qlen = hlen = 256 (so bits2int is a plain conversion). */
function* rfc6979Nonces(d: bigint, digest: Uint8Array): Generator<bigint> {
  const x = toBytes32(d);
  const h = toBytes32(mod(toBigInt(digest), N));
  const hmac = (key: Buffer, ...parts: Uint8Array[]) => {
    const mac = createHmac("sha256", key);
    for (const part of parts) mac.update(part);
    return mac.digest();
  };
  let v = Buffer.alloc(32, 0x01);
  let k = Buffer.alloc(32, 0x00);
  k = hmac(k, v, Buffer.of(0x00), x, h);
  v = hmac(k, v);
  k = hmac(k, v, Buffer.of(0x01), x, h);
  v = hmac(k, v);
  for (;;) {
    v = hmac(k, v);
    const candidate = toBigInt(v);
    if (candidate >= 1n && candidate < N) yield candidate;
    k = hmac(k, v, Buffer.of(0x00));
    v = hmac(k, v);
  }
}

/** The (r, s) pair; `signP256Digest` wraps it in DER. Exposed for the RFC 6979 vectors. */
export function signP256DigestRaw(
  privateScalar: bigint,
  digest: Uint8Array,
): { r: bigint; s: bigint } {
  checkDigest(digest);
  if (privateScalar < 1n || privateScalar >= N)
    throw new RangeError("The P-256 private key is out of range.");
  const e = toBigInt(digest);
  for (const k of rfc6979Nonces(privateScalar, digest)) {
    const point = toAffine(multiply(k, G));
    if (!point) continue;
    const r = mod(point.x, N);
    if (r === 0n) continue;
    const s = mod(invert(k, N) * (e + r * privateScalar), N);
    if (s !== 0n) return { r, s };
  }
  throw new Error("unreachable");
}

export function signP256Digest(privateKey: KeyObject, digest: Uint8Array): Buffer {
  const { r, s } = signP256DigestRaw(privateScalarOf(privateKey), digest);
  return encodeDerSignature(r, s);
}

export function verifyP256Digest(
  publicKey: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  checkDigest(digest);
  const q = publicPointOf(publicKey);
  const parsed = decodeDerSignature(signature);
  if (!parsed || !isOnCurve(q)) return false;
  const { r, s } = parsed;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const w = invert(s, N);
  const point = toAffine(
    add(multiply(mod(toBigInt(digest) * w, N), G), multiply(mod(r * w, N), q)),
  );
  return point !== undefined && mod(point.x, N) === r;
}

function jwkOf(key: KeyObject): { crv?: string; d?: string; x?: string; y?: string } {
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty !== "EC" || jwk.crv !== "P-256") throw new RangeError("Not a P-256 key.");
  return jwk;
}

const fromBase64Url = (text: string | undefined) => toBigInt(Buffer.from(text ?? "", "base64url"));

function privateScalarOf(key: KeyObject): bigint {
  if (key.type !== "private") throw new RangeError("Signing needs the private key.");
  return fromBase64Url(jwkOf(key).d);
}

function publicPointOf(key: KeyObject): Affine {
  const jwk = jwkOf(key);
  return { x: fromBase64Url(jwk.x), y: fromBase64Url(jwk.y) };
}

function derInteger(value: bigint): Buffer {
  const hex = value.toString(16);
  let bytes = Buffer.from(hex.length % 2 ? "0" + hex : hex, "hex");
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return Buffer.concat([Buffer.of(0x02, bytes.length), bytes]);
}

export function encodeDerSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.of(0x30, body.length), body]);
}

/** Strict DER: short lengths, minimal positive integers, nothing trailing. */
export function decodeDerSignature(bytes: Uint8Array): { r: bigint; s: bigint } | undefined {
  const der = Buffer.from(bytes);
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  let offset = 2;
  const readInteger = (): bigint | undefined => {
    if (der[offset] !== 0x02) return undefined;
    const length = der[offset + 1];
    const start = offset + 2;
    if (length === undefined || length === 0 || length > 33 || start + length > der.length)
      return undefined;
    const value = der.subarray(start, start + length);
    if (value[0] & 0x80) return undefined; // negative
    if (length > 1 && value[0] === 0 && !(value[1] & 0x80)) return undefined; // not minimal
    offset = start + length;
    return toBigInt(value);
  };
  const r = readInteger();
  const s = readInteger();
  if (r === undefined || s === undefined || offset !== der.length) return undefined;
  return { r, s };
}
