import "server-only";
import { z } from "zod";
import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { consoleContext } from "@/lib/console/context";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/**
 * The one wrapper every server action goes through (STYLE.md): it resolves the signed-in
 * identity, parses the input with the same zod schema the form uses, calls the service, and
 * turns an AppError into `{ ok: false, code, message }`. Server actions are public POST
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
    try {
      const ctx = await consoleContext(options.regionOf?.(parsed.data));
      return { ok: true, data: await run(ctx, parsed.data) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
      console.error("console action failed", error);
      return { ok: false, code: "InternalError", message: "The request processing has failed due to some unknown error." };
    }
  };
}
