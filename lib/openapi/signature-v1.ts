import { createHmac } from "node:crypto";
import { percentEncode } from "@/lib/openapi/encode";

/**
 * The RPC signature, SignatureVersion 1.0 (pop-core, the KMS SDK, the ECS SDK with
 * `signatureAlgorithm: 'v2'`), exactly as the SDKs compute it (openapi-util getRPCSignature):
 *
 *   canonical    = every parameter but Signature, query and form body together, sorted by
 *                  (decoded) name, `encode(name)=encode(value)` joined by `&`
 *   StringToSign = METHOD + "&" + encode("/") + "&" + encode(canonical)
 *   Signature    = base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 *
 * HMAC-SHA256 is the same with SHA-256 (SignatureMethod=HMAC-SHA256, which some SDKs send).
 */
export const V1_SIGNATURE_METHODS = { "HMAC-SHA1": "sha1", "HMAC-SHA256": "sha256" } as const;
export type V1SignatureMethod = keyof typeof V1_SIGNATURE_METHODS;

export function isV1SignatureMethod(value: string): value is V1SignatureMethod {
  return Object.hasOwn(V1_SIGNATURE_METHODS, value);
}

/** `encode(k)=encode(v)&…` over every parameter but `Signature`, sorted as the SDKs sort. */
export function v1CanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join("&");
}

export function v1StringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(v1CanonicalQuery(params))}`;
}

export function v1Signature(
  stringToSign: string,
  secret: string,
  method: V1SignatureMethod = "HMAC-SHA1",
): string {
  return createHmac(V1_SIGNATURE_METHODS[method], `${secret}&`)
    .update(stringToSign, "utf8")
    .digest("base64");
}
