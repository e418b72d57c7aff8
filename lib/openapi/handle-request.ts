import type { Product } from "@/lib/openapi/action";
import type { RequestContext } from "@/lib/context";
import { PROTOCOL_PARAMS, parseParams, unflatten } from "@/lib/openapi/params";
import { getRuntime } from "@/lib/runtime";
import { requestId as newRequestId } from "@/lib/ids";
import {
  decodeFormBody,
  hasParamName,
  mergeParams,
  parseUrlEncoded,
  type ParamPair,
} from "@/lib/openapi/encode";
import { authenticate } from "@/lib/openapi/authenticate";
import { FALLBACK_PRODUCT, findAction, productByVersion } from "@/lib/openapi/products";
import { protocolErrors } from "@/lib/openapi/protocol-errors";
import { errorResponse, successResponse, type ApiHttpResponse } from "@/lib/openapi/response";

/**
 * The signed OpenAPI endpoint: everything between raw HTTP and an action's `call`.
 *
 * Order of checks, each a 4xx with a Code:
 *   1. parameters readable: percent-encodings, UTF-8 body, no name twice (InvalidParameter)
 *   2. Action, then Version present (MissingParameter); Version known (InvalidVersion)
 *      — the version picks the product, whose HostId every later error carries
 *   3. signature (authenticate.ts: fields, key, timestamp, signature, key status, nonce)
 *   4. Format (InvalidParameter); action known (InvalidAction.NotFound) — after the
 *      signature, so only a caller with a valid key learns what it would run
 *   5. parameter names (InvalidParameter), the action's parameters (parseParams), then the
 *      action itself (its own authorization and guards)
 * Anything but an AppError thrown on the way is a bug: logged, answered 500 InternalError.
 */
export type { ApiHttpResponse } from "@/lib/openapi/response";

export type ApiHttpRequest = {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  remoteAddress?: string;
  secure?: boolean;
};

type Headers = Record<string, string | string[] | undefined>;

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/**
 * Whether a request to the server is an OpenAPI call: a GET or POST to `/` with an
 * `x-acs-action` header or an `Action` query parameter (even empty) is; a POST to `/` with a
 * form body may be ("needs-body": read it and ask `formHasAction`); anything else is the console.
 */
export function isOpenApiRequest(
  method: string,
  url: string,
  headers: Headers,
): boolean | "needs-body" {
  const upper = method.toUpperCase();
  if (upper !== "GET" && upper !== "POST") return false;
  const { path, queryText } = splitUrl(url);
  if (path !== "/") return false;
  if (headerValue(headers, "x-acs-action") !== undefined) return true;
  if (hasParamName(queryText, "Action")) return true;
  if (upper === "POST" && isFormContentType(headerValue(headers, "content-type"))) {
    return "needs-body";
  }
  return false;
}

/** Whether a form body names an Action (even an empty one). Never throws. */
export function formHasAction(body: Buffer): boolean {
  return hasParamName(body.toString("latin1"), "Action");
}

export async function handleOpenApiRequest(req: ApiHttpRequest): Promise<ApiHttpResponse> {
  const requestId = newRequestId();
  let product: Product = FALLBACK_PRODUCT;
  try {
    const headers = lowerCaseHeaders(req.headers);
    const method = req.method.toUpperCase();
    const { path, queryText } = splitUrl(req.url);

    const queryPairs = parseUrlEncoded(queryText, "query string");
    const bodyPairs: ParamPair[] = isFormContentType(headerValue(headers, "content-type"))
      ? parseUrlEncoded(decodeFormBody(req.body), "request body")
      : [];
    const query = mergeParams(queryPairs);
    const params = mergeParams(queryPairs, bodyPairs);

    const action = params.Action ?? headerValue(headers, "x-acs-action");
    const version = params.Version ?? headerValue(headers, "x-acs-version");
    const routed = version ? productByVersion(version) : undefined;
    if (routed) product = routed;
    if (!action) throw protocolErrors.missingParameter("Action");
    if (!version) throw protocolErrors.missingParameter("Version");
    if (!routed) throw protocolErrors.invalidVersion();

    const principal = await authenticate({ method, path, query, params, headers, body: req.body });

    if (params.Format !== undefined && !/^(json|xml)$/i.test(params.Format)) {
      throw protocolErrors.invalidParameter("Format");
    }
    const definition = findAction(product, action);
    if (!definition) throw protocolErrors.actionNotFound();

    const input = parseParams(definition.params, unflatten(businessParams(params)));
    const ctx: RequestContext = {
      principal,
      regionId: params.RegionId || getRuntime().config.defaultRegionId,
      requestId,
      source: "api",
      sourceIp: req.remoteAddress,
      secureTransport: req.secure ?? false,
    };
    const body = await definition.call(ctx, input as never);
    return successResponse(requestId, body);
  } catch (error) {
    return errorResponse(error, requestId, product);
  }
}

/** The action's own parameters: the signed request's minus the protocol's. */
function businessParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !PROTOCOL_PARAMS.has(name)));
}

function splitUrl(url: string): { path: string; queryText: string } {
  const hash = url.indexOf("#");
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const mark = withoutHash.indexOf("?");
  return mark === -1
    ? { path: withoutHash, queryText: "" }
    : { path: withoutHash.slice(0, mark), queryText: withoutHash.slice(mark + 1) };
}

function lowerCaseHeaders(headers: Headers): Headers {
  const lower: Headers = Object.create(null) as Headers;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const existing = lower[key];
    lower[key] = existing === undefined ? value : [existing, value].flat();
  }
  return lower;
}

function headerValue(headers: Headers, name: string): string | undefined {
  const value = Object.hasOwn(headers, name) ? headers[name] : findHeader(headers, name);
  return Array.isArray(value) ? value.join(",") : value;
}

function findHeader(headers: Headers, name: string) {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function isFormContentType(value: string | undefined): boolean {
  return value !== undefined && value.split(";")[0].trim().toLowerCase() === FORM_CONTENT_TYPE;
}
