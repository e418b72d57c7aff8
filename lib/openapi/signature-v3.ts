import { createHash, createHmac } from "node:crypto";
import { percentEncode } from "@/lib/openapi/encode";
import { protocolErrors } from "@/lib/openapi/protocol-errors";

/**
 * ACS3-HMAC-SHA256 (the generated SDKs' default), mirroring what the SDK computes
 * (openapi-util / openapi-core `getAuthorization`):
 *
 *   CanonicalRequest = METHOD \n path \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 *     CanonicalQuery   = query params sorted by name, `name=encode(value)`; names are NOT
 *                        encoded (the SDK does not), values are decoded from the URL then encoded
 *     CanonicalHeaders = `name:trimmed value\n` per signed header (so the request has a blank
 *                        line before SignedHeaders, as the SDK's does)
 *   StringToSign = "ACS3-HMAC-SHA256\n" + hex(SHA-256(CanonicalRequest))
 *   Signature    = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

export type Acs3Authorization = {
  accessKeyId: string;
  /** Lower case, sorted, without duplicates. */
  signedHeaders: string[];
  signature: string;
};

const FIELD = /^\s*(Credential|SignedHeaders|Signature)=(.*?)\s*$/;

/** Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`; IncompleteSignature otherwise. */
export function parseAcs3Authorization(header: string): Acs3Authorization {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ACS3_ALGORITHM) {
    throw protocolErrors.incompleteSignature(
      `The Authorization algorithm must be ${ACS3_ALGORITHM}.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(",")) {
    const match = FIELD.exec(part);
    if (!match || fields.has(match[1])) {
      throw protocolErrors.incompleteSignature("The Authorization header is malformed.");
    }
    fields.set(match[1], match[2]);
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) {
    throw protocolErrors.incompleteSignature(
      "The Authorization header needs Credential, SignedHeaders and Signature.",
    );
  }
  const names = signedHeaders.split(";").map((name) => name.trim().toLowerCase());
  if (names.some((name) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name))) {
    throw protocolErrors.incompleteSignature("SignedHeaders is malformed.");
  }
  return { accessKeyId, signedHeaders: [...new Set(names)].sort(), signature };
}

export function v3CanonicalQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((name) => `${name}=${percentEncode(query[name])}`)
    .join("&");
}

export function v3CanonicalHeaders(
  headers: Record<string, string | string[] | undefined>,
  signedHeaders: string[],
): string {
  return signedHeaders
    .map((name) => {
      const value = headers[name];
      const text = Array.isArray(value)
        ? value
            .map((v) => v.trim())
            .sort()
            .join(",")
        : (value ?? "").trim();
      return `${name}:${text}\n`;
    })
    .join("");
}

export type V3Request = {
  method: string;
  path: string;
  /** The decoded query parameters (the form body is covered by the payload hash). */
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  signedHeaders: string[];
  /** hex(SHA-256(body)). */
  payloadHash: string;
};

export function v3CanonicalRequest(req: V3Request): string {
  const path = req.path.replace(/\+/g, "%20").replace(/\*/g, "%2A").replace(/%7E/g, "~");
  return [
    req.method.toUpperCase(),
    path,
    v3CanonicalQuery(req.query),
    v3CanonicalHeaders(req.headers, req.signedHeaders),
    req.signedHeaders.join(";"),
    req.payloadHash,
  ].join("\n");
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export function v3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function v3Signature(stringToSign: string, secret: string): string {
  return createHmac("sha256", secret).update(stringToSign, "utf8").digest("hex");
}
