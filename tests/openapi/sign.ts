import { createHash, randomUUID } from "node:crypto";
import querystring from "node:querystring";
import * as OpenApiUtilModule from "@alicloud/openapi-util";
import * as OpenApiCoreUtilsModule from "@alicloud/openapi-core/dist/utils";
import type { ApiHttpRequest } from "@/lib/openapi/handle-request";

/**
 * Requests signed by the SDKs' own signers (openapi-util `getRPCSignature`, openapi-util and
 * openapi-core `getAuthorization`), so that the endpoint's verifier is checked against them
 * and not against itself.
 */
function cjsDefault<T>(namespace: unknown): T {
  const candidate = (namespace as { default?: unknown }).default;
  if (typeof candidate === "function") return candidate as T;
  return (candidate as { default: T }).default;
}

export const OpenApiUtil = cjsDefault<typeof OpenApiUtilModule.default>(OpenApiUtilModule);
export const OpenApiCoreUtil =
  cjsDefault<typeof OpenApiCoreUtilsModule.default>(OpenApiCoreUtilsModule);

export type Credentials = { accessKeyId: string; accessKeySecret: string };

/** `YYYY-MM-DDTHH:mm:ssZ`, as the SDKs send it. */
export function sdkTimestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** pop-core's encode: encodeURIComponent plus `! ' ( ) *`. */
function popEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

export type V1Options = {
  method?: "GET" | "POST";
  action: string;
  version: string;
  params?: Record<string, string>;
  /** Overrides of the protocol parameters (Timestamp, SignatureNonce, …); `undefined` drops one. */
  protocol?: Record<string, string | undefined>;
  /** Serialize as pop-core (`popcore`, everything encoded) or querystring (`querystring`, `!'()*` literal). */
  style?: "popcore" | "querystring";
  secretForSigning?: string;
  headers?: Record<string, string>;
  remoteAddress?: string;
};

/** A V1 (HMAC-SHA1) request: GET with the query, or POST with a form body, Signature last. */
export function signV1(creds: Credentials, opts: V1Options): ApiHttpRequest {
  const method = opts.method ?? "GET";
  const all: Record<string, string | undefined> = {
    Format: "JSON",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: randomUUID(),
    SignatureVersion: "1.0",
    Timestamp: sdkTimestamp(),
    AccessKeyId: creds.accessKeyId,
    Version: opts.version,
    Action: opts.action,
    ...opts.params,
    ...opts.protocol,
  };
  const params = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const signature = OpenApiUtil.getRPCSignature(
    params,
    method,
    opts.secretForSigning ?? creds.accessKeySecret,
  );
  const text =
    opts.style === "querystring"
      ? querystring.stringify({ ...params, Signature: signature })
      : Object.keys(params)
          .sort()
          .map((k) => `${popEncode(k)}=${popEncode(params[k])}`)
          .concat(`Signature=${popEncode(signature)}`)
          .join("&");
  const headers: Record<string, string> = {
    host: "127.0.0.1:3000",
    "x-acs-action": opts.action,
    "x-acs-version": opts.version,
    ...opts.headers,
  };
  if (method === "POST") {
    return {
      method,
      url: "/",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from(text),
      remoteAddress: opts.remoteAddress ?? "127.0.0.1",
    };
  }
  return {
    method,
    url: `/?${text}`,
    headers,
    body: Buffer.alloc(0),
    remoteAddress: opts.remoteAddress ?? "127.0.0.1",
  };
}

export type V3Options = {
  method?: "GET" | "POST";
  action: string;
  version: string;
  query?: Record<string, string>;
  body?: Buffer;
  contentType?: string;
  /** Header overrides applied BEFORE signing (`undefined` drops one). */
  headers?: Record<string, string | undefined>;
  /** Which SDK util computes the Authorization. */
  signer?: "openapi-util" | "openapi-core";
  secretForSigning?: string;
  /** The Host header (signed), as the SDK sets it from its endpoint. */
  host?: string;
};

/** A V3 (ACS3-HMAC-SHA256) request as the generated SDKs send it: POST `/`, params in the query. */
export function signV3(creds: Credentials, opts: V3Options): ApiHttpRequest {
  const method = opts.method ?? "POST";
  const body = opts.body ?? Buffer.alloc(0);
  const payloadHash = createHash("sha256").update(body).digest("hex");
  const all: Record<string, string | undefined> = {
    host: opts.host ?? "127.0.0.1:3000",
    "x-acs-version": opts.version,
    "x-acs-action": opts.action,
    "user-agent": "AlibabaCloud (linux; x64) Node.js/v20 Core/1.0.8 TeaDSL/2",
    "x-acs-date": sdkTimestamp(),
    "x-acs-signature-nonce": randomUUID().replace(/-/g, ""),
    accept: "application/json",
    ...(opts.contentType ? { "content-type": opts.contentType } : {}),
    "x-acs-content-sha256": payloadHash,
    ...opts.headers,
  };
  const headers = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const query = opts.query ?? {};
  const util = opts.signer === "openapi-core" ? OpenApiCoreUtil : OpenApiUtil;
  const request = { method, pathname: "/", query, headers } as unknown as Parameters<
    typeof util.getAuthorization
  >[0];
  const authorization = util.getAuthorization(
    request,
    "ACS3-HMAC-SHA256",
    headers["x-acs-content-sha256"] ?? payloadHash,
    creds.accessKeyId,
    opts.secretForSigning ?? creds.accessKeySecret,
  );
  const search = querystring.stringify(query);
  return {
    method,
    url: search ? `/?${search}` : "/",
    headers: { ...headers, authorization },
    body,
    remoteAddress: "127.0.0.1",
  };
}
