import "server-only";
import { z } from "zod";
import { consoleContextOrNull } from "@/lib/console/context";
import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { isKnownRegion } from "@/lib/ecs/catalog/regions";

/**
 * What the terminal's route handlers share: the signed-in console identity in the page's region
 * (the same principal server actions act as, so opening a session is authorized as
 * `ecs:StartTerminalSession` for that user) and errors as `{ code, message }` with the
 * service's HTTP status. Signed out in `required` mode: 401, not a redirect.
 */
export const regionIdSchema = z
  .string()
  .refine(isKnownRegion, "The specified RegionId does not exist.");

export async function terminalContext(regionId: unknown): Promise<RequestContext | Response> {
  const parsed = regionIdSchema.safeParse(regionId);
  if (!parsed.success)
    return Response.json(
      { code: "InvalidRegionId.NotFound", message: "The specified RegionId does not exist." },
      { status: 400 },
    );
  const ctx = await consoleContextOrNull(parsed.data);
  return (
    ctx ??
    Response.json(
      { code: "InvalidSession", message: "Sign in to the console first." },
      { status: 401 },
    )
  );
}

export function errorOf(error: unknown): Response {
  if (isAppError(error))
    return Response.json(
      { code: error.code, message: error.message },
      { status: error.httpStatus },
    );
  console.error("terminal request failed", error);
  return Response.json(
    {
      code: "InternalError",
      message: "The request processing has failed due to some unknown error.",
    },
    { status: 500 },
  );
}

export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
