import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ram } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { clientsAs, ECS_DISK_ENCRYPT_CONTROL, refusalOf } from "../helpers/ram";
import { createDisk } from "../helpers/ecs-disks";

/**
 * RAM policies, versions, attachments and roles through the official RAM SDK, and the ECS
 * disk-encryption role created and deleted through RAM.
 */
let server: TestServer;
let ram: TestServer["ram"];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const doc = (action: string) => JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

beforeAll(async () => {
  server = await startTestServer();
  ram = server.ram;
});
afterAll(async () => {
  await server?.stop();
});

describe("System policies", () => {
  it("are listed and readable with the documented content", async () => {
    const listed = (await ram.listPolicies(new $Ram.ListPoliciesRequest({ policyType: "System" }))).body!.policies!.policy!;
    expect(listed.map((p) => p.policyName)).toEqual([
      "AdministratorAccess",
      "AliyunECSFullAccess",
      "AliyunECSReadOnlyAccess",
      "AliyunKMSFullAccess",
      "AliyunKMSReadOnlyAccess",
      "AliyunKMSCryptoUserAccess",
      "AliyunECSDiskEncryptRolePolicy",
    ]);
    const readOnly = (await ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "System", policyName: "AliyunKMSReadOnlyAccess" }))).body!;
    expect(readOnly.policy).toMatchObject({ policyName: "AliyunKMSReadOnlyAccess", policyType: "System", defaultVersion: "v3", attachmentCount: 0 });
    expect(JSON.parse(readOnly.defaultPolicyVersion!.policyDocument!).Statement[0].Action).toContain("kms:Describe*");
    const admin = (await ram.getPolicyVersion(new $Ram.GetPolicyVersionRequest({ policyType: "System", policyName: "AdministratorAccess", versionId: "v1" }))).body!;
    expect(JSON.parse(admin.policyVersion!.policyDocument!)).toEqual({ Statement: [{ Action: "*", Effect: "Allow", Resource: "*" }], Version: "1" });
    expect((await ram.listPolicyVersions(new $Ram.ListPolicyVersionsRequest({ policyType: "System", policyName: "AliyunECSFullAccess" }))).body!.policyVersions!.policyVersion).toHaveLength(1);
    expect(await refusalOf(ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "System", policyName: "NoSuchPolicy" })))).toMatchObject({
      code: "EntityNotExist.Policy",
      statusCode: 404,
      message: "The policy does not exist.",
    });
    expect(await refusalOf(ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "Managed", policyName: "AdministratorAccess" })))).toMatchObject({
      code: "InvalidParameter.PolicyType",
      statusCode: 400,
    });
  });
});

describe("custom policies and versions", () => {
  it("CreatePolicy, GetPolicy, ListPolicies, UpdatePolicyDescription", async () => {
    const created = (
      await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "ecs-disk-encrypt-control", policyDocument: JSON.stringify(ECS_DISK_ENCRYPT_CONTROL), description: "Only encrypted disks" }))
    ).body!.policy!;
    expect(created).toMatchObject({ policyName: "ecs-disk-encrypt-control", policyType: "Custom", defaultVersion: "v1", description: "Only encrypted disks", createDate: expect.stringMatching(ISO) });
    const got = (await ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "Custom", policyName: "ecs-disk-encrypt-control" }))).body!;
    expect(got.defaultPolicyVersion).toMatchObject({ versionId: "v1", isDefaultVersion: true });
    expect(JSON.parse(got.defaultPolicyVersion!.policyDocument!)).toEqual(ECS_DISK_ENCRYPT_CONTROL);
    expect((await ram.listPolicies(new $Ram.ListPoliciesRequest({ policyType: "Custom" }))).body!.policies!.policy!.map((p) => p.policyName)).toEqual(["ecs-disk-encrypt-control"]);
    expect((await ram.listPolicies(new $Ram.ListPoliciesRequest({}))).body!.policies!.policy).toHaveLength(8);
    const updated = (await ram.updatePolicyDescription(new $Ram.UpdatePolicyDescriptionRequest({ policyName: "ecs-disk-encrypt-control", newDescription: "Encrypted only" }))).body!.policy!;
    expect(updated.description).toBe("Encrypted only");
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["a wrong Version", JSON.stringify({ Version: "2012-10-17", Statement: [] }), /"Version" must be "1"/],
    ["a bad Effect", JSON.stringify({ Version: "1", Statement: [{ Effect: "Permit", Action: "*", Resource: "*" }] }), /Statement 1: "Effect"/],
    ["an unknown operator", JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringIs: { "a:b": "c" } } }] }), /"StringIs" is not a condition operator/],
  ])("CreatePolicy refuses %s (MalformedPolicyDocument) and creates nothing", async (_name, policyDocument, reason) => {
    const refusal = await refusalOf(ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "broken", policyDocument })));
    expect(refusal).toMatchObject({ code: "MalformedPolicyDocument", statusCode: 400 });
    expect(refusal.message).toMatch(reason);
    expect((await refusalOf(ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "Custom", policyName: "broken" })))).code).toBe("EntityNotExist.Policy");
  });

  it("refuses a duplicate, a bad name and an oversized document", async () => {
    expect(await refusalOf(ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "ECS-DISK-ENCRYPT-CONTROL", policyDocument: doc("ecs:*") })))).toMatchObject({
      code: "EntityAlreadyExists.Policy",
      statusCode: 409,
    });
    expect((await refusalOf(ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "bad_name", policyDocument: doc("ecs:*") })))).code).toBe("InvalidParameter.PolicyName.InvalidChars");
    const big = JSON.stringify({ Version: "1", Statement: Array.from({ length: 200 }, (_, i) => ({ Effect: "Allow", Action: `ecs:Describe${i}`, Resource: "*" })) });
    expect((await refusalOf(ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "big", policyDocument: big })))).code).toBe("InvalidParameter.PolicyDocument.Length");
  });

  it("keeps at most five versions: SetAsDefault, rotation, SetDefaultPolicyVersion, DeletePolicyVersion", async () => {
    await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "versioned", policyDocument: doc("ecs:Describe*") }));
    const v2 = (await ram.createPolicyVersion(new $Ram.CreatePolicyVersionRequest({ policyName: "versioned", policyDocument: doc("ecs:*"), setAsDefault: true }))).body!.policyVersion!;
    expect(v2).toMatchObject({ versionId: "v2", isDefaultVersion: true });
    for (const n of [3, 4, 5]) {
      const v = (await ram.createPolicyVersion(new $Ram.CreatePolicyVersionRequest({ policyName: "versioned", policyDocument: doc(`ecs:Get${n}`) }))).body!.policyVersion!;
      expect(v).toMatchObject({ versionId: `v${n}`, isDefaultVersion: false });
    }
    expect(await refusalOf(ram.createPolicyVersion(new $Ram.CreatePolicyVersionRequest({ policyName: "versioned", policyDocument: doc("ecs:X") })))).toMatchObject({
      code: "LimitExceeded.Policy.Version",
      statusCode: 409,
      message: "The count of policy version beyond the current limits.",
    });
    const rotated = (
      await ram.createPolicyVersion(new $Ram.CreatePolicyVersionRequest({ policyName: "versioned", policyDocument: doc("ecs:Y"), rotateStrategy: "DeleteOldestNonDefaultVersionWhenLimitExceeded" }))
    ).body!.policyVersion!;
    expect(rotated.versionId).toBe("v6");
    const versions = (await ram.listPolicyVersions(new $Ram.ListPolicyVersionsRequest({ policyType: "Custom", policyName: "versioned" }))).body!.policyVersions!.policyVersion!;
    expect(versions.map((v) => v.versionId)).toEqual(["v2", "v3", "v4", "v5", "v6"]);
    expect(versions.filter((v) => v.isDefaultVersion).map((v) => v.versionId)).toEqual(["v2"]);

    await ram.setDefaultPolicyVersion(new $Ram.SetDefaultPolicyVersionRequest({ policyName: "versioned", versionId: "v4" }));
    expect((await ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "Custom", policyName: "versioned" }))).body!.policy!.defaultVersion).toBe("v4");
    expect((await ram.getPolicyVersion(new $Ram.GetPolicyVersionRequest({ policyType: "Custom", policyName: "versioned", versionId: "v3" }))).body!.policyVersion).toMatchObject({
      versionId: "v3",
      isDefaultVersion: false,
      policyDocument: doc("ecs:Get3"),
    });
    expect(await refusalOf(ram.deletePolicyVersion(new $Ram.DeletePolicyVersionRequest({ policyName: "versioned", versionId: "v4" })))).toMatchObject({
      code: "DeleteConflict.Policy.Version.Default",
      statusCode: 409,
      message: "The default policy version CAN NOT been deleted directly.",
    });
    expect(await refusalOf(ram.getPolicyVersion(new $Ram.GetPolicyVersionRequest({ policyType: "Custom", policyName: "versioned", versionId: "v1" })))).toMatchObject({
      code: "EntityNotExist.Policy.Version",
      statusCode: 404,
    });
    expect((await refusalOf(ram.getPolicyVersion(new $Ram.GetPolicyVersionRequest({ policyType: "Custom", policyName: "versioned", versionId: "version1" })))).code).toBe(
      "InvalidParameter.VersionId.Format",
    );
    expect(await refusalOf(ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "versioned" })))).toMatchObject({ code: "DeleteConflict.Policy.Version", statusCode: 409 });
    for (const v of ["v2", "v3", "v5", "v6"]) await ram.deletePolicyVersion(new $Ram.DeletePolicyVersionRequest({ policyName: "versioned", versionId: v }));
    await ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "versioned" }));
    expect((await refusalOf(ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "Custom", policyName: "versioned" })))).code).toBe("EntityNotExist.Policy");
  });
});

describe("attachments", () => {
  it("attach to users, groups and roles, list both ways, detach; deletion conflicts", async () => {
    await ram.createUser(new $Ram.CreateUserRequest({ userName: "att-user" }));
    await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "att-group" }));
    await ram.createRole(new $Ram.CreateRoleRequest({
      roleName: "att-role",
      assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { RAM: ["acs:ram::123:root"] } }] }),
    }));
    await ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "att-policy", policyDocument: doc("ecs:Describe*") }));

    await ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: "att-user", policyType: "Custom", policyName: "att-policy" }));
    await ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: "att-user", policyType: "System", policyName: "AliyunKMSReadOnlyAccess" }));
    await ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "att-group", policyType: "Custom", policyName: "att-policy" }));
    await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ roleName: "att-role", policyType: "Custom", policyName: "att-policy" }));

    expect(await refusalOf(ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: "att-user", policyType: "Custom", policyName: "att-policy" })))).toMatchObject({
      code: "EntityAlreadyExists.User.Policy",
      statusCode: 409,
      message: "The user has already been attached this policy.",
    });
    expect((await refusalOf(ram.attachPolicyToGroup(new $Ram.AttachPolicyToGroupRequest({ groupName: "att-group", policyType: "Custom", policyName: "att-policy" })))).code).toBe(
      "EntityAlreadyExists.Group.Policy",
    );
    expect((await refusalOf(ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: "att-user", policyType: "Custom", policyName: "nope" })))).code).toBe("EntityNotExist.Policy");
    expect((await refusalOf(ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: "ghost", policyType: "Custom", policyName: "att-policy" })))).code).toBe("EntityNotExist.User");
    expect(await refusalOf(ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ roleName: "ghost", policyType: "Custom", policyName: "att-policy" })))).toMatchObject({
      code: "EntityNotExist.Role",
      statusCode: 404,
      message: expect.stringMatching(/^The role not exists: acs:ram::\d{16}:role\/ghost\.$/),
    });

    const forUser = (await ram.listPoliciesForUser(new $Ram.ListPoliciesForUserRequest({ userName: "att-user" }))).body!.policies!.policy!;
    expect(forUser.map((p) => [p.policyType, p.policyName])).toEqual([["Custom", "att-policy"], ["System", "AliyunKMSReadOnlyAccess"]]);
    expect(forUser[0]).toMatchObject({ defaultVersion: "v1", attachDate: expect.stringMatching(ISO) });
    expect((await ram.listPoliciesForGroup(new $Ram.ListPoliciesForGroupRequest({ groupName: "att-group" }))).body!.policies!.policy!.map((p) => p.policyName)).toEqual(["att-policy"]);
    expect((await ram.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: "att-role" }))).body!.policies!.policy!.map((p) => p.policyName)).toEqual(["att-policy"]);

    const entities = (await ram.listEntitiesForPolicy(new $Ram.ListEntitiesForPolicyRequest({ policyType: "Custom", policyName: "att-policy" }))).body!;
    expect(entities.users!.user!.map((u) => u.userName)).toEqual(["att-user"]);
    expect(entities.groups!.group!.map((g) => g.groupName)).toEqual(["att-group"]);
    expect(entities.roles!.role!.map((r) => r.roleName)).toEqual(["att-role"]);
    expect((await ram.getPolicy(new $Ram.GetPolicyRequest({ policyType: "Custom", policyName: "att-policy" }))).body!.policy!.attachmentCount).toBe(3);

    expect(await refusalOf(ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "att-policy" })))).toMatchObject({
      code: "DeleteConflict.Policy.User",
      statusCode: 409,
      message: "The policy CAN NOT been attached to any user while deleting the policy.",
    });
    expect(await refusalOf(ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "att-user" })))).toMatchObject({ code: "DeleteConflict.User.Policy", statusCode: 409 });
    expect(await refusalOf(ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "att-group" })))).toMatchObject({ code: "DeleteConflict.Group.Policy", statusCode: 409 });
    expect(await refusalOf(ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "att-role" })))).toMatchObject({
      code: "DeleteConflict.Role.Policy",
      statusCode: 409,
      message: "The role CAN NOT has any attached policy while deleting the role.",
    });

    await ram.detachPolicyFromUser(new $Ram.DetachPolicyFromUserRequest({ userName: "att-user", policyType: "System", policyName: "AliyunKMSReadOnlyAccess" }));
    expect(await refusalOf(ram.detachPolicyFromUser(new $Ram.DetachPolicyFromUserRequest({ userName: "att-user", policyType: "System", policyName: "AliyunKMSReadOnlyAccess" })))).toMatchObject({
      code: "EntityNotExist.User.Policy",
      statusCode: 404,
      message: "The indicate policy of the user does not exist.",
    });
    await ram.detachPolicyFromGroup(new $Ram.DetachPolicyFromGroupRequest({ groupName: "att-group", policyType: "Custom", policyName: "att-policy" }));
    await ram.detachPolicyFromRole(new $Ram.DetachPolicyFromRoleRequest({ roleName: "att-role", policyType: "Custom", policyName: "att-policy" }));
    // CascadingDelete detaches it from the user too.
    await ram.deletePolicy(new $Ram.DeletePolicyRequest({ policyName: "att-policy", cascadingDelete: true }));
    expect((await ram.listPoliciesForUser(new $Ram.ListPoliciesForUserRequest({ userName: "att-user" }))).body!.policies!.policy).toEqual([]);
    await ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "att-user" }));
    await ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "att-group" }));
    await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "att-role" }));
  });
});

describe("roles", () => {
  const trust = JSON.stringify({ Version: "1", Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } }] });

  it("CreateRole, GetRole, ListRoles, UpdateRole, DeleteRole with RAM's refusals", async () => {
    const role = (await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "AppRole", assumeRolePolicyDocument: trust, description: "app", maxSessionDuration: 7200 }))).body!.role!;
    expect(role).toMatchObject({ roleName: "AppRole", description: "app", maxSessionDuration: 7200, assumeRolePolicyDocument: trust, createDate: expect.stringMatching(ISO) });
    expect(role.roleId).toMatch(/^[1-9]\d{18}$/);
    expect(role.arn).toMatch(/^acs:ram::\d{16}:role\/approle$/);
    expect(await refusalOf(ram.createRole(new $Ram.CreateRoleRequest({ roleName: "approle", assumeRolePolicyDocument: trust })))).toMatchObject({
      code: "EntityAlreadyExists.Role",
      statusCode: 409,
      message: "The role does already EXIST.",
    });
    expect((await refusalOf(ram.createRole(new $Ram.CreateRoleRequest({ roleName: "bad_role", assumeRolePolicyDocument: trust })))).code).toBe("InvalidParameter.RoleName.InvalidChars");
    const badTrust = await refusalOf(ram.createRole(new $Ram.CreateRoleRequest({ roleName: "x", assumeRolePolicyDocument: doc("ecs:*") })));
    expect(badTrust.code).toBe("MalformedPolicyDocument");
    expect(badTrust.message).toMatch(/sts:AssumeRole/);

    expect((await ram.getRole(new $Ram.GetRoleRequest({ roleName: "APPROLE" }))).body!.role).toMatchObject({ roleName: "AppRole", updateDate: expect.stringMatching(ISO) });
    expect((await ram.listRoles(new $Ram.ListRolesRequest({}))).body!.roles!.role!.map((r) => r.roleName)).toEqual(["AppRole"]);
    const updated = (await ram.updateRole(new $Ram.UpdateRoleRequest({ roleName: "AppRole", newDescription: "changed", newMaxSessionDuration: 3600 }))).body!.role!;
    expect(updated).toMatchObject({ description: "changed", maxSessionDuration: 3600 });
    await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "AppRole" }));
    expect(await refusalOf(ram.getRole(new $Ram.GetRoleRequest({ roleName: "AppRole" })))).toMatchObject({
      code: "EntityNotExist.Role",
      statusCode: 404,
      message: expect.stringMatching(/^The role not exists: acs:ram::\d{16}:role\/approle\.$/),
    });
  });

  it("AliyunECSDiskEncryptDefaultRole made through RAM lets ECS use CMKs; deleting it takes that away (KMSUnauthorized)", async () => {
    const keyId = (await server.pop("2016-01-20").request<{ KeyMetadata: { KeyId: string } }>("CreateKey", {})).KeyMetadata.KeyId;
    const cmkDisk = () => createDisk(server.ecs, { zoneId: "cn-hangzhou-h", size: 20, diskCategory: "cloud_essd", encrypted: true, KMSKeyId: keyId });
    const UNAUTHORIZED = { code: "InvalidParameter.KMSKeyId.KMSUnauthorized", statusCode: 403 };
    expect(await refusalOf(cmkDisk())).toMatchObject(UNAUTHORIZED);

    await ram.createRole(new $Ram.CreateRoleRequest({ roleName: "AliyunECSDiskEncryptDefaultRole", assumeRolePolicyDocument: trust }));
    // The service role comes with its System policy, as the console's grant makes it.
    expect((await ram.listPoliciesForRole(new $Ram.ListPoliciesForRoleRequest({ roleName: "AliyunECSDiskEncryptDefaultRole" }))).body!.policies!.policy!.map((p) => p.policyName)).toEqual([
      "AliyunECSDiskEncryptRolePolicy",
    ]);
    expect(await cmkDisk()).toMatch(/^d-/);

    await ram.detachPolicyFromRole(new $Ram.DetachPolicyFromRoleRequest({ roleName: "AliyunECSDiskEncryptDefaultRole", policyType: "System", policyName: "AliyunECSDiskEncryptRolePolicy" }));
    expect(await refusalOf(cmkDisk())).toMatchObject(UNAUTHORIZED);
    await ram.attachPolicyToRole(new $Ram.AttachPolicyToRoleRequest({ roleName: "AliyunECSDiskEncryptDefaultRole", policyType: "System", policyName: "AliyunECSDiskEncryptRolePolicy" }));
    expect(await cmkDisk()).toMatch(/^d-/);

    await ram.detachPolicyFromRole(new $Ram.DetachPolicyFromRoleRequest({ roleName: "AliyunECSDiskEncryptDefaultRole", policyType: "System", policyName: "AliyunECSDiskEncryptRolePolicy" }));
    await ram.deleteRole(new $Ram.DeleteRoleRequest({ roleName: "AliyunECSDiskEncryptDefaultRole" }));
    expect(await refusalOf(cmkDisk())).toMatchObject(UNAUTHORIZED);
  });
});

describe("DecodeDiagnosticMessage", () => {
  it("decodes a denial's EncodedDiagnosticMessage and refuses garbage", async () => {
    await ram.createUser(new $Ram.CreateUserRequest({ userName: "diag" }));
    const key = (await ram.createAccessKey(new $Ram.CreateAccessKeyRequest({ userName: "diag" }))).body!.accessKey!;
    const as = clientsAs(server, key.accessKeyId!, key.accessKeySecret!);
    const denied = await refusalOf(as.ram.listUsers(new $Ram.ListUsersRequest({})));
    expect(denied).toMatchObject({ code: "NoPermission", statusCode: 403 });
    const encoded = String(denied.detail?.EncodedDiagnosticMessage);
    const decoded = (await ram.decodeDiagnosticMessage(new $Ram.DecodeDiagnosticMessageRequest({ encodedDiagnosticMessage: encoded }))).body!.decodedDiagnosticMessage!;
    expect(decoded).toMatchObject({
      authAction: "ram:ListUsers",
      explicitDeny: false,
      authResource: expect.stringMatching(/^acs:ram:\*:\d{16}:user\/\*$/),
      authPrincipal: { authPrincipalType: "SubUser", authPrincipalDisplayName: "diag" },
    });
    expect((await refusalOf(ram.decodeDiagnosticMessage(new $Ram.DecodeDiagnosticMessageRequest({ encodedDiagnosticMessage: "garbage" })))).code).toBe(
      "InvalidParameter.EncodedDiagnosticMessage",
    );
  });
});
