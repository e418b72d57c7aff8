import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { readConfig } from "@/lib/config";
import { boot, BootError, shutdown } from "@/lib/boot";
import { formHasAction, handleOpenApiRequest, isOpenApiRequest } from "@/lib/openapi/handle-request";
import { errorResponse } from "@/lib/openapi/response";
import { FALLBACK_PRODUCT } from "@/lib/openapi/products";
import { AppError } from "@/lib/errors";
import { requestId } from "@/lib/ids";
import { startDomainServices } from "@/server/domains";

/**
 * One port, two faces (emulator-contract.md): requests to `/` that carry an `Action` parameter
 * or an `x-acs-action` header are OpenAPI calls, answered here without going through Next (a
 * signed call costs microseconds here, milliseconds through a route handler); everything else —
 * the console, its server actions, assets — is Next's.
 */
const MAX_API_BODY_BYTES = 8 * 1024 * 1024;
/**
 * RPC parameters travel in the query string (the ECS SDK POSTs an empty body), and a
 * RunCommand's CommandContent may be 24 KB before encoding: Node's 16 KB default would answer
 * such a request 431 with no JSON body.
 */
const MAX_HEADER_BYTES = 128 * 1024;
/** Set by this server from the socket; a client's own copy of the header is discarded. */
export const SOURCE_IP_HEADER = "x-diskseal-source-ip";

export async function main({ dev = false } = {}): Promise<http.Server> {
  const config = readConfig();
  await boot(config);
  startDomainServices();

  const app = next({ dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const handleConsole = app.getRequestHandler();

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    void route(req, res, handleConsole).catch((error) => {
      if (res.headersSent) return void res.end();
      send(res, errorResponse(error, requestId(), FALLBACK_PRODUCT));
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`DiskSeal listening on http://${config.host}:${port} (data: ${config.dataDir})`);

  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await shutdown();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}

async function route(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  handleConsole: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): Promise<void> {
  const url = req.url ?? "/";
  const method = req.method ?? "GET";
  if (url === "/_diskseal/health" || url.startsWith("/_diskseal/health?")) {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    return;
  }

  const kind = isOpenApiRequest(method, url, req.headers);
  if (kind !== false) {
    const body = await readBody(req);
    if (body === undefined) {
      const tooLarge = new AppError("InvalidParameter", `The request body exceeds ${MAX_API_BODY_BYTES} bytes.`, 413);
      send(res, errorResponse(tooLarge, requestId(), FALLBACK_PRODUCT));
      return;
    }
    if (kind === true || formHasAction(body)) {
      const answer = await handleOpenApiRequest({
        method,
        url,
        headers: req.headers,
        body,
        remoteAddress: req.socket.remoteAddress,
        secure: false,
      });
      send(res, answer);
      return;
    }
    // A form POST to `/` without an Action is not an API call: send the browser to the console.
    res.writeHead(303, { location: "/" }).end();
    return;
  }

  delete req.headers[SOURCE_IP_HEADER];
  if (req.socket.remoteAddress) req.headers[SOURCE_IP_HEADER] = req.socket.remoteAddress;
  await handleConsole(req, res);
}

function send(res: http.ServerResponse, answer: { status: number; headers: Record<string, string>; body: string }) {
  res.writeHead(answer.status, answer.headers).end(answer.body);
}

/** The whole body, or undefined when it exceeds MAX_API_BODY_BYTES. */
function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_API_BODY_BYTES) {
        resolve(undefined);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_API_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export { BootError };
