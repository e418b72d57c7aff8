import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { bootTestRuntime, shutdownTestRuntime } from "@/tests/openapi/runtime";
import { canEcsUseDiskEncryptRole, removeRole, findRole, grantEcsDiskEncryptRole, hasRole } from "./roles";
import { ECS_DISK_ENCRYPT_ROLE, ECS_DISK_ENCRYPT_ROLE_POLICY, ECS_DISK_ENCRYPT_TRUST_POLICY } from "./ecs-disk-encrypt-role";

let dataDir: string;
let root: RequestContext;

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  root = {
    principal: { kind: "root", accountId: getRuntime().accountId },
    regionId: "cn-hangzhou",
    requestId: "ROLES-TEST",
    source: "console",
  };
});
afterAll(async () => {
  await shutdownTestRuntime(dataDir);
});

describe("the ECS disk encryption role", () => {
  it("does not exist until granted", async () => {
    expect(await hasRole(ECS_DISK_ENCRYPT_ROLE)).toBe(false);
    expect(await canEcsUseDiskEncryptRole()).toBe(false);
  });

  it("is created with its trust policy and System policy, once, audited as RAM CreateRole", async () => {
    const role = await grantEcsDiskEncryptRole(root);
    expect(role).toMatchObject({
      roleName: "AliyunECSDiskEncryptDefaultRole",
      arn: `acs:ram::${getRuntime().accountId}:role/aliyunecsdiskencryptdefaultrole`,
      assumeRolePolicyDocument: ECS_DISK_ENCRYPT_TRUST_POLICY,
      policies: [{ policyName: ECS_DISK_ENCRYPT_ROLE_POLICY, policyType: "System" }],
    });
    expect(role.roleId).toMatch(/^[1-9]\d{18}$/);
    expect(JSON.parse(role.assumeRolePolicyDocument)).toEqual({
      Statement: [
        { Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } },
      ],
      Version: "1",
    });
    const again = await grantEcsDiskEncryptRole(root);
    expect(again.roleId).toBe(role.roleId);
    expect(await hasRole("aliyunecsdiskencryptdefaultrole")).toBe(true);
    expect(await canEcsUseDiskEncryptRole()).toBe(true);
    const events = await getRuntime().db.auditEvent.findMany({ where: { action: "CreateRole" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ service: "ram", result: "Success" });
  });

  it("is unusable without its policy, and gets it back on the next grant", async () => {
    await getRuntime().db.ramPolicyAttachment.deleteMany({});
    expect(await hasRole(ECS_DISK_ENCRYPT_ROLE)).toBe(true);
    expect(await canEcsUseDiskEncryptRole()).toBe(false);
    await grantEcsDiskEncryptRole(root);
    expect((await findRole(ECS_DISK_ENCRYPT_ROLE))?.policies).toHaveLength(1);
    expect(await canEcsUseDiskEncryptRole()).toBe(true);
  });

  it("is deleted with its attachments", async () => {
    expect(await removeRole(ECS_DISK_ENCRYPT_ROLE)).toBe(true);
    expect(await removeRole(ECS_DISK_ENCRYPT_ROLE)).toBe(false);
    expect(await hasRole(ECS_DISK_ENCRYPT_ROLE)).toBe(false);
    expect(await getRuntime().db.ramPolicyAttachment.count()).toBe(0);
  });
});
