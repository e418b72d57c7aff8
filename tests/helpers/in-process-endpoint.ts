import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestContext } from "@/lib/context";
import {
  formHasAction,
  handleOpenApiRequest,
  isOpenApiRequest,
} from "@/lib/openapi/handle-request";
import { getRuntime } from "@/lib/runtime";
import { startKms } from "@/lib/kms/start-kms";
import { bootTestRuntime, shutdownTestRuntime, TEST_CREDENTIALS } from "../openapi/runtime";
import { KmsClient, PopCore, sdkConfig } from "./sdk";

/**
 * The OpenAPI endpoint served from this process (a bare node:http server over
 * handleOpenApiRequest, no Next), on a runtime booted here too. For tests that must also call
 * services no API exposes — the ECS service's getOrCreateServiceKey, the association registry,
 * the console's queries — on the same state the SDKs see.
 */
export type InProcessEndpoint = {
  kms: InstanceType<typeof KmsClient>;
  pop: (version: string) => {
    request: <T = Record<string, unknown>>(
      action: string,
      params?: Record<string, unknown>,
    ) => Promise<T>;
  };
  /** The root account's context, as the console builds it. */
  rootContext: (regionId?: string) => RequestContext;
  close: () => Promise<void>;
};

export async function startInProcessEndpoint(): Promise<InProcessEndpoint> {
  const { dataDir } = await bootTestRuntime();
  startKms();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const kind = isOpenApiRequest(req.method ?? "GET", req.url ?? "/", req.headers);
      if (kind === false || (kind === "needs-body" && !formHasAction(body))) {
        res.writeHead(404).end();
        return;
      }
      const answer = await handleOpenApiRequest({
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body,
        remoteAddress: req.socket.remoteAddress,
      });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpointHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    kms: new KmsClient(sdkConfig({ endpointHost, ...TEST_CREDENTIALS })),
    pop: (version) => {
      const client = new PopCore({
        ...TEST_CREDENTIALS,
        endpoint: `http://${endpointHost}`,
        apiVersion: version,
      });
      return {
        request: (action, params = {}) =>
          client.request(action, params, { method: "POST", formatParams: false }) as never,
      };
    },
    rootContext: (regionId = "cn-hangzhou") => ({
      principal: { kind: "root", accountId: getRuntime().accountId },
      regionId,
      requestId: "IN-PROCESS",
      source: "console",
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await shutdownTestRuntime(dataDir);
    },
  };
}
