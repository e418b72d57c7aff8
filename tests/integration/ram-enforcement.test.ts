import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs, $Kms, $Ram } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { clientsAs, createPolicy, ECS_DISK_ENCRYPT_CONTROL, refusalOf, userWithKey } from "../helpers/ram";
import { createDisk, describeDisks } from "../helpers/ecs-disks";
import { runInstances } from "../helpers/ecs-instances";

/**
 * RAM enforced on the signed endpoint: ECS and KMS SDK clients built with a RAM user's
 * AccessKey, decided by the user's policies (and its groups'), with the products' denial codes
 * and an AccessDeniedDetail naming the deciding policy; inactive and deleted keys; conditions on
 * the source address and the emulator clock deciding real calls.
 */
let server: TestServer;
let ram: TestServer["ram"];
const Z = "cn-hangzhou-h";
const FORBIDDEN_RAM = {
  code: "Forbidden.RAM",
  statusCode: 403,
  message: "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
};

beforeAll(async () => {
  server = await startTestServer();
  ram = server.ram;
  await createPolicy(ram, "ecs-disk-encrypt-control", ECS_DISK_ENCRYPT_CONTROL);
});
afterAll(async () => {
  await server?.stop();
});

const disk = (encrypted: boolean) => ({ zoneId: Z, size: 20, diskCategory: "cloud_essd", encrypted });

describe("a user under the guide's encrypted-disks-only policy", () => {
  let as: ReturnType<typeof clientsAs>;
  beforeAll(async () => {
    const user = await userWithKey(ram, "encrypted-only", ["System:AliyunECSFullAccess", "Custom:ecs-disk-encrypt-control"]);
    as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
  });

  it("is refused an unencrypted disk (CreateDisk), with the deciding policy named, and nothing is created", async () => {
    const before = (await describeDisks(server.ecs, {})).totalCount;
    const refusal = await refusalOf(createDisk(as.ecs, disk(false)));
    expect(refusal).toMatchObject(FORBIDDEN_RAM);
    expect(refusal.detail).toMatchObject({
      AuthAction: "ecs:CreateDisk",
      AuthPrincipalType: "SubUser",
      AuthPrincipalDisplayName: "encrypted-only",
      NoPermissionType: "ExplicitDeny",
      PolicyType: "AccountLevelIdentityBasedPolicy",
      PolicyName: "ecs-disk-encrypt-control",
      PolicySourceType: "Custom",
      StatementIndex: 2,
    });
    // Encrypted omitted is unencrypted too (encryption by default is off).
    expect(await refusalOf(createDisk(as.ecs, { zoneId: Z, size: 20, diskCategory: "cloud_essd" }))).toMatchObject(FORBIDDEN_RAM);
    expect((await describeDisks(server.ecs, {})).totalCount).toBe(before);
  });

  it("is allowed an encrypted disk", async () => {
    expect(await createDisk(as.ecs, disk(true))).toMatch(/^d-/);
  });

  it("is refused RunInstances with an unencrypted system or data disk, and allowed it all encrypted", async () => {
    const system = await refusalOf(runInstances(as.ecs, { systemDisk: { category: "cloud_essd", encrypted: false } }));
    expect(system).toMatchObject(FORBIDDEN_RAM);
    expect(system.detail).toMatchObject({ AuthAction: "ecs:RunInstances", PolicyName: "ecs-disk-encrypt-control", StatementIndex: 0, NoPermissionType: "ExplicitDeny" });
    const data = await refusalOf(
      runInstances(as.ecs, { systemDisk: { category: "cloud_essd", encrypted: true }, dataDisks: [{ size: 20, category: "cloud_essd", encrypted: true }, { size: 20, category: "cloud_essd", encrypted: false }] }),
    );
    expect(data).toMatchObject(FORBIDDEN_RAM);
    expect(data.detail).toMatchObject({ PolicyName: "ecs-disk-encrypt-control", StatementIndex: 1 });
    const ids = await runInstances(as.ecs, { systemDisk: { category: "cloud_essd", encrypted: true }, dataDisks: [{ size: 20, category: "cloud_essd", encrypted: true }] });
    expect(ids).toHaveLength(1);
  });

  it("with encryption by default on, an omitted Encrypted is the encrypted disk the conditions see", async () => {
    await server.ecs.enableDiskEncryptionByDefault(new $Ecs.EnableDiskEncryptionByDefaultRequest({ regionId: "cn-hangzhou" }));
    try {
      expect(await createDisk(as.ecs, { zoneId: Z, size: 20, diskCategory: "cloud_essd" })).toMatch(/^d-/);
    } finally {
      await server.ecs.disableDiskEncryptionByDefault(new $Ecs.DisableDiskEncryptionByDefaultRequest({ regionId: "cn-hangzhou" }));
    }
  });
});

describe("a user with only AliyunKMSReadOnlyAccess", () => {
  let kms: ReturnType<typeof clientsAs>["kms"];
  let keyId = "";
  const NO_PERMISSION = { code: "Forbidden.NoPermission", statusCode: 403 };
  beforeAll(async () => {
    keyId = (await server.kms.createKey(new $Kms.CreateKeyRequest({}))).keyMetadata.keyId;
    const user = await userWithKey(ram, "kms-reader", ["System:AliyunKMSReadOnlyAccess"]);
    kms = clientsAs(server, user.accessKeyId, user.accessKeySecret).kms;
  });

  it("lists and describes keys", async () => {
    const keys = (await kms.listKeys(new $Kms.ListKeysRequest({}))).keys.key.map((k) => k.keyId);
    expect(keys).toContain(keyId);
    expect((await kms.describeKey(new $Kms.DescribeKeyRequest({ keyId }))).keyMetadata.keyState).toBe("Enabled");
  });

  it.each([
    ["CreateKey", () => kms.createKey(new $Kms.CreateKeyRequest({}))],
    ["DisableKey", () => kms.disableKey(new $Kms.DisableKeyRequest({ keyId }))],
    ["EnableKey", () => kms.enableKey(new $Kms.EnableKeyRequest({ keyId }))],
    ["ScheduleKeyDeletion", () => kms.scheduleKeyDeletion(new $Kms.ScheduleKeyDeletionRequest({ keyId, pendingWindowInDays: 7 }))],
    ["UpdateRotationPolicy", () => kms.updateRotationPolicy(new $Kms.UpdateRotationPolicyRequest({ keyId, enableAutomaticRotation: true, rotationInterval: "365d" }))],
  ])("is refused %s (Forbidden.NoPermission) and the key is unchanged", async (action, call) => {
    const refusal = await refusalOf(call());
    expect(refusal).toMatchObject(NO_PERMISSION);
    expect(refusal.message).toMatch(/is forbidden by permission system\.$/);
    expect(refusal.detail).toMatchObject({ AuthAction: `kms:${action}`, NoPermissionType: "ImplicitDeny" });
    const key = (await server.kms.describeKey(new $Kms.DescribeKeyRequest({ keyId }))).keyMetadata;
    expect(key).toMatchObject({ keyState: "Enabled", automaticRotation: "Disabled" });
  });
});

describe("AccessKeys of RAM users", () => {
  it("an inactive key is refused (400 InvalidAccessKeyId.Inactive) until activated; a deleted one is unknown (404)", async () => {
    const user = await userWithKey(ram, "key-holder", ["System:AliyunECSReadOnlyAccess"]);
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    expect((await describeDisks(as.ecs, {})).requestId).toBeTruthy();

    await ram.updateAccessKey(new $Ram.UpdateAccessKeyRequest({ userName: "key-holder", userAccessKeyId: user.accessKeyId, status: "Inactive" }));
    expect(await refusalOf(describeDisks(as.ecs, {}))).toMatchObject({ code: "InvalidAccessKeyId.Inactive", statusCode: 400 });
    await ram.updateAccessKey(new $Ram.UpdateAccessKeyRequest({ userName: "key-holder", userAccessKeyId: user.accessKeyId, status: "Active" }));
    expect((await describeDisks(as.ecs, {})).requestId).toBeTruthy();

    await ram.deleteAccessKey(new $Ram.DeleteAccessKeyRequest({ userName: "key-holder", userAccessKeyId: user.accessKeyId }));
    expect(await refusalOf(describeDisks(as.ecs, {}))).toMatchObject({ code: "InvalidAccessKeyId.NotFound", statusCode: 404 });
  });

  it("a user may manage its own keys when a policy allows it (UserName defaults to the caller)", async () => {
    await createPolicy(ram, "own-keys", { Version: "1", Statement: [{ Effect: "Allow", Action: "ram:*AccessKey*", Resource: "acs:ram:*:*:user/self-service" }] });
    const user = await userWithKey(ram, "self-service", ["Custom:own-keys"]);
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    const second = (await as.ram.createAccessKey(new $Ram.CreateAccessKeyRequest({}))).body!.accessKey!;
    expect(second.accessKeySecret).toHaveLength(30);
    const listed = (await as.ram.listAccessKeys(new $Ram.ListAccessKeysRequest({}))).body!.accessKeys!.accessKey!;
    expect(listed.map((k) => k.accessKeyId).sort()).toEqual([user.accessKeyId, second.accessKeyId].sort());
    const other = await refusalOf(as.ram.listAccessKeys(new $Ram.ListAccessKeysRequest({ userName: "key-holder" })));
    expect(other).toMatchObject({ code: "NoPermission", statusCode: 403 });
    expect(other.message).toMatch(/^You are not authorized to do this action\. Resource: acs:ram:\*:\d{16}:user\/key-holder Action: ram:ListAccessKeys$/);
  });
});

describe("who may do what", () => {
  it("a user without policies is denied everything (ImplicitDeny), in each product's code", async () => {
    const user = await userWithKey(ram, "nobody");
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    const ecs = await refusalOf(describeDisks(as.ecs, {}));
    expect(ecs).toMatchObject(FORBIDDEN_RAM);
    expect(ecs.detail).toMatchObject({ NoPermissionType: "ImplicitDeny", AuthAction: "ecs:DescribeDisks" });
    expect(ecs.detail).not.toHaveProperty("PolicyName");
    expect((await refusalOf(as.kms.listKeys(new $Kms.ListKeysRequest({}))))).toMatchObject({ code: "Forbidden.NoPermission", statusCode: 403 });
    expect((await refusalOf(as.ram.listUsers(new $Ram.ListUsersRequest({}))))).toMatchObject({ code: "NoPermission", statusCode: 403 });
  });

  it("group policies count, and stop counting when the user leaves the group", async () => {
    await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "readers" }));
    await ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "readers", policyType: "System", policyName: "AliyunECSReadOnlyAccess" }));
    const user = await userWithKey(ram, "grouped");
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    expect(await refusalOf(describeDisks(as.ecs, {}))).toMatchObject(FORBIDDEN_RAM);
    await ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ userName: "grouped", groupName: "readers" }));
    expect((await describeDisks(as.ecs, {})).requestId).toBeTruthy();
    expect(await refusalOf(createDisk(as.ecs, disk(true)))).toMatchObject(FORBIDDEN_RAM);
    await ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ userName: "grouped", groupName: "readers" }));
    expect(await refusalOf(describeDisks(as.ecs, {}))).toMatchObject(FORBIDDEN_RAM);
  });

  it("AdministratorAccess allows RAM itself, but DiskSeal's emulator control stays the root account's", async () => {
    const user = await userWithKey(ram, "admin", ["System:AdministratorAccess"]);
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    expect((await as.ram.createUser(new $Ram.CreateUserRequest({ userName: "made-by-admin" }))).body!.user!.userName).toBe("made-by-admin");
    for (const action of ["DescribeEmulatorClock", "AdvanceEmulatorClock", "LookupEvents", "ResetEmulator"]) {
      const refusal = await refusalOf(as.pop("2026-11-28").request(action, action === "AdvanceEmulatorClock" ? { Seconds: 1 } : {}));
      expect(refusal, action).toMatchObject({ code: "Forbidden.RAM", statusCode: 403 });
    }
    expect((await ram.getUser(new $Ram.GetUserRequest({ userName: "made-by-admin" }))).body!.user!.userName).toBe("made-by-admin");
  });

  it("Cloud Assistant through the API is authorized like any action", async () => {
    const user = await userWithKey(ram, "viewer", ["System:AliyunECSReadOnlyAccess"]);
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    const refusal = await refusalOf(
      as.ecs.runCommand(new $Ecs.RunCommandRequest({ regionId: "cn-hangzhou", type: "RunShellScript", commandContent: "echo hi", instanceId: ["i-none"] })),
    );
    expect(refusal).toMatchObject(FORBIDDEN_RAM);
    expect(refusal.detail).toMatchObject({ AuthAction: "ecs:RunCommand" });
  });
});

describe("global condition keys decide real calls", () => {
  it("acs:SourceIp is the socket's address", async () => {
    const only = (cidr: string) => ({
      Version: "1",
      Statement: [{ Effect: "Allow", Action: "ecs:Describe*", Resource: "*", Condition: { IpAddress: { "acs:SourceIp": cidr } } }],
    });
    await createPolicy(ram, "from-office", only("10.0.0.0/8"));
    const user = await userWithKey(ram, "ip-bound", ["Custom:from-office"]);
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    expect(await refusalOf(describeDisks(as.ecs, {}))).toMatchObject(FORBIDDEN_RAM);
    await ram.createPolicyVersion(new $Ram.CreatePolicyVersionRequest({ policyName: "from-office", policyDocument: JSON.stringify(only("127.0.0.0/8")), setAsDefault: true }));
    expect((await describeDisks(as.ecs, {})).requestId).toBeTruthy();
  });

  it("acs:CurrentTime is the emulator clock (AdvanceEmulatorClock)", async () => {
    const clock = await server.pop("2026-11-28").request<{ Now: string }>("DescribeEmulatorClock", {});
    const until = new Date(Date.parse(clock.Now) + 24 * 3600 * 1000).toISOString();
    await createPolicy(ram, "until-tomorrow", {
      Version: "1",
      Statement: [{ Effect: "Allow", Action: "ecs:Describe*", Resource: "*", Condition: { DateLessThan: { "acs:CurrentTime": until } } }],
    });
    const user = await userWithKey(ram, "temporary", ["Custom:until-tomorrow"]);
    const as = clientsAs(server, user.accessKeyId, user.accessKeySecret);
    expect((await describeDisks(as.ecs, {})).requestId).toBeTruthy();
    await server.pop("2026-11-28").request("AdvanceEmulatorClock", { Seconds: 2 * 24 * 3600 });
    const refusal = await refusalOf(describeDisks(as.ecs, {}));
    expect(refusal).toMatchObject(FORBIDDEN_RAM);
    expect(refusal.detail).toMatchObject({ NoPermissionType: "ImplicitDeny" });
  });

  it("acs:SecureTransport is false over plain HTTP", async () => {
    await createPolicy(ram, "tls-only", {
      Version: "1",
      Statement: [
        { Effect: "Allow", Action: "ecs:Describe*", Resource: "*" },
        { Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "acs:SecureTransport": "false" } } },
      ],
    });
    const user = await userWithKey(ram, "tls-user", ["Custom:tls-only"]);
    const refusal = await refusalOf(describeDisks(clientsAs(server, user.accessKeyId, user.accessKeySecret).ecs, {}));
    expect(refusal.detail).toMatchObject({ NoPermissionType: "ExplicitDeny", PolicyName: "tls-only", StatementIndex: 1 });
  });
});

describe("ResetEmulator", () => {
  it("drops RAM users, their keys, groups, custom policies and roles; the root key stays", async () => {
    const user = await userWithKey(ram, "before-reset", ["System:AliyunECSReadOnlyAccess"]);
    await server.pop("2026-11-28").request("ResetEmulator", {});
    expect(await refusalOf(describeDisks(clientsAs(server, user.accessKeyId, user.accessKeySecret).ecs, {}))).toMatchObject({
      code: "InvalidAccessKeyId.NotFound",
      statusCode: 404,
    });
    expect((await ram.listUsers(new $Ram.ListUsersRequest({}))).body!.users!.user).toEqual([]);
    expect((await ram.listGroups(new $Ram.ListGroupsRequest({}))).body!.groups!.group).toEqual([]);
    expect((await ram.listPolicies(new $Ram.ListPoliciesRequest({ policyType: "Custom" }))).body!.policies!.policy).toEqual([]);
    expect((await ram.listPolicies(new $Ram.ListPoliciesRequest({ policyType: "System" }))).body!.policies!.policy!.every((p) => p.attachmentCount === 0)).toBe(true);
    // A user made again with the same name starts without the old policies.
    const again = await userWithKey(ram, "before-reset");
    expect(await refusalOf(describeDisks(clientsAs(server, again.accessKeyId, again.accessKeySecret).ecs, {}))).toMatchObject(FORBIDDEN_RAM);
  });
});
