import { describe, expect, it } from "vitest";
import { getRuntime } from "@/lib/runtime";
import { call, creds, DISKSEAL, expectError, withOpenApiRuntime, v1 } from "./harness";
import { sdkTimestamp, signV3 } from "./sign";

withOpenApiRuntime();

describe("refusals: signatures, timestamps, nonces", () => {
  it("wrong secret → 400 SignatureDoesNotMatch with the server's string to sign", async () => {
    const body = await expectError(
      v1("DescribeEmulatorClock", { secretForSigning: "nope" }),
      400,
      "SignatureDoesNotMatch",
    );
    expect(body.Message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3D/,
    );
    const v3 = await expectError(
      signV3(creds, {
        action: "DescribeEmulatorClock",
        version: DISKSEAL,
        secretForSigning: "nope",
      }),
      400,
      "SignatureDoesNotMatch",
    );
    expect(v3.Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    expect(v3.CanonicalRequest).toEqual(
      expect.stringContaining("x-acs-action:DescribeEmulatorClock"),
    );
  });

  it("a parameter changed after signing → SignatureDoesNotMatch", async () => {
    const req = v1("ZzTestEcho", { params: { Count: "3" } });
    await expectError(
      { ...req, url: req.url.replace("Count=3", "Count=4") },
      400,
      "SignatureDoesNotMatch",
    );
    const v3 = signV3(creds, { action: "ZzTestEcho", version: DISKSEAL, query: { Count: "3" } });
    await expectError(
      { ...v3, url: v3.url.replace("Count=3", "Count=4") },
      400,
      "SignatureDoesNotMatch",
    );
  });

  it("V3 body that does not match x-acs-content-sha256 → SignatureDoesNotMatch", async () => {
    const req = signV3(creds, {
      action: "ZzTestEcho",
      version: DISKSEAL,
      body: Buffer.from("Count=3"),
      contentType: "application/x-www-form-urlencoded",
    });
    const body = await expectError(
      { ...req, body: Buffer.from("Count=4") },
      400,
      "SignatureDoesNotMatch",
    );
    expect(body.Reason).toMatch(/x-acs-content-sha256/);
  });

  it("stale, future or unparseable timestamps → 400 IllegalTimestamp", async () => {
    const stale = sdkTimestamp(Date.now() - 16 * 60_000);
    const future = sdkTimestamp(Date.now() + 16 * 60_000);
    for (const Timestamp of [stale, future, "yesterday", "2026-02-30T00:00:00Z"]) {
      await expectError(
        v1("DescribeEmulatorClock", { protocol: { Timestamp } }),
        400,
        "IllegalTimestamp",
      );
    }
    await expectError(
      signV3(creds, {
        action: "DescribeEmulatorClock",
        version: DISKSEAL,
        headers: { "x-acs-date": stale },
      }),
      400,
      "IllegalTimestamp",
    );
  });

  it("uses real time, not the emulator clock", async () => {
    getRuntime().clock.offsetMs = 365 * 24 * 3600_000;
    try {
      expect((await call(v1("DescribeEmulatorClock"))).status).toBe(200);
    } finally {
      getRuntime().clock.offsetMs = 0;
    }
  });

  it("a nonce used twice → 400 SignatureNonceUsed; forged requests do not burn it", async () => {
    const nonce = `nonce-${Date.now()}`;
    await expectError(
      v1("DescribeEmulatorClock", {
        protocol: { SignatureNonce: nonce },
        secretForSigning: "forger",
      }),
      400,
      "SignatureDoesNotMatch",
    );
    expect(
      (await call(v1("DescribeEmulatorClock", { protocol: { SignatureNonce: nonce } }))).status,
    ).toBe(200);
    await expectError(
      v1("DescribeEmulatorClock", { protocol: { SignatureNonce: nonce } }),
      400,
      "SignatureNonceUsed",
    );
    const v3 = signV3(creds, { action: "DescribeEmulatorClock", version: DISKSEAL });
    expect((await call(v3)).status).toBe(200);
    await expectError(v3, 400, "SignatureNonceUsed");
  });

  it.each([
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
  ])("V1 without %s → 400 MissingParameter", async (name) => {
    const req = v1("DescribeEmulatorClock", { protocol: { [name]: undefined } });
    const url = name === "Signature" ? req.url.replace(/&Signature=[^&]*$/, "") : req.url;
    const body = await expectError({ ...req, url }, 400, "MissingParameter");
    expect(body.Message).toContain(`"${name}"`);
  });

  it("unsupported SignatureMethod / SignatureVersion → 400 IncompleteSignature", async () => {
    await expectError(
      v1("DescribeEmulatorClock", { protocol: { SignatureMethod: "HMAC-MD5" } }),
      400,
      "IncompleteSignature",
    );
    await expectError(
      v1("DescribeEmulatorClock", { protocol: { SignatureVersion: "2.0" } }),
      400,
      "IncompleteSignature",
    );
  });

  it("SignatureMethod=HMAC-SHA256 is not what the SDK signer computes, so it does not match", async () => {
    await expectError(
      v1("DescribeEmulatorClock", { protocol: { SignatureMethod: "HMAC-SHA256" } }),
      400,
      "SignatureDoesNotMatch",
    );
  });

  it("V3: malformed Authorization → IncompleteSignature; missing x-acs-* → MissingParameter", async () => {
    const req = signV3(creds, { action: "DescribeEmulatorClock", version: DISKSEAL });
    await expectError(
      { ...req, headers: { ...req.headers, authorization: "ACS3-HMAC-SHA256 Credential=x" } },
      400,
      "IncompleteSignature",
    );
    await expectError(
      { ...req, headers: { ...req.headers, authorization: "Basic dXNlcjpwYXNz" } },
      400,
      "IncompleteSignature",
    );
    for (const header of ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"]) {
      const signedWithout = signV3(creds, {
        action: "DescribeEmulatorClock",
        version: DISKSEAL,
        headers: { [header]: undefined },
      });
      await expectError(signedWithout, 400, "MissingParameter");
    }
  });

  it("V3: an x-acs-* header that is not signed → IncompleteSignature", async () => {
    const req = signV3(creds, { action: "DescribeEmulatorClock", version: DISKSEAL });
    await expectError(
      { ...req, headers: { ...req.headers, "x-acs-extra": "1" } },
      400,
      "IncompleteSignature",
    );
  });

  it("no signature at all → MissingParameter", async () => {
    await expectError(
      {
        method: "GET",
        url: `/?Action=DescribeEmulatorClock&Version=${DISKSEAL}`,
        headers: {},
        body: Buffer.alloc(0),
      },
      400,
      "MissingParameter",
    );
  });
});
