import { z } from "zod";
import { openTerminalSession } from "@/lib/ecs/instances/terminal-sessions";
import { errorOf, jsonBody, terminalContext } from "./terminal-request";

export const dynamic = "force-dynamic";

const openSchema = z.object({ instanceId: z.string().min(1).max(64) });

/** Opens a remote terminal on a Running instance: `{ regionId, instanceId }` → `{ sessionId }`. */
export async function POST(request: Request): Promise<Response> {
  const body = await jsonBody(request);
  const ctx = await terminalContext(body.regionId);
  if (ctx instanceof Response) return ctx;
  const parsed = openSchema.safeParse(body);
  if (!parsed.success)
    return Response.json(
      { code: "MissingParameter", message: "InstanceId is mandatory." },
      { status: 400 },
    );
  try {
    const { sessionId } = await openTerminalSession(ctx, {
      instanceId: parsed.data.instanceId,
      echo: true,
    });
    return Response.json({ sessionId });
  } catch (error) {
    return errorOf(error);
  }
}
