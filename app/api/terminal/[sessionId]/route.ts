import { z } from "zod";
import { sendTerminalInput, subscribeTerminal } from "@/lib/ecs/instances/terminal-sessions";
import { errorOf, jsonBody, terminalContext } from "../terminal-request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ sessionId: string }> };

const HEARTBEAT_MS = 15_000;

/**
 * The session's output as server-sent events: `id` is the chunk's sequence number and `data`
 * its text as a JSON string; a reconnecting EventSource sends Last-Event-ID and gets what it
 * missed. `event: end` (data: exit | reboot | poweroff | terminated) closes the stream.
 */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { sessionId } = await params;
  const url = new URL(request.url);
  const ctx = await terminalContext(url.searchParams.get("regionId"));
  if (ctx instanceof Response) return ctx;
  const lastSeen = Number(
    request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? 0,
  );
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let isClosed = false;
  try {
    // Fails at once (404) for a session that is gone or another principal's.
    subscribeTerminal(ctx, sessionId, Number.MAX_SAFE_INTEGER, {
      onChunk: () => {},
      onEnd: () => {},
    })();
  } catch (error) {
    return errorOf(error);
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        clearInterval(heartbeat);
        stop?.();
        controller.close();
      };
      send("retry: 1000\n\n");
      try {
        stop = subscribeTerminal(ctx, sessionId, Number.isFinite(lastSeen) ? lastSeen : 0, {
          onChunk: ({ seq, text }) => send(`id: ${seq}\ndata: ${JSON.stringify(text)}\n\n`),
          onEnd: (reason) => {
            send(`event: end\ndata: ${reason}\n\n`);
            queueMicrotask(close);
          },
        });
      } catch {
        send("event: end\ndata: terminated\n\n");
        close();
        return;
      }
      heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      isClosed = true;
      clearInterval(heartbeat);
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

const inputSchema = z.object({
  line: z
    .string()
    .max(64 * 1024)
    .optional(),
  interrupt: z.boolean().optional(),
});

/** Input: `{ regionId, line }` (one or more lines, without the final newline) or `{ interrupt: true }`. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { sessionId } = await params;
  const body = await jsonBody(request);
  const ctx = await terminalContext(body.regionId);
  if (ctx instanceof Response) return ctx;
  const parsed = inputSchema.safeParse(body);
  if (!parsed.success)
    return Response.json(
      { code: "InvalidParameter", message: "The input is not valid." },
      { status: 400 },
    );
  try {
    sendTerminalInput(ctx, sessionId, parsed.data);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorOf(error);
  }
}
