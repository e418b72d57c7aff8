import { createHmac, randomUUID } from "node:crypto";

/** Alibaba's percent-encoding: encodeURIComponent plus ! ' ( ) *. */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

/**
 * A GET path signed with V1 HMAC-SHA1 exactly as @alicloud/pop-core signs it, each with its own
 * nonce. Pre-signing keeps the load generator's CPU out of the server's measurement.
 */
export function signedPath(credentials: { accessKeyId: string; accessKeySecret: string }, version: string, action: string, params: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    Format: "JSON",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: randomUUID(),
    SignatureVersion: "1.0",
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    AccessKeyId: credentials.accessKeyId,
    Version: version,
    Action: action,
    ...params,
  };
  const canonical = Object.keys(all)
    .sort()
    .map((key) => `${encode(key)}=${encode(all[key])}`)
    .join("&");
  const stringToSign = `GET&${encode("/")}&${encode(canonical)}`;
  const signature = createHmac("sha1", credentials.accessKeySecret + "&").update(stringToSign).digest("base64");
  return `/?${canonical}&Signature=${encode(signature)}`;
}
