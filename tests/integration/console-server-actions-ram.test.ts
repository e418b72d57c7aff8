import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Kms, $Ram } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { createDisk, describeDisk, describeDisks } from "../helpers/ecs-disks";
import { postServerAction, serverActionIds } from "../helpers/console-actions";

/**
 * Server actions are public POST endpoints: hiding or disabling a button protects nothing. A RAM
 * user signed in to the console posts raw server-action requests (ids from the build's manifest)
 * for actions its policies do not allow; each is refused with the product's denial and the
 * deciding policy, and the root account's SDK calls show that nothing changed. Signed out,
 * `required` mode sends the request to the sign-in page and the terminal's routes answer 401.
 */
const REGION = "cn-hangzhou";
const PASSWORD = "Read0nly!pass";
const USER = "mallory";
let server: TestServer;
let ids: Map<string, string>;
let cookie: string;

const action = (file: string, name: string) => {
  const id = ids.get(`${file}#${name}`);
  if (!id) throw new Error(`no server action ${file}#${name} in the build`);
  return id;
};
const call = (file: string, name: string, page: string, input: unknown, withCookie = cookie) =>
  postServerAction(server.baseUrl, { actionId: action(file, name), page, args: [input], cookie: withCookie });

const DISKS = "app/(console)/[region]/disks/actions.ts";
const DISK = "app/(console)/[region]/disks/[diskId]/actions.ts";
const KEYS = "app/(console)/[region]/kms/keys/actions.ts";
const RAM = "app/(console)/[region]/ram/actions.ts";
const USERS = "app/(console)/[region]/ram/users/actions.ts";
const SIGN_IN = "app/signin/actions.ts";

beforeAll(async () => {
  ids = serverActionIds();
  server = await startTestServer();
  // As root through the SDK: a user who may read ECS and KMS and change nothing, with a console password.
  await server.ram.createUser(new $Ram.CreateUserRequest({ userName: USER }));
  await server.ram.createLoginProfile(new $Ram.CreateLoginProfileRequest({ userName: USER, password: PASSWORD }));
  for (const policyName of ["AliyunECSReadOnlyAccess", "AliyunKMSReadOnlyAccess"])
    await server.ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: USER, policyType: "System", policyName }));
  const signedIn = await call(SIGN_IN, "signIn", "/signin", { kind: "user", logonName: USER, password: PASSWORD }, undefined);
  const session = signedIn.setCookie.find((line) => line.startsWith("diskseal_session="));
  expect(session, signedIn.body).toBeDefined();
  expect(session).toMatch(/HttpOnly/i);
  expect(session).toMatch(/SameSite=Strict/i);
  cookie = session!.split(";")[0];
});
afterAll(async () => {
  await server?.stop();
});

describe("a signed-in RAM user posting raw server actions it is not allowed", () => {
  const FORBIDDEN_RAM = { ok: false, code: "Forbidden.RAM", message: "User not authorized to operate on the specified resource, or this API doesn't support RAM." };

  it("cannot create a disk", async () => {
    const before = (await describeDisks(server.ecs, {})).totalCount;
    const answer = await call(DISKS, "createDisk", `/${REGION}/disks/create`, {
      regionId: REGION,
      zoneId: "cn-hangzhou-h",
      category: "cloud_essd",
      sizeGiB: 20,
      encrypted: false,
    });
    expect(answer.result).toMatchObject({ ...FORBIDDEN_RAM, denied: { action: "ecs:CreateDisk", type: "ImplicitDeny" } });
    expect((await describeDisks(server.ecs, {})).totalCount).toBe(before);
  });

  it("cannot delete a disk", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: "cn-hangzhou-h", size: 20, diskCategory: "cloud_essd" });
    const answer = await call(DISK, "deleteDisk", `/${REGION}/disks/${diskId}`, { regionId: REGION, diskId });
    expect(answer.result).toMatchObject({ ...FORBIDDEN_RAM, denied: { action: "ecs:DeleteDisk" } });
    expect((await describeDisk(server.ecs, diskId))?.diskId).toBe(diskId);
  });

  it("cannot create or disable a KMS key", async () => {
    const keyId = (await server.kms.createKey(new $Kms.CreateKeyRequest({}))).keyMetadata.keyId;
    const listKeys = async () => (await server.kms.listKeys(new $Kms.ListKeysRequest({ pageSize: 100 }))).totalCount;
    const before = await listKeys();

    const created = await call(KEYS, "createKey", `/${REGION}/kms/keys`, { regionId: REGION, key: {} });
    expect(created.result).toMatchObject({ ok: false, code: "Forbidden.NoPermission", denied: { action: "kms:CreateKey" } });
    expect(await listKeys()).toBe(before);

    const disabled = await call(KEYS, "disableKey", `/${REGION}/kms/keys`, { regionId: REGION, keyId });
    expect(disabled.result).toMatchObject({ ok: false, code: "Forbidden.NoPermission", denied: { action: "kms:DisableKey" } });
    const key = (await server.kms.describeKey(new $Kms.DescribeKeyRequest({ keyId }))).keyMetadata;
    expect(key.keyState).toBe("Enabled");
  });

  it("cannot grant itself AdministratorAccess, create a user or an AccessKey", async () => {
    const escalated = await call(RAM, "attachPolicy", `/${REGION}/ram/users/${USER}`, {
      principalType: "User",
      principalName: USER,
      policyType: "System",
      policyName: "AdministratorAccess",
    });
    expect(escalated.result).toMatchObject({ ok: false, code: "NoPermission", denied: { action: "ram:AttachPolicyToUser" } });
    const policies = await server.ram.listPoliciesForUser(new $Ram.ListPoliciesForUserRequest({ userName: USER }));
    expect(policies.body!.policies!.policy!.map((p) => p.policyName).sort()).toEqual(["AliyunECSReadOnlyAccess", "AliyunKMSReadOnlyAccess"]);

    const users = async () => (await server.ram.listUsers(new $Ram.ListUsersRequest({}))).body!.users!.user!.map((u) => u.userName);
    const created = await call(USERS, "createUser", `/${REGION}/ram/users`, { userName: "eve", password: "Str0ng!pass" });
    expect(created.result).toMatchObject({ ok: false, code: "NoPermission", denied: { action: "ram:CreateUser" } });
    expect(await users()).toEqual([USER]);

    const key = await call(USERS, "createAccessKey", `/${REGION}/ram/users/${USER}`, { userName: USER });
    expect(key.result).toMatchObject({ ok: false, code: "NoPermission", denied: { action: "ram:CreateAccessKey" } });
    const keys = await server.ram.listAccessKeys(new $Ram.ListAccessKeysRequest({ userName: USER }));
    expect(keys.body!.accessKeys!.accessKey ?? []).toHaveLength(0);
  });

  it("is allowed what its policies allow (the refusals above are RAM's, not the protocol's)", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: "cn-hangzhou-h", size: 20, diskCategory: "cloud_essd" });
    const answer = await call(DISKS, "pollDiskStatuses", `/${REGION}/disks`, { regionId: REGION, diskIds: [diskId] });
    expect(answer.result).toMatchObject({ ok: true, data: { [diskId]: expect.any(String) } });
  });

  it("under an explicit Deny, the refusal names the deciding policy", async () => {
    const document = { Version: "1", Statement: [{ Effect: "Deny", Action: "ecs:DescribeDisks", Resource: "*" }] };
    await server.ram.createPolicy(new $Ram.CreatePolicyRequest({ policyName: "no-disk-reads", policyDocument: JSON.stringify(document) }));
    await server.ram.attachPolicyToUser(new $Ram.AttachPolicyToUserRequest({ userName: USER, policyType: "Custom", policyName: "no-disk-reads" }));
    const diskId = await createDisk(server.ecs, { zoneId: "cn-hangzhou-h", size: 20, diskCategory: "cloud_essd" });
    const answer = await call(DISKS, "pollDiskStatuses", `/${REGION}/disks`, { regionId: REGION, diskIds: [diskId] });
    expect(answer.result).toMatchObject({
      ...FORBIDDEN_RAM,
      denied: { action: "ecs:DescribeDisks", policyName: "no-disk-reads", type: "ExplicitDeny" },
    });
  });
});

describe("DISKSEAL_CONSOLE_AUTH=required", () => {
  let locked: TestServer;
  beforeAll(async () => {
    locked = await startTestServer({ env: { DISKSEAL_CONSOLE_AUTH: "required" } });
  });
  afterAll(async () => {
    await locked?.stop();
  });

  it("sends signed-out pages and server actions to the sign-in page and changes nothing", async () => {
    for (const cookie of [undefined, "diskseal_session=forged"]) {
      const page = await fetch(`${locked.baseUrl}/cn-hangzhou/disks`, { redirect: "manual", headers: cookie ? { cookie } : {} });
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toMatch(/\/signin$/);
    }

    const before = (await describeDisks(locked.ecs, {})).totalCount;
    const answer = await postServerAction(locked.baseUrl, {
      actionId: action(DISKS, "createDisk"),
      page: `/${REGION}/disks/create`,
      args: [{ regionId: REGION, zoneId: "cn-hangzhou-h", category: "cloud_essd", sizeGiB: 20, encrypted: true }],
    });
    expect(answer.result).toBeUndefined();
    expect(answer.location ?? answer.body).toMatch(/\/signin/);
    expect((await describeDisks(locked.ecs, {})).totalCount).toBe(before);
  });

  it("answers the terminal's routes 401", async () => {
    const open = await fetch(`${locked.baseUrl}/api/terminal`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ regionId: REGION, instanceId: "i-none" }),
    });
    expect(open.status).toBe(401);
    expect(await open.json()).toEqual({ code: "InvalidSession", message: "Sign in to the console first." });
    const stream = await fetch(`${locked.baseUrl}/api/terminal/some-session?regionId=${REGION}`);
    expect(stream.status).toBe(401);
  });

  it("signs root in with its AccessKey pair only, and out again", async () => {
    const signIn = (input: unknown) =>
      postServerAction(locked.baseUrl, { actionId: action(SIGN_IN, "signIn"), page: "/signin", args: [input] });
    const wrong = await signIn({ kind: "root", accessKeyId: locked.accessKeyId, accessKeySecret: "not-the-secret" });
    expect(wrong.result).toEqual({ ok: false, code: "InvalidCredentials", message: "The logon name or password is incorrect." });
    expect(wrong.setCookie).toEqual([]);

    const right = await signIn({ kind: "root", accessKeyId: locked.accessKeyId, accessKeySecret: locked.accessKeySecret });
    const session = right.setCookie.find((line) => line.startsWith("diskseal_session="))!.split(";")[0];
    const page = await fetch(`${locked.baseUrl}/cn-hangzhou/disks`, { headers: { cookie: session }, redirect: "manual" });
    expect(page.status).toBe(200);

    await postServerAction(locked.baseUrl, { actionId: action(SIGN_IN, "signOut"), page: "/cn-hangzhou/disks", args: [], cookie: session });
    const after = await fetch(`${locked.baseUrl}/cn-hangzhou/disks`, { headers: { cookie: session }, redirect: "manual" });
    expect(after.status).toBe(307);
  });
});
