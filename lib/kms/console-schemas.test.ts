import { describe, expect, it } from "vitest";
import { createKeyInputSchema, scheduleKeyDeletionInputSchema } from "./console-schemas";

describe("console input schemas", () => {
  it("turn the form's rotation interval into seconds for createKey", () => {
    expect(
      createKeyInputSchema.parse({
        keySpec: "Aliyun_SM4",
        enableAutomaticRotation: true,
        rotationInterval: "365d",
      }),
    ).toEqual({
      keySpec: "Aliyun_SM4",
      enableAutomaticRotation: true,
      rotationIntervalSeconds: 31_536_000,
    });
    expect(createKeyInputSchema.safeParse({ rotationInterval: "3d" }).success).toBe(false);
    expect(createKeyInputSchema.safeParse({ keySpec: "RSA_3072" }).success).toBe(false);
  });

  it("default the deletion window to 30 days, within 7–366", () => {
    expect(scheduleKeyDeletionInputSchema.parse({ keyId: "key-1" })).toEqual({
      keyId: "key-1",
      pendingWindowInDays: 30,
    });
    expect(
      scheduleKeyDeletionInputSchema.safeParse({ keyId: "key-1", pendingWindowInDays: 6 }).success,
    ).toBe(false);
    expect(
      scheduleKeyDeletionInputSchema.safeParse({ keyId: "key-1", pendingWindowInDays: 367 })
        .success,
    ).toBe(false);
  });
});
