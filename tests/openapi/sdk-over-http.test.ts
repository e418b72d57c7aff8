import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as OpenApiCore from "@alicloud/openapi-core";
import * as $dara from "@darabonba/typescript";
import {
  formHasAction,
  handleOpenApiRequest,
  isOpenApiRequest,
} from "@/lib/openapi/handle-request";
import { catalogActions } from "@/lib/ecs/catalog/actions";
import { EcsClient, KmsClient, PopCore, sdkConfig, $Ecs, $Kms } from "@/tests/helpers/sdk";
import { bootTestRuntime, shutdownTestRuntime, TEST_CREDENTIALS as creds } from "./runtime";

/**
 * The official SDKs over real HTTP against the endpoint alone (a bare node:http server in this
 * process, no Next): what they send is what the endpoint must accept, and its errors must
 * surface in them with the right code.
 */
const DISKSEAL = "2026-11-28";
let dataDir = "";
let server: http.Server;
let endpointHost = "";

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  server = http.createServer((req, res) => {
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
        secure: false,
      });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpointHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await shutdownTestRuntime(dataDir);
});

const sdkCreds = () => ({ endpointHost, ...creds });
const pop = (method: "GET" | "POST", secret = creds.accessKeySecret) =>
  new PopCore({
    ...creds,
    accessKeySecret: secret,
    endpoint: `http://${endpointHost}`,
    apiVersion: DISKSEAL,
  });

/** A DiskSeal call through a generated SDK client's generic callApi (same signing path). */
function callDiskSeal(
  client: InstanceType<typeof EcsClient>,
  action: string,
  query: Record<string, string> = {},
) {
  const params = new OpenApiCore.$OpenApiUtil.Params({
    action,
    version: DISKSEAL,
    protocol: "HTTP",
    pathname: "/",
    method: "POST",
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType: "json",
  });
  const request = new OpenApiCore.$OpenApiUtil.OpenApiRequest({ query });
  return client.callApi(params, request, new $dara.RuntimeOptions({})) as Promise<{
    statusCode: number;
    body: Record<string, unknown>;
  }>;
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as {
      code?: string;
      statusCode?: number;
      name?: string;
      data?: Record<string, unknown>;
    };
  }
  throw new Error("expected a refusal");
}

describe("pop-core (V1 HMAC-SHA1)", () => {
  it.each(["GET", "POST"] as const)("%s succeeds", async (method) => {
    const body = (await pop(method).request("DescribeEmulatorClock", {}, { method })) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({
      RequestId: expect.any(String),
      OffsetSeconds: expect.any(Number),
    });
  });

  it("sees refusals by the body's Code", async () => {
    const error = await errorOf(pop("GET").request("NoSuchAction", {}, { method: "GET" }));
    expect(error.code).toBe("InvalidAction.NotFound");
    const bad = await errorOf(
      pop("POST", "wrong").request("DescribeEmulatorClock", {}, { method: "POST" }),
    );
    expect(bad.code).toBe("SignatureDoesNotMatch");
  });
});

describe("generated SDKs", () => {
  it("ECS SDK, ACS3-HMAC-SHA256 (default) and V1 (`signatureAlgorithm: 'v2'`)", async () => {
    for (const extra of [{}, { signatureAlgorithm: "v2" }]) {
      const client = new EcsClient(sdkConfig(sdkCreds(), extra));
      const res = await callDiskSeal(client, "DescribeEmulatorClock");
      expect(res.statusCode).toBe(200);
      expect(res.body.OffsetSeconds).toEqual(expect.any(Number));
    }
  });

  it("ECS SDK DescribeRegions gets past the signature (it is checked before the action)", async () => {
    for (const extra of [{}, { signatureAlgorithm: "v2" }]) {
      const client = new EcsClient(sdkConfig(sdkCreds(), extra));
      const call = client.describeRegions(
        new $Ecs.DescribeRegionsRequest({ acceptLanguage: "en-US" }),
      );
      if (Object.hasOwn(catalogActions, "DescribeRegions")) {
        expect((await call).body?.regions?.region?.length).toBeGreaterThan(0);
      } else {
        const error = await errorOf(call);
        expect([error.statusCode, error.code]).toEqual([404, "InvalidAction.NotFound"]);
      }
    }
  });

  it("ECS SDK sees refusals as ClientError with status and code", async () => {
    const client = new EcsClient(sdkConfig({ ...sdkCreds(), accessKeySecret: "wrong" }));
    const error = await errorOf(callDiskSeal(client, "DescribeEmulatorClock"));
    expect([error.statusCode, error.code]).toEqual([400, "SignatureDoesNotMatch"]);
    const unknown = new EcsClient(sdkConfig({ ...sdkCreds(), accessKeyId: "LTAInobody" }));
    const notFound = await errorOf(callDiskSeal(unknown, "DescribeEmulatorClock"));
    expect([notFound.statusCode, notFound.code]).toEqual([404, "InvalidAccessKeyId.NotFound"]);
    const badParam = await errorOf(
      callDiskSeal(new EcsClient(sdkConfig(sdkCreds())), "AdvanceEmulatorClock", {
        Seconds: "1.5",
      }),
    );
    expect([badParam.statusCode, badParam.code]).toEqual([400, "InvalidParameter"]);
  });

  it("KMS SDK (V1, POST with the query) gets past the signature", async () => {
    const kms = new KmsClient(sdkConfig(sdkCreds()));
    const error = await errorOf(kms.describeKey(new $Kms.DescribeKeyRequest({ keyId: "key-x" })));
    // The KMS client appends "Error" to the code it surfaces.
    expect(String(error.code)).toMatch(/^(InvalidAction\.NotFound|Forbidden\.KeyNotFound)Error$/);
  });
});
