import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { createKey } from "@/lib/kms/create-key";
import { policyEvaluator, type Decision, type RequestConditions } from "@/lib/ram/authorize";
import { grantEcsDiskEncryptRole } from "@/lib/ram/roles";
import { getRuntime } from "@/lib/runtime";
import { bootTestRuntime, shutdownTestRuntime } from "@/tests/openapi/runtime";
import { saveRegionEncryptionSetting } from "@/lib/ecs/encryption/region-settings";
import { createDisk } from "./create-disk";

/**
 * CreateDisk's RAM side, with a stand-in policy evaluator (RAM's own lands in its issue): the
 * conditions carry the EFFECTIVE encryption (encryption by default applied), and authorization
 * comes after the parameter form but before the region restrictions and every lookup.
 */
let dataDir: string;
let root: RequestContext;
let user: RequestContext;
const seen: { action: string; conditions: RequestConditions }[] = [];
let decision: Decision = { effect: "Allow" };

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  const accountId = getRuntime().accountId;
  root = {
    principal: { kind: "root", accountId },
    regionId: "cn-hangzhou",
    requestId: "T",
    source: "api",
  };
  user = { ...root, principal: { kind: "user", accountId, userName: "alice" } };
  policyEvaluator.current = async (_ctx, action, _arn, conditions) => {
    seen.push({ action, conditions });
    return decision;
  };
});
afterAll(async () => {
  policyEvaluator.current = undefined;
  await shutdownTestRuntime(dataDir);
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
  );
const lastConditions = () => seen.filter((s) => s.action === "ecs:CreateDisk").at(-1)?.conditions;
const disk = { zoneId: "cn-hangzhou-h", category: "cloud_essd", sizeGiB: 20 };

describe("CreateDisk's RAM conditions", () => {
  it("carry the effective encryption", async () => {
    await createDisk(user, disk);
    expect(lastConditions()).toEqual({
      "ecs:IsDiskEncrypted": ["false"],
      "ecs:IsDiskByokEncrypted": ["false"],
    });
    await createDisk(user, { ...disk, encrypted: true });
    expect(lastConditions()?.["ecs:IsDiskEncrypted"]).toEqual(["true"]);

    await grantEcsDiskEncryptRole(root);
    const cmk = await createKey(root, {});
    await createDisk(user, { ...disk, encrypted: true, kmsKeyId: cmk.keyId });
    expect(lastConditions()).toEqual({
      "ecs:IsDiskEncrypted": ["true"],
      "ecs:IsDiskByokEncrypted": ["true"],
    });

    await saveRegionEncryptionSetting("cn-hangzhou", { encryptionByDefault: true });
    await createDisk(user, disk);
    expect(lastConditions()?.["ecs:IsDiskEncrypted"]).toEqual(["true"]);
    await saveRegionEncryptionSetting("cn-hangzhou", { defaultKmsKeyId: cmk.keyId });
    await createDisk(user, disk);
    expect(lastConditions()?.["ecs:IsDiskByokEncrypted"]).toEqual(["true"]);
    // Refused after authorization, with the effective (false) value authorized first.
    expect(await codeOf(createDisk(user, { ...disk, encrypted: false }))).toBe(
      "InvalidEncrypted.NotMatchDiskDefaultEncryption",
    );
    expect(lastConditions()?.["ecs:IsDiskEncrypted"]).toEqual(["false"]);
    await saveRegionEncryptionSetting("cn-hangzhou", { encryptionByDefault: false });
  });
});

describe("the order of checks", () => {
  it("parameter form → authorization → region restrictions → lookups", async () => {
    decision = { effect: "Deny", type: "ExplicitDeny" };
    const nanjing = { ...user, regionId: "cn-nanjing" };
    const bangkok = { ...user, regionId: "ap-southeast-7" };
    // Parameter form first: even a denied caller learns its parameters are wrong.
    expect(await codeOf(createDisk(user, { ...disk, kmsKeyId: "key-1" }))).toBe(
      "InvalidParameter.EncryptedIllegal",
    );
    expect(await codeOf(createDisk(user, { ...disk, sizeGiB: 5 }))).toBe(
      "InvalidSize.ValueNotSupported",
    );
    // Then authorization, before the region rules and any lookup.
    const denied = { ...disk, zoneId: "cn-nanjing-a", encrypted: true };
    expect(await codeOf(createDisk(nanjing, denied))).toBe("Forbidden.RAM");
    expect(await codeOf(createDisk(user, { ...disk, encrypted: true, kmsKeyId: "key-x" }))).toBe(
      "Forbidden.RAM",
    );
    decision = { effect: "Allow" };
    expect(await codeOf(createDisk(nanjing, denied))).toBe("NotSupportSnapshotEncrypted.RegionId");
    // A CMK named in Bangkok is refused for the region, whatever the key.
    const cmkInBangkok = { ...disk, zoneId: "ap-southeast-7a", encrypted: true, kmsKeyId: "key-x" };
    expect(await codeOf(createDisk(bangkok, cmkInBangkok))).toBe("InvalidRegion.NotSupport");
    expect(await codeOf(createDisk(user, { ...disk, encrypted: true, kmsKeyId: "key-x" }))).toBe(
      "InvalidParameter.KMSKeyId.NotFound",
    );
  });
});
