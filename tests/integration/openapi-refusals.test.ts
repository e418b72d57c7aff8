import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@/tests/helpers/server";
import { $Ecs } from "@/tests/helpers/sdk";
import type { ApiHttpRequest } from "@/lib/openapi/handle-request";
import { sdkTimestamp, signV1, signV3 } from "@/tests/openapi/sign";

/**
 * The OpenAPI endpoint's refusals and successes on the real server, over raw HTTP and through
 * the official SDKs. (An inactive AccessKey cannot be made from outside the server process:
 * that refusal is covered in-process, tests/openapi/handle-request.test.ts.)
 */
const ECS = "2014-05-26";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; contentType: string; body: Record<string, unknown> };

/** Sends exactly the given method, path, headers and body (no URL normalization). */
function send(req: Pick<ApiHttpRequest, "method" | "url" | "headers" | "body">): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([, v]) => v !== undefined),
    ) as http.OutgoingHttpHeaders;
    headers.host = server.endpointHost;
    if (req.body.length > 0) headers["content-length"] = String(req.body.length);
    const outgoing = http.request(
      { host: "127.0.0.1", port: server.port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers["content-type"]),
              body: JSON.parse(text),
            });
          } catch {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

const creds = () => ({ accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret });
const v1 = (opts: Partial<Parameters<typeof signV1>[1]> = {}) =>
  signV1(creds(), { action: "DescribeRegions", version: ECS, ...opts });
const v3 = (opts: Partial<Parameters<typeof signV3>[1]> = {}) =>
  signV3(creds(), { action: "DescribeRegions", version: ECS, host: server.endpointHost, ...opts });

async function expectRefusal(req: ApiHttpRequest, status: number, code: string) {
  const answer = await send(req);
  expect(answer.body.Code, JSON.stringify(answer.body)).toBe(code);
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({
    RequestId: expect.any(String),
    HostId: expect.any(String),
    Message: expect.any(String),
    Recommend: expect.stringContaining(`q=${code}`),
  });
  return answer.body;
}

describe("refusals over raw HTTP", () => {
  it("unknown action → 404 InvalidAction.NotFound", async () => {
    await expectRefusal(v1({ action: "NoSuchAction" }), 404, "InvalidAction.NotFound");
    await expectRefusal(v3({ action: "NoSuchAction" }), 404, "InvalidAction.NotFound");
  });

  it("unknown version → 400 InvalidVersion", async () => {
    await expectRefusal(v1({ version: "2099-01-01" }), 400, "InvalidVersion");
  });

  it("unknown AccessKeyId → 404 InvalidAccessKeyId.NotFound", async () => {
    const nobody = { accessKeyId: "LTAInobody0000000000", accessKeySecret: "x" };
    await expectRefusal(
      signV1(nobody, { action: "DescribeRegions", version: ECS }),
      404,
      "InvalidAccessKeyId.NotFound",
    );
  });

  it("bad signature → 400 SignatureDoesNotMatch with the server's string to sign", async () => {
    const body = await expectRefusal(
      v1({ secretForSigning: "wrong" }),
      400,
      "SignatureDoesNotMatch",
    );
    expect(body.Message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&/,
    );
    await expectRefusal(v3({ secretForSigning: "wrong" }), 400, "SignatureDoesNotMatch");
  });

  it("stale timestamp → 400 IllegalTimestamp", async () => {
    const stale = sdkTimestamp(Date.now() - 20 * 60_000);
    await expectRefusal(v1({ protocol: { Timestamp: stale } }), 400, "IllegalTimestamp");
    await expectRefusal(v3({ headers: { "x-acs-date": stale } }), 400, "IllegalTimestamp");
  });

  it("reused nonce → 400 SignatureNonceUsed", async () => {
    const req = v1({ action: "DescribeEmulatorClock", version: "2026-11-28" });
    expect((await send(req)).status).toBe(200);
    await expectRefusal(req, 400, "SignatureNonceUsed");
  });

  it("missing signature parameters → 400 MissingParameter / IncompleteSignature", async () => {
    for (const name of ["Signature", "SignatureNonce", "Timestamp", "AccessKeyId"]) {
      const req = v1({ protocol: { [name]: undefined } });
      const url = name === "Signature" ? req.url.replace(/&Signature=[^&]*$/, "") : req.url;
      await expectRefusal({ ...req, url }, 400, "MissingParameter");
    }
    const req = v3();
    await expectRefusal(
      { ...req, headers: { ...req.headers, authorization: "ACS3-HMAC-SHA256 Credential=x" } },
      400,
      "IncompleteSignature",
    );
  });

  it("empty Action → 400 MissingParameter, not the console", async () => {
    await expectRefusal(
      { method: "GET", url: "/?Action=", headers: {}, body: Buffer.alloc(0) },
      400,
      "MissingParameter",
    );
    await expectRefusal(
      { method: "POST", url: "/", headers: { "x-acs-action": "" }, body: Buffer.alloc(0) },
      400,
      "MissingParameter",
    );
  });

  it("malformed encodings → 4xx JSON with a Code", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const cases: ApiHttpRequest[] = [
      { method: "GET", url: "/?Action=DescribeRegions&a=%", headers: {}, body: Buffer.alloc(0) },
      { method: "GET", url: "/?Action=DescribeRegions&a=%zz", headers: {}, body: Buffer.alloc(0) },
      {
        method: "GET",
        url: "/?Action=DescribeRegions&a=%E0%A4%A",
        headers: {},
        body: Buffer.alloc(0),
      },
      {
        method: "GET",
        url: "/?Action=DescribeRegions&Action=DescribeZones",
        headers: {},
        body: Buffer.alloc(0),
      },
      {
        method: "POST",
        url: "/",
        headers: form,
        body: Buffer.from("Action=DescribeRegions&x=%C3"),
      },
      {
        method: "POST",
        url: "/",
        headers: form,
        body: Buffer.from([0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x3d, 0xff, 0xfe]),
      },
    ];
    for (const req of cases) {
      const answer = await send(req);
      expect(answer.status, req.url).toBeGreaterThanOrEqual(400);
      expect(answer.status, req.url).toBeLessThan(500);
      expect(answer.body.Code).toEqual(expect.any(String));
    }
  });

  it("wrong parameter types reach validation → 400", async () => {
    const req = v1({
      action: "AdvanceEmulatorClock",
      version: "2026-11-28",
      params: { Seconds: "1.5" },
    });
    await expectRefusal(req, 400, "InvalidParameter");
  });
});

describe("successes: DescribeRegions through every client shape", () => {
  it.each(["GET", "POST"] as const)("pop-core %s", async (method) => {
    const body = await server
      .pop(ECS, method)
      .request<{ Regions: { Region: unknown[] } }>("DescribeRegions");
    expect(body.Regions.Region.length).toBeGreaterThan(0);
  });

  it("ECS SDK, ACS3-HMAC-SHA256", async () => {
    const res = await server.ecs.describeRegions(new $Ecs.DescribeRegionsRequest({}));
    expect(res.statusCode).toBe(200);
    expect(res.body?.regions?.region?.length).toBeGreaterThan(0);
  });

  it("ECS SDK, signatureAlgorithm 'v2' (HMAC-SHA1)", async () => {
    const res = await server.ecsV2.describeRegions(new $Ecs.DescribeRegionsRequest({}));
    expect(res.body?.regions?.region?.length).toBeGreaterThan(0);
  });

  it("raw V1 and V3 requests signed by the SDK's own signers", async () => {
    for (const req of [v1(), v1({ method: "POST" }), v3()]) {
      const answer = await send(req);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
  });
});
