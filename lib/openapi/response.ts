import { isAppError } from "@/lib/errors";
import type { Product } from "@/lib/openapi/action";

/**
 * The endpoint's answers. Always JSON, also when a request asks for `Format=XML` (the SDKs
 * all ask for JSON; XML output is not emulated). Errors carry both the HTTP status and the
 * body's Code, since pop-core decides by the body and the generated SDKs by the status.
 */
export type ApiHttpResponse = { status: number; headers: Record<string, string>; body: string };

const JSON_CONTENT_TYPE = "application/json;charset=utf-8";

const CORE_ERROR_FIELDS = new Set(["RequestId", "HostId", "Code", "Message", "Recommend"]);

export function jsonResponse(status: number, requestId: string, body: object): ApiHttpResponse {
  return {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE, "x-acs-request-id": requestId },
    body: JSON.stringify(body),
  };
}

export function successResponse(requestId: string, body: object): ApiHttpResponse {
  return jsonResponse(200, requestId, { RequestId: requestId, ...body });
}

/**
 * `{RequestId, HostId, Code, Message, Recommend, ...details}`. An error that is not an AppError
 * is a bug: it is logged and answered 500 InternalError without its message.
 */
export function errorResponse(
  error: unknown,
  requestId: string,
  product: Product,
): ApiHttpResponse {
  let status = 500;
  let code = "InternalError";
  let message =
    "The request processing has failed due to some unknown error, exception or failure.";
  let details: Record<string, unknown> = {};
  if (isAppError(error)) {
    status = error.httpStatus;
    code = error.code;
    message = error.message;
    details = error.details ?? {};
  } else {
    console.error(`OpenAPI ${product.code} request ${requestId} failed:`, error);
  }
  const recommend =
    `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}` +
    `&product=${encodeURIComponent(product.recommendName)}&requestId=${requestId}`;
  const extra = Object.fromEntries(
    Object.entries(details).filter(([key]) => !CORE_ERROR_FIELDS.has(key)),
  );
  return jsonResponse(status, requestId, {
    RequestId: requestId,
    HostId: product.hostId,
    Code: code,
    Message: message,
    Recommend: recommend,
    ...extra,
  });
}
