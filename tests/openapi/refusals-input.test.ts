import { describe, expect, it, vi } from "vitest";
import { saveAccessKey } from "@/lib/account/access-keys";
import { getRuntime } from "@/lib/runtime";
import { DISKSEAL, expectError, withOpenApiRuntime, v1 } from "./harness";
import { signV1 } from "./sign";

withOpenApiRuntime();

describe("refusals: parameters, and errors from actions", () => {
  it("malformed encodings and duplicates → 400 InvalidParameter", async () => {
    for (const url of [
      "/?Action=X&%zz",
      "/?Action=X&a=%E0%A4%A",
      "/?Action=X&Action=Y",
      "/?Action=X&b=%",
    ]) {
      await expectError(
        { method: "GET", url, headers: {}, body: Buffer.alloc(0) },
        400,
        "InvalidParameter",
        "Ecs",
      );
    }
    const form = { "content-type": "application/x-www-form-urlencoded" };
    await expectError(
      { method: "POST", url: "/", headers: form, body: Buffer.from([0x41, 0x3d, 0xff]) },
      400,
      "InvalidParameter",
      "Ecs",
    );
  });

  it("wrong types and unknown Format → 400 InvalidParameter", async () => {
    await expectError(v1("ZzTestEcho", { params: { Count: "1.5" } }), 400, "InvalidParameter");
    await expectError(v1("ZzTestEcho", { params: { Flag: "yes" } }), 400, "InvalidParameter");
    await expectError(
      v1("DescribeEmulatorClock", { protocol: { Format: "yaml" } }),
      400,
      "InvalidParameter",
    );
    await expectError(
      v1("ZzTestEcho", { params: { "Tag.1.Key": "a", "Tag.1": "b" } }),
      400,
      "InvalidParameter",
    );
  });

  it("parameter names cannot reach Object.prototype", async () => {
    for (const name of [
      "__proto__.polluted",
      "constructor.polluted",
      "Tag.1.__proto__.x",
      "toString.x",
    ]) {
      await expectError(v1("ZzTestEcho", { params: { [name]: "yes" } }), 400, "InvalidParameter");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an error that is not an AppError → 500 InternalError, logged, message not leaked", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const body = await expectError(v1("ZzTestThrow"), 500, "InternalError");
    expect(body.Message).not.toContain("boom");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("an action's AppError keeps its status and its details (Forbidden.RAM for a RAM user)", async () => {
    const user = {
      accessKeyId: "LTAIramuser0000000000001",
      accessKeySecret: "ramUserSecret00000000000000001",
    };
    await saveAccessKey(getRuntime().db, {
      id: user.accessKeyId,
      secret: user.accessKeySecret,
      accountId: getRuntime().accountId,
      userName: "alice",
    });
    const body = await expectError(
      signV1(user, { action: "DescribeEmulatorClock", version: DISKSEAL }),
      403,
      "Forbidden.RAM",
    );
    expect(body.AccessDeniedDetail).toBeDefined();
  });
});
