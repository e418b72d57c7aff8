import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { consoleContext } from "@/lib/console/context";

export type ActionError = {
  ok: false;
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** For a RAM denial: the action refused and the policy whose Deny decided (AccessDeniedDetail). */
  denied?: { action: string; policyName?: string; type: string };
};

export type ActionResult<T> = { ok: true; data: T } | ActionError;

/** The console's view of a service error: message and code, and for a denial what decided it. */
export function actionErrorOf(error: unknown): ActionError {
  if (!isAppError(error)) {
    console.error("console action failed", error);
    return { ok: false, code: "InternalError", message: "The request processing has failed due to some unknown error." };
  }
  const detail = error.details?.AccessDeniedDetail as
    | { AuthAction?: string; PolicyName?: string; NoPermissionType?: string }
    | undefined;
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(detail?.AuthAction
      ? { denied: { action: detail.AuthAction, policyName: detail.PolicyName, type: detail.NoPermissionType ?? "ImplicitDeny" } }
      : {}),
  };
}

/**
 * The one wrapper every server action goes through (STYLE.md): it resolves the signed-in
 * identity, parses the input with the same zod schema the form uses, calls the service, and
 * turns an AppError into `{ ok: false, code, message }` (plus, for a RAM denial, the deciding
 * policy). Server actions are public POST
 * endpoints: authorization happens in the service, never by hiding a button.
 */
export function consoleAction<S extends z.ZodType, T>(
  schema: S,
  run: (ctx: RequestContext, input: z.output<S>) => Promise<T>,
  options: { regionOf?: (input: z.output<S>) => string | undefined } = {},
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
      return { ok: false, code: "InvalidParameter", message: "Some fields are not valid.", fieldErrors };
    }
    // Signed out in `required` mode: redirected to the sign-in page (outside the try: redirect throws).
    const ctx = await consoleContext(options.regionOf?.(parsed.data));
    try {
      return { ok: true, data: await run(ctx, parsed.data) };
    } catch (error) {
      unstable_rethrow(error); // a service's redirect() or notFound() is Next's to handle
      return actionErrorOf(error);
    }
  };
}
