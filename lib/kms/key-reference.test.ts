import { describe, expect, it } from "vitest";
import { aliasArn, isOwnAccount, keyArn, parseKeyReference, referenceArn } from "./key-reference";

const ACCOUNT = "1234567890123456";

describe("parseKeyReference", () => {
  it.each([
    [
      "key-hzz62f1cb66fa42qo1234",
      { kind: "key", regionId: "cn-hangzhou", keyId: "key-hzz62f1cb66fa42qo1234" },
    ],
    [
      "05754286-3ba2-4fa6-8d41-4323aca6c4a4",
      { kind: "key", regionId: "cn-hangzhou", keyId: "05754286-3ba2-4fa6-8d41-4323aca6c4a4" },
    ],
    ["alias/app/db", { kind: "alias", regionId: "cn-hangzhou", aliasName: "alias/app/db" }],
    ["alias/acs/ecs", { kind: "alias", regionId: "cn-hangzhou", aliasName: "alias/acs/ecs" }],
    [
      `acs:kms:cn-shanghai:${ACCOUNT}:key/key-abc`,
      { kind: "key", regionId: "cn-shanghai", accountId: ACCOUNT, keyId: "key-abc" },
    ],
    [
      `acs:kms:ap-southeast-1:${ACCOUNT}:alias/app`,
      { kind: "alias", regionId: "ap-southeast-1", accountId: ACCOUNT, aliasName: "alias/app" },
    ],
  ])("%s", (value, expected) => {
    expect(parseKeyReference(value, "cn-hangzhou")).toEqual(expected);
  });

  it("lets an ARN's region win over the request's", () => {
    expect(
      parseKeyReference(`acs:kms:cn-beijing:${ACCOUNT}:key/key-1`, "cn-hangzhou").regionId,
    ).toBe("cn-beijing");
  });

  it("treats anything else, including other ARNs, as a key id that will not be found", () => {
    expect(parseKeyReference("acs:ecs:cn-hangzhou:1:disk/d-1", "cn-hangzhou")).toMatchObject({
      kind: "key",
      keyId: "acs:ecs:cn-hangzhou:1:disk/d-1",
    });
    expect(parseKeyReference("acs:kms:cn-hangzhou:1:key/", "cn-hangzhou")).toMatchObject({
      kind: "key",
    });
  });

  it("knows another account's ARN", () => {
    expect(
      isOwnAccount(
        parseKeyReference(`acs:kms:cn-hangzhou:${ACCOUNT}:key/k`, "cn-hangzhou"),
        ACCOUNT,
      ),
    ).toBe(true);
    expect(
      isOwnAccount(
        parseKeyReference("acs:kms:cn-hangzhou:9999999999999999:key/k", "cn-hangzhou"),
        ACCOUNT,
      ),
    ).toBe(false);
    expect(isOwnAccount(parseKeyReference("key-1", "cn-hangzhou"), ACCOUNT)).toBe(true);
  });
});

describe("ARNs", () => {
  it("names keys and aliases as Alibaba does", () => {
    expect(keyArn("cn-hangzhou", ACCOUNT, "key-1")).toBe(
      `acs:kms:cn-hangzhou:${ACCOUNT}:key/key-1`,
    );
    expect(aliasArn("cn-hangzhou", ACCOUNT, "alias/ExampleAlias1")).toBe(
      `acs:kms:cn-hangzhou:${ACCOUNT}:alias/ExampleAlias1`,
    );
  });

  it("authorizes a reference against the ARN it names, round trip", () => {
    for (const value of [
      keyArn("cn-shanghai", ACCOUNT, "key-9"),
      aliasArn("cn-shanghai", ACCOUNT, "alias/x/y"),
    ]) {
      expect(referenceArn(parseKeyReference(value, "cn-hangzhou"), ACCOUNT)).toBe(value);
    }
    expect(referenceArn(parseKeyReference("alias/a", "eu-central-1"), ACCOUNT)).toBe(
      `acs:kms:eu-central-1:${ACCOUNT}:alias/a`,
    );
  });
});
