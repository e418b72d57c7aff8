import { describe, expect, it } from "vitest";
import { formHasAction, isOpenApiRequest } from "@/lib/openapi/handle-request";
import { getRuntime } from "@/lib/runtime";
import { call, creds, DISKSEAL, lastContext, withOpenApiRuntime, v1 } from "./harness";
import { signV3 } from "./sign";

withOpenApiRuntime();

describe("isOpenApiRequest / formHasAction", () => {
  it.each([
    ["GET", "/?Action=DescribeRegions", {}, true],
    ["GET", "/?Action=", {}, true],
    ["GET", "/?Action", {}, true],
    ["GET", "/?a=%zz&Action=X", {}, true],
    ["POST", "/", { "x-acs-action": "DescribeRegions" }, true],
    ["POST", "/", { "X-Acs-Action": "" }, true],
    [
      "POST",
      "/",
      { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      "needs-body",
    ],
    ["GET", "/", { "content-type": "application/x-www-form-urlencoded" }, false],
    ["GET", "/", {}, false],
    ["GET", "/disks?Action=X", {}, false],
    ["PUT", "/?Action=X", {}, false],
    ["POST", "/", { "content-type": "application/json" }, false],
    ["GET", "/?NoAction=1", {}, false],
  ] as const)("%s %s %j → %s", (method, url, headers, expected) => {
    expect(isOpenApiRequest(method, url, headers)).toBe(expected);
  });

  it("finds an Action in a form body, never throwing", () => {
    expect(formHasAction(Buffer.from("Version=1&Action=X"))).toBe(true);
    expect(formHasAction(Buffer.from("Action="))).toBe(true);
    expect(formHasAction(Buffer.from("%zz=1&Action=X"))).toBe(true);
    expect(formHasAction(Buffer.from("user=a&password=b"))).toBe(false);
    expect(formHasAction(Buffer.from([0xff, 0xfe, 0x00]))).toBe(false);
  });
});

describe("signed requests that pass", () => {
  it.each(["GET", "POST"] as const)(
    "V1 %s: 200 JSON with RequestId, the response header too",
    async (method) => {
      const res = await call(v1("DescribeEmulatorClock", { method }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        OffsetSeconds: expect.any(Number),
        Now: expect.any(String),
      });
      expect(res.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(res.headers["x-acs-request-id"]).toBe(res.body.RequestId);
    },
  );

  it("V1 serialized by querystring (ECS SDK `v2`), Format=json lower case", async () => {
    const res = await call(
      v1("DescribeEmulatorClock", { style: "querystring", protocol: { Format: "json" } }),
    );
    expect(res.status).toBe(200);
  });

  it.each(["openapi-util", "openapi-core"] as const)("V3 signed by %s", async (signer) => {
    const res = await call(
      signV3(creds, { action: "DescribeEmulatorClock", version: DISKSEAL, signer }),
    );
    expect(res.status).toBe(200);
  });

  it("hands the action parsed params and a context: principal, region, request id, source", async () => {
    const res = await call(
      v1("ZzTestEcho", {
        params: {
          Count: "3",
          Flag: "true",
          "Tag.1.Key": "a",
          "Tag.2.Key": "b",
          RegionId: "cn-beijing",
        },
        remoteAddress: "10.0.0.9",
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.Input).toEqual({ Count: 3, Flag: true, Tag: [{ Key: "a" }, { Key: "b" }] });
    expect(lastContext()).toMatchObject({
      principal: {
        kind: "root",
        accountId: getRuntime().accountId,
        accessKeyId: creds.accessKeyId,
      },
      regionId: "cn-beijing",
      requestId: res.body.RequestId,
      source: "api",
      sourceIp: "10.0.0.9",
      secureTransport: false,
    });
    await call(v1("ZzTestEcho"));
    expect(lastContext()?.regionId).toBe(getRuntime().config.defaultRegionId);
  });

  it("answers Format=XML in JSON (XML output is not emulated)", async () => {
    expect((await call(v1("DescribeEmulatorClock", { protocol: { Format: "XML" } }))).status).toBe(
      200,
    );
  });
});
