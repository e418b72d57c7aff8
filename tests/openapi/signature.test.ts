import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { v1CanonicalQuery, v1Signature, v1StringToSign } from "@/lib/openapi/signature-v1";
import {
  parseAcs3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from "@/lib/openapi/signature-v3";
import { decodeComponent, parseUrlEncoded } from "@/lib/openapi/encode";
import { isAppError } from "@/lib/errors";
import { OpenApiCoreUtil, OpenApiUtil, signV1, signV3 } from "./sign";

const creds = {
  accessKeyId: "LTAI5tTestKeyId000000001",
  accessKeySecret: "TestSecret0000000000000000abcd",
};

/** The parameters of a signed V1 request, decoded the way the endpoint decodes them. */
function decodedParams(text: string): Record<string, string> {
  return Object.fromEntries(parseUrlEncoded(text, "query string"));
}

const awkward = {
  DiskName: "disk !'()* name+plus/slash=eq&amp",
  Description: "中文 描述 😀 ~tilde",
  "Tag.1.Key": "k:1",
  "Tag.1.Value": "",
  DiskIds: '["d-1","d-2"]',
  EncryptionContext: '{"a":"b c"}',
};

describe("V1 (HMAC-SHA1) against the SDK's signer", () => {
  it.each(["GET", "POST"] as const)(
    "verifies %s requests serialized as pop-core does",
    (method) => {
      const req = signV1(creds, {
        method,
        action: "DescribeDisks",
        version: "2014-05-26",
        params: awkward,
      });
      const text = method === "GET" ? req.url.slice(2) : req.body.toString();
      const params = decodedParams(text);
      const stringToSign = v1StringToSign(method, params);
      expect(v1Signature(stringToSign, creds.accessKeySecret)).toBe(params.Signature);
      // And the SDK agrees with our canonical string.
      const { Signature: _, ...unsigned } = params;
      expect(OpenApiUtil.getRPCSignature(unsigned, method, creds.accessKeySecret)).toBe(
        params.Signature,
      );
    },
  );

  it("verifies querystring-serialized requests (`! ' ( ) *` left literal in the URL)", () => {
    const req = signV1(creds, {
      action: "DescribeDisks",
      version: "2014-05-26",
      params: awkward,
      style: "querystring",
    });
    expect(req.url).toContain("!'()*");
    const params = decodedParams(req.url.slice(2));
    expect(v1Signature(v1StringToSign("GET", params), creds.accessKeySecret)).toBe(
      params.Signature,
    );
  });

  it("excludes Signature from the canonical string and sorts by name", () => {
    expect(v1CanonicalQuery({ b: "2", Signature: "x", a: "1", A: "0" })).toBe("A=0&a=1&b=2");
  });

  it("matches the documented StringToSign shape", () => {
    const sts = v1StringToSign("GET", {
      Timestamp: "2023-10-25T07:35:41Z",
      Version: "2015-01-09",
      AccessKeyId: "ak",
    });
    expect(sts).toBe(
      "GET&%2F&AccessKeyId%3Dak%26Timestamp%3D2023-10-25T07%253A35%253A41Z%26Version%3D2015-01-09",
    );
  });

  it("rejects a signature made with another secret", () => {
    const req = signV1(creds, { action: "X", version: "2014-05-26", secretForSigning: "wrong" });
    const params = decodedParams(req.url.slice(2));
    expect(v1Signature(v1StringToSign("GET", params), creds.accessKeySecret)).not.toBe(
      params.Signature,
    );
  });

  it("supports HMAC-SHA256 with the same key derivation", () => {
    const sig = v1Signature("GET&%2F&a%3D1", "s", "HMAC-SHA256");
    expect(Buffer.from(sig, "base64")).toHaveLength(32);
  });
});

describe("V3 (ACS3-HMAC-SHA256) against the SDK's signer", () => {
  function verify(req: ReturnType<typeof signV3>) {
    const auth = parseAcs3Authorization(String(req.headers.authorization));
    const [path, search = ""] = req.url.split("?");
    const query = Object.fromEntries(parseUrlEncoded(search, "query string"));
    const canonical = v3CanonicalRequest({
      method: req.method,
      path,
      query,
      headers: req.headers,
      signedHeaders: auth.signedHeaders,
      payloadHash: createHash("sha256").update(req.body).digest("hex"),
    });
    return { auth, expected: v3Signature(v3StringToSign(canonical), creds.accessKeySecret) };
  }

  it.each(["openapi-util", "openapi-core"] as const)(
    "verifies the %s signer, query values decoded then encoded",
    (signer) => {
      const req = signV3(creds, {
        action: "DescribeDisks",
        version: "2014-05-26",
        query: { RegionId: "cn-hangzhou", ...awkward },
        signer,
      });
      const { auth, expected } = verify(req);
      expect(auth.accessKeyId).toBe(creds.accessKeyId);
      expect(auth.signedHeaders).toEqual([
        "host",
        "x-acs-action",
        "x-acs-content-sha256",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-version",
      ]);
      expect(auth.signature).toBe(expected);
    },
  );

  it("signs a form body through its hash and content-type", () => {
    const body = Buffer.from("DiskName=a%20b&Size=20");
    const req = signV3(creds, {
      action: "CreateDisk",
      version: "2014-05-26",
      body,
      contentType: "application/x-www-form-urlencoded",
    });
    const { auth, expected } = verify(req);
    expect(auth.signedHeaders).toContain("content-type");
    expect(auth.signature).toBe(expected);
  });

  it("does not verify with another secret", () => {
    const req = signV3(creds, { action: "X", version: "2014-05-26", secretForSigning: "other" });
    const { auth, expected } = verify(req);
    expect(auth.signature).not.toBe(expected);
  });

  it("parses the Authorization header strictly", () => {
    const ok = parseAcs3Authorization(
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=x-acs-date;Host,Signature=ab",
    );
    expect(ok).toEqual({
      accessKeyId: "ak",
      signedHeaders: ["host", "x-acs-date"],
      signature: "ab",
    });
    expect(
      parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=ak, SignedHeaders=host, Signature=ab")
        .signature,
    ).toBe("ab");
    for (const bad of [
      "",
      "ACS3-HMAC-SHA256",
      "ACS3-HMAC-SM3 Credential=ak,SignedHeaders=host,Signature=ab",
      "Bearer token",
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host",
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host,Signature=ab,Signature=cd",
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=host;;x,Signature=ab",
      "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=ab",
      "ACS3-HMAC-SHA256 Foo=bar",
      "ACS3-HMAC-SHA256 Credential=ak,SignedHeaders=ho st,Signature=ab",
    ]) {
      try {
        parseAcs3Authorization(bad);
        expect.unreachable(bad);
      } catch (error) {
        expect(isAppError(error) && error.code).toBe("IncompleteSignature");
      }
    }
  });

  it("round-trips random printable query values the way the SDK signs them", () => {
    for (let i = 0; i < 200; i++) {
      const value = Array.from(randomBytes(12), (b) => String.fromCharCode(0x20 + (b % 95))).join(
        "",
      );
      const req = signV3(creds, { action: "X", version: "2014-05-26", query: { Value: value } });
      const { auth, expected } = verify(req);
      expect(auth.signature, JSON.stringify(value)).toBe(expected);
    }
  });

  it("agrees with the SDK on what a request looks like (one ground truth, two utils)", () => {
    const headers = {
      host: "h",
      "x-acs-date": "2026-01-01T00:00:00Z",
      "x-acs-content-sha256": "e3b0",
    };
    const request = { method: "POST", pathname: "/", query: { A: "1 2" }, headers } as never;
    const a = OpenApiUtil.getAuthorization(request, "ACS3-HMAC-SHA256", "e3b0", "ak", "sk");
    const b = OpenApiCoreUtil.getAuthorization(request, "ACS3-HMAC-SHA256", "e3b0", "ak", "sk");
    expect(a).toBe(b);
    const canonical = v3CanonicalRequest({
      method: "POST",
      path: "/",
      query: { A: decodeComponent("1%202", "query string") },
      headers,
      signedHeaders: ["host", "x-acs-content-sha256", "x-acs-date"],
      payloadHash: "e3b0",
    });
    expect(a.endsWith(`Signature=${v3Signature(v3StringToSign(canonical), "sk")}`)).toBe(true);
  });
});
