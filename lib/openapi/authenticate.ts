import { timingSafeEqual } from "node:crypto";
import type { Principal } from "@/lib/context";
import { findAccessKey, type ResolvedAccessKey } from "@/lib/account/access-keys";
import { protocolErrors } from "@/lib/openapi/protocol-errors";
import { nonceCache, nonceKey } from "@/lib/openapi/nonce-cache";
import { acceptableTimestamp } from "@/lib/openapi/timestamp";
import { isV1SignatureMethod, v1Signature, v1StringToSign } from "@/lib/openapi/signature-v1";
import {
  parseAcs3Authorization,
  sha256Hex,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from "@/lib/openapi/signature-v3";

/**
 * Who signed a request. Order: required fields (MissingParameter / IncompleteSignature) → the
 * AccessKey exists (InvalidAccessKeyId.NotFound) → timestamp within 15 minutes of real time
 * (IllegalTimestamp) → signature (SignatureDoesNotMatch) → the key is Active
 * (InvalidAccessKeyId.Inactive; only a holder of the secret learns that) → the nonce is new
 * (SignatureNonceUsed; recorded only for requests that passed everything else, so forged
 * requests cannot burn a caller's nonces).
 */
export type SignedRequest = {
  method: string;
  path: string;
  /** Decoded query-string parameters only (V3 signs these). */
  query: Record<string, string>;
  /** Query and form body merged (V1 signs these). */
  params: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

const MAX_KEY_ID_LENGTH = 128;
const MAX_NONCE_LENGTH = 256;

export async function authenticate(req: SignedRequest, nowMs = Date.now()): Promise<Principal> {
  const authorization = headerText(req.headers.authorization);
  if (authorization !== undefined && authorization.trim() !== "") {
    return authenticateV3(req, authorization, nowMs);
  }
  return authenticateV1(req, nowMs);
}

async function authenticateV1(req: SignedRequest, nowMs: number): Promise<Principal> {
  const p = req.params;
  for (const name of [
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
  ]) {
    if (!Object.hasOwn(p, name) || p[name] === "") throw protocolErrors.missingParameter(name);
  }
  const method = p.SignatureMethod;
  if (!isV1SignatureMethod(method)) {
    throw protocolErrors.incompleteSignature("SignatureMethod must be HMAC-SHA1 or HMAC-SHA256.");
  }
  if (p.SignatureVersion !== "1.0") {
    throw protocolErrors.incompleteSignature("SignatureVersion must be 1.0.");
  }
  checkNonceForm(p.SignatureNonce, "SignatureNonce");

  const key = await lookUpKey(p.AccessKeyId);
  const timestampMs = acceptableTimestamp(p.Timestamp, nowMs);
  if (timestampMs === undefined) throw protocolErrors.illegalTimestamp("Timestamp");

  const stringToSign = v1StringToSign(req.method, p);
  if (!sameText(v1Signature(stringToSign, key.secret, method), p.Signature)) {
    throw protocolErrors.signatureDoesNotMatch(stringToSign);
  }
  return admit(key, p.SignatureNonce, timestampMs, nowMs);
}

async function authenticateV3(
  req: SignedRequest,
  authorization: string,
  nowMs: number,
): Promise<Principal> {
  const auth = parseAcs3Authorization(authorization);
  const date = headerText(req.headers["x-acs-date"]);
  const nonce = headerText(req.headers["x-acs-signature-nonce"]);
  const contentSha256 = headerText(req.headers["x-acs-content-sha256"]);
  if (!date) throw protocolErrors.missingParameter("x-acs-date");
  if (!nonce) throw protocolErrors.missingParameter("x-acs-signature-nonce");
  if (!contentSha256) throw protocolErrors.missingParameter("x-acs-content-sha256");
  checkNonceForm(nonce, "x-acs-signature-nonce");
  // Everything that routes or identifies the request must be covered by the signature.
  const unsigned = Object.keys(req.headers).filter(
    (name) => (name === "host" || name.startsWith("x-acs-")) && !auth.signedHeaders.includes(name),
  );
  if (unsigned.length > 0) {
    throw protocolErrors.incompleteSignature(
      `Header(s) not signed: ${unsigned.sort().join(", ")}.`,
    );
  }

  const key = await lookUpKey(auth.accessKeyId);
  const timestampMs = acceptableTimestamp(date, nowMs);
  if (timestampMs === undefined) throw protocolErrors.illegalTimestamp("x-acs-date");

  const payloadHash = sha256Hex(req.body);
  const canonicalRequest = v3CanonicalRequest({
    method: req.method,
    path: req.path,
    query: req.query,
    headers: req.headers,
    signedHeaders: auth.signedHeaders,
    payloadHash,
  });
  const stringToSign = v3StringToSign(canonicalRequest);
  if (contentSha256.toLowerCase() !== payloadHash) {
    throw protocolErrors.signatureDoesNotMatch(stringToSign, {
      CanonicalRequest: canonicalRequest,
      Reason: "x-acs-content-sha256 does not match the SHA-256 of the request body.",
    });
  }
  if (!sameText(v3Signature(stringToSign, key.secret), auth.signature.toLowerCase())) {
    throw protocolErrors.signatureDoesNotMatch(stringToSign, {
      CanonicalRequest: canonicalRequest,
    });
  }
  return admit(key, nonce, timestampMs, nowMs);
}

async function lookUpKey(id: string): Promise<ResolvedAccessKey> {
  // Ids are short and printable; anything else cannot exist, so the database is not asked.
  if (id.length > MAX_KEY_ID_LENGTH || !/^[\x21-\x7e]+$/.test(id)) {
    throw protocolErrors.accessKeyNotFound();
  }
  const key = await findAccessKey(id);
  if (!key) throw protocolErrors.accessKeyNotFound();
  return key;
}

function admit(
  key: ResolvedAccessKey,
  nonce: string,
  timestampMs: number,
  nowMs: number,
): Principal {
  if (key.status !== "Active") throw protocolErrors.accessKeyInactive();
  const claim = nonceCache().claim(nonceKey(key.id, nonce), timestampMs, nowMs);
  if (claim === "used") throw protocolErrors.nonceUsed();
  if (claim === "full") throw protocolErrors.throttled();
  return key.principal;
}

function checkNonceForm(nonce: string, name: string) {
  if (nonce.length > MAX_NONCE_LENGTH) throw protocolErrors.invalidParameter(name);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/** Constant-time comparison of two signatures. */
function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
