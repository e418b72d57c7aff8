import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { bootTestRuntime, shutdownTestRuntime } from "@/tests/openapi/runtime";
import { attachPolicy } from "./attachments";
import { authorize } from "./authorize";
import { addUserToGroup, createGroup } from "./groups";
import { createPolicy } from "./policies";
import { createPolicyVersion } from "./policy-versions";
import { simulatePolicy } from "./simulate-policy";
import { createUser } from "./users";

let dataDir: string;
let root: RequestContext;
let alice: RequestContext;
const DISK_ARN = "acs:ecs:cn-hangzhou:*:disk/*";
const control = JSON.stringify({
  Version: "1",
  Statement: [{ Effect: "Deny", Action: "ecs:CreateDisk", Resource: "*", Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } } }],
});

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  const accountId = getRuntime().accountId;
  root = { principal: { kind: "root", accountId }, regionId: "cn-hangzhou", requestId: "SIM-TEST", source: "console" };
  alice = { ...root, principal: { kind: "user", accountId, userName: "alice" } };
  await createUser(root, { userName: "alice" });
  await createGroup(root, { groupName: "builders" });
  await addUserToGroup(root, { userName: "alice", groupName: "builders" });
  await attachPolicy(root, { principalType: "Group", principalName: "builders", policyType: "System", policyName: "AliyunECSFullAccess" });
  await createPolicy(root, { policyName: "ecs-disk-encrypt-control", policyDocument: control });
  await attachPolicy(root, { principalType: "User", principalName: "alice", policyType: "Custom", policyName: "ecs-disk-encrypt-control" });
});
afterAll(async () => {
  await shutdownTestRuntime(dataDir);
});

describe("simulatePolicy", () => {
  it("explains a denial by the deciding statement", async () => {
    const result = await simulatePolicy(root, {
      principal: { type: "user", name: "alice" },
      action: "ecs:CreateDisk",
      resourceArn: DISK_ARN,
      conditions: { "ecs:IsDiskEncrypted": ["false"] },
    });
    expect(result).toMatchObject({ effect: "Deny", type: "ExplicitDeny", policyName: "ecs-disk-encrypt-control", policyType: "Custom", statementIndex: 0 });
    expect(result.statement?.Condition).toEqual({ StringEquals: { "ecs:IsDiskEncrypted": ["false"] } });
  });

  it("names the group through which an Allow came", async () => {
    const result = await simulatePolicy(root, {
      principal: { type: "user", name: "ALICE" },
      action: "ecs:CreateDisk",
      resourceArn: DISK_ARN,
      conditions: { "ecs:IsDiskEncrypted": ["true"] },
    });
    expect(result).toMatchObject({ effect: "Allow", policyName: "AliyunECSFullAccess", policyType: "System", viaGroup: "builders" });
  });

  it("simulates groups and reports an implicit deny", async () => {
    expect(await simulatePolicy(root, { principal: { type: "group", name: "builders" }, action: "kms:CreateKey", resourceArn: "*" })).toEqual({
      effect: "Deny",
      type: "ImplicitDeny",
    });
  });

  it("is authorized as ListPoliciesFor<Type> and refuses unknown principals", async () => {
    await expect(simulatePolicy(alice, { principal: { type: "user", name: "alice" }, action: "ecs:CreateDisk", resourceArn: "*" })).rejects.toMatchObject({
      code: "NoPermission",
      httpStatus: 403,
    });
    await expect(simulatePolicy(root, { principal: { type: "role", name: "nope" }, action: "ecs:CreateDisk", resourceArn: "*" })).rejects.toMatchObject({
      code: "EntityNotExist.Role",
    });
  });
});

describe("the per-principal policy cache", () => {
  it("follows new default versions at once", async () => {
    const arn = "acs:ecs:cn-hangzhou:1:disk/*";
    await expect(authorize(alice, "ecs:CreateDisk", arn, { "ecs:IsDiskEncrypted": ["false"] })).rejects.toMatchObject({ code: "Forbidden.RAM" });
    await createPolicyVersion(root, {
      policyName: "ecs-disk-encrypt-control",
      policyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Deny", Action: "kms:*", Resource: "*" }] }),
      setAsDefault: true,
    });
    await expect(authorize(alice, "ecs:CreateDisk", arn, { "ecs:IsDiskEncrypted": ["false"] })).resolves.toBeUndefined();
    await expect(authorize(alice, "kms:Decrypt", "*")).rejects.toMatchObject({
      code: "Forbidden.NoPermission",
      details: { AccessDeniedDetail: { PolicyName: "ecs-disk-encrypt-control", NoPermissionType: "ExplicitDeny" } },
    });
  });
});
