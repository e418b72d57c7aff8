import { describe, expect, it } from "vitest";
import { saveAccessKey } from "@/lib/account/access-keys";
import { getRuntime } from "@/lib/runtime";
import { creds, DISKSEAL, expectError, withOpenApiRuntime, v1 } from "./harness";
import { signV1, signV3 } from "./sign";

withOpenApiRuntime();

describe("refusals: routing and AccessKeys", () => {
  it("unknown action → 404 InvalidAction.NotFound (own properties only)", async () => {
    const body = await expectError(v1("NoSuchAction"), 404, "InvalidAction.NotFound");
    expect(body.Message).toBe("Specified api is not found, please check your url and method.");
    expect(body.HostId).toBe("diskseal.local");
    await expectError(v1("constructor"), 404, "InvalidAction.NotFound");
    await expectError(v1("toString"), 404, "InvalidAction.NotFound");
  });

  it("unknown version → 400 InvalidVersion, with ECS's HostId", async () => {
    const body = await expectError(
      signV1(creds, { action: "DescribeRegions", version: "2099-01-01" }),
      400,
      "InvalidVersion",
      "Ecs",
    );
    expect(body.HostId).toBe("ecs.aliyuncs.com");
  });

  it("routes by version: KMS's errors carry KMS's HostId", async () => {
    const body = await expectError(
      signV1(creds, { action: "ListSecrets", version: "2016-01-20" }),
      404,
      "InvalidAction.NotFound",
      "Kms",
    );
    expect(body.HostId).toBe("kms.aliyuncs.com");
  });

  it("missing or empty Action → 400 MissingParameter", async () => {
    await expectError(v1(""), 400, "MissingParameter");
    await expectError(v1("", { headers: { "x-acs-action": "" } }), 400, "MissingParameter");
    await expectError(
      { method: "GET", url: "/?Action=", headers: {}, body: Buffer.alloc(0) },
      400,
      "MissingParameter",
      "Ecs",
    );
  });

  it("unknown AccessKeyId → 404; an inactive one → 400", async () => {
    await expectError(
      signV1(
        { ...creds, accessKeyId: "LTAInobody" },
        { action: "DescribeEmulatorClock", version: DISKSEAL },
      ),
      404,
      "InvalidAccessKeyId.NotFound",
    );
    await expectError(
      signV3(
        { ...creds, accessKeyId: "x".repeat(10_000) },
        { action: "DescribeEmulatorClock", version: DISKSEAL },
      ),
      404,
      "InvalidAccessKeyId.NotFound",
    );
    const inactive = {
      accessKeyId: "LTAIinactive000000000001",
      accessKeySecret: "inactiveSecret000000000000001",
    };
    await saveAccessKey(getRuntime().db, {
      id: inactive.accessKeyId,
      secret: inactive.accessKeySecret,
      accountId: getRuntime().accountId,
      userName: null,
      status: "Inactive",
    });
    await expectError(
      signV1(inactive, { action: "DescribeEmulatorClock", version: DISKSEAL }),
      400,
      "InvalidAccessKeyId.Inactive",
    );
    await expectError(
      signV3(inactive, { action: "DescribeEmulatorClock", version: DISKSEAL }),
      400,
      "InvalidAccessKeyId.Inactive",
    );
  });
});
