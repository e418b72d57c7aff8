import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ram } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { refusalOf } from "../helpers/ram";

/**
 * RAM identities through the official RAM SDK: users, AccessKeys, login profiles and groups —
 * every action, its wire shape, and its refusals with RAM's codes, statuses and messages.
 */
let server: TestServer;
let ram: TestServer["ram"];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

beforeAll(async () => {
  server = await startTestServer();
  ram = server.ram;
});
afterAll(async () => {
  await server?.stop();
});

describe("users", () => {
  it("CreateUser, GetUser, ListUsers with paging, UpdateUser (rename), DeleteUser", async () => {
    const created = (
      await ram.createUser(new $Ram.CreateUserRequest({ userName: "alice", displayName: "Alice", email: "alice@example.com", mobilePhone: "86-18688888888", comments: "ops" }))
    ).body!.user!;
    expect(created).toMatchObject({ userName: "alice", displayName: "Alice", email: "alice@example.com", mobilePhone: "86-18688888888", comments: "ops" });
    expect(created.userId).toMatch(/^[1-9]\d{15}$/);
    expect(created.createDate).toMatch(ISO);

    const got = (await ram.getUser(new $Ram.GetUserRequest({ userName: "ALICE" }))).body!.user!;
    expect(got).toMatchObject({ userName: "alice", userId: created.userId, updateDate: expect.stringMatching(ISO) });

    await ram.createUser(new $Ram.CreateUserRequest({ userName: "bob" }));
    await ram.createUser(new $Ram.CreateUserRequest({ userName: "carol.c-1_x" }));
    const first = (await ram.listUsers(new $Ram.ListUsersRequest({ maxItems: 2 }))).body!;
    expect(first.users!.user!.map((u) => u.userName)).toEqual(["alice", "bob"]);
    expect(first.isTruncated).toBe(true);
    const rest = (await ram.listUsers(new $Ram.ListUsersRequest({ maxItems: 2, marker: first.marker }))).body!;
    expect(rest.users!.user!.map((u) => u.userName)).toEqual(["carol.c-1_x"]);
    expect(rest.isTruncated).toBe(false);
    expect(rest.users!.user![0].displayName).toBe("carol.c-1_x");

    const renamed = (await ram.updateUser(new $Ram.UpdateUserRequest({ userName: "bob", newUserName: "robert", newComments: "renamed" }))).body!.user!;
    expect(renamed).toMatchObject({ userName: "robert", comments: "renamed" });
    expect((await refusalOf(ram.getUser(new $Ram.GetUserRequest({ userName: "bob" }))))).toMatchObject({ code: "EntityNotExist.User", statusCode: 404, message: "The user does not exist." });

    await ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "robert" }));
    expect((await refusalOf(ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "robert" })))).code).toBe("EntityNotExist.User");
  });

  it.each([
    ["a duplicate name (any case)", { userName: "Alice" }, "EntityAlreadyExists.User", 409, "The user does already EXIST."],
    ["invalid characters", { userName: "al ice" }, "InvalidParameter.UserName.InvalidChars", 400, 'The parameter - "UserName" contains invalid chars.'],
    ["a name too long", { userName: "a".repeat(65) }, "InvalidParameter.UserName.Length", 400, 'The parameter - "UserName" beyond the length limit.'],
    ["a display name too long", { userName: "dan", displayName: "d".repeat(129) }, "InvalidParameter.DisplayName.Length", 400, undefined],
    ["a malformed phone", { userName: "dan", mobilePhone: "12345" }, "InvalidParameter.MobilePhone.Format", 400, 'The format of the parameter - "MobilePhone" is incorrect.'],
    ["a malformed email", { userName: "dan", email: "nope" }, "InvalidParameter.Email.Format", 400, undefined],
    ["comments too long", { userName: "dan", comments: "c".repeat(129) }, "InvalidParameter.Comments.Length", 400, undefined],
    ["no name", {}, "MissingParameter", 400, undefined],
  ])("CreateUser refuses %s", async (_name, params, code, statusCode, message) => {
    const refusal = await refusalOf(ram.createUser(new $Ram.CreateUserRequest(params)));
    expect(refusal).toMatchObject({ code, statusCode, ...(message ? { message } : {}) });
    expect((await refusalOf(ram.getUser(new $Ram.GetUserRequest({ userName: "dan" })))).code).toBe("EntityNotExist.User");
  });

  it("UpdateUser refuses a rename onto another user and an unknown user", async () => {
    await ram.createUser(new $Ram.CreateUserRequest({ userName: "erin" }));
    expect(await refusalOf(ram.updateUser(new $Ram.UpdateUserRequest({ userName: "erin", newUserName: "alice" })))).toMatchObject({ code: "EntityAlreadyExists.User", statusCode: 409 });
    expect((await refusalOf(ram.updateUser(new $Ram.UpdateUserRequest({ userName: "nobody", newComments: "x" })))).code).toBe("EntityNotExist.User");
    expect((await ram.getUser(new $Ram.GetUserRequest({ userName: "erin" }))).body!.user!.userName).toBe("erin");
  });
});

describe("AccessKeys", () => {
  it("are created with a one-time secret, at most two, listed without it, deactivated and deleted", async () => {
    await ram.createUser(new $Ram.CreateUserRequest({ userName: "keyed" }));
    const first = (await ram.createAccessKey(new $Ram.CreateAccessKeyRequest({ userName: "keyed" }))).body!.accessKey!;
    expect(first).toMatchObject({ status: "Active", createDate: expect.stringMatching(ISO) });
    expect(first.accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
    expect(first.accessKeySecret).toMatch(/^[A-Za-z0-9]{30}$/);
    const second = (await ram.createAccessKey(new $Ram.CreateAccessKeyRequest({ userName: "keyed" }))).body!.accessKey!;
    expect(await refusalOf(ram.createAccessKey(new $Ram.CreateAccessKeyRequest({ userName: "keyed" })))).toMatchObject({
      code: "LimitExceeded.User.AccessKey",
      statusCode: 409,
      message: "The access key count of the user access keys beyond the current limits.",
    });

    const listed = (await ram.listAccessKeys(new $Ram.ListAccessKeysRequest({ userName: "keyed" }))).body!.accessKeys!.accessKey!;
    expect(listed.map((k) => k.accessKeyId).sort()).toEqual([first.accessKeyId, second.accessKeyId].sort());
    expect(listed.every((k) => !("accessKeySecret" in k) || k.accessKeySecret === undefined)).toBe(true);

    await ram.updateAccessKey(new $Ram.UpdateAccessKeyRequest({ userName: "keyed", userAccessKeyId: first.accessKeyId, status: "Inactive" }));
    const after = (await ram.listAccessKeys(new $Ram.ListAccessKeysRequest({ userName: "keyed" }))).body!.accessKeys!.accessKey!;
    expect(after.find((k) => k.accessKeyId === first.accessKeyId)?.status).toBe("Inactive");

    expect(await refusalOf(ram.updateAccessKey(new $Ram.UpdateAccessKeyRequest({ userName: "keyed", userAccessKeyId: "LTAInope", status: "Active" })))).toMatchObject({
      code: "EntityNotExist.User.AccessKey",
      statusCode: 404,
      message: "The user access key does not exist.",
    });
    expect((await refusalOf(ram.updateAccessKey(new $Ram.UpdateAccessKeyRequest({ userName: "keyed", userAccessKeyId: first.accessKeyId, status: "Paused" })))).code).toBe("InvalidParameter");
    // The root key is not a user's key.
    expect((await refusalOf(ram.deleteAccessKey(new $Ram.DeleteAccessKeyRequest({ userName: "keyed", userAccessKeyId: server.accessKeyId })))).code).toBe("EntityNotExist.User.AccessKey");

    expect(await refusalOf(ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "keyed" })))).toMatchObject({
      code: "DeleteConflict.User.AccessKey",
      statusCode: 409,
      message: "The user CAN NOT has any access key while deleting the user.",
    });
    await ram.deleteAccessKey(new $Ram.DeleteAccessKeyRequest({ userName: "keyed", userAccessKeyId: first.accessKeyId }));
    await ram.deleteAccessKey(new $Ram.DeleteAccessKeyRequest({ userName: "keyed", userAccessKeyId: second.accessKeyId }));
    expect((await ram.listAccessKeys(new $Ram.ListAccessKeysRequest({ userName: "keyed" }))).body!.accessKeys!.accessKey).toEqual([]);
    await ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "keyed" }));
  });

  it("need a user: unknown → EntityNotExist.User; the root account must name one", async () => {
    expect((await refusalOf(ram.createAccessKey(new $Ram.CreateAccessKeyRequest({ userName: "ghost" })))).code).toBe("EntityNotExist.User");
    expect((await refusalOf(ram.createAccessKey(new $Ram.CreateAccessKeyRequest({})))).code).toBe("MissingParameter");
  });
});

describe("login profiles", () => {
  it("CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile", async () => {
    await ram.createUser(new $Ram.CreateUserRequest({ userName: "consoler" }));
    expect(await refusalOf(ram.getLoginProfile(new $Ram.GetLoginProfileRequest({ userName: "consoler" })))).toMatchObject({
      code: "EntityNotExist.User.LoginProfile",
      statusCode: 404,
      message: "The user login profile does not exist.",
    });
    const created = (
      await ram.createLoginProfile(new $Ram.CreateLoginProfileRequest({ userName: "consoler", password: "Str0ng-Pass", passwordResetRequired: true }))
    ).body!.loginProfile!;
    expect(created).toMatchObject({ userName: "consoler", passwordResetRequired: true, MFABindRequired: false, createDate: expect.stringMatching(ISO) });
    expect(await refusalOf(ram.createLoginProfile(new $Ram.CreateLoginProfileRequest({ userName: "consoler", password: "Str0ng-Pass" })))).toMatchObject({
      code: "EntityAlreadyExists.User.LoginProfile",
      statusCode: 409,
    });
    await ram.updateLoginProfile(new $Ram.UpdateLoginProfileRequest({ userName: "consoler", password: "An0ther-Pass", passwordResetRequired: false }));
    expect((await ram.getLoginProfile(new $Ram.GetLoginProfileRequest({ userName: "consoler" }))).body!.loginProfile).toMatchObject({
      userName: "consoler",
      passwordResetRequired: false,
    });
    expect(await refusalOf(ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "consoler" })))).toMatchObject({ code: "DeleteConflict.User.LoginProfile", statusCode: 409 });
    await ram.deleteLoginProfile(new $Ram.DeleteLoginProfileRequest({ userName: "consoler" }));
    expect((await refusalOf(ram.deleteLoginProfile(new $Ram.DeleteLoginProfileRequest({ userName: "consoler" })))).code).toBe("EntityNotExist.User.LoginProfile");
    await ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "consoler" }));
  });

  it.each(["short1!", "alllowercase", "NoDigitsOrSymbols", "x".repeat(33) + "A1"])("refuses the weak password %s", async (password) => {
    await ram.createUser(new $Ram.CreateUserRequest({ userName: `weak${password.length}` })).catch(() => undefined);
    expect(await refusalOf(ram.createLoginProfile(new $Ram.CreateLoginProfileRequest({ userName: `weak${password.length}`, password })))).toMatchObject({
      code: "InvalidParameter.Password.TooWeak",
      statusCode: 400,
      message: 'The parameter - "Password" is not compliant with the password policy.',
    });
  });
});

describe("groups", () => {
  it("CreateGroup, GetGroup, ListGroups, UpdateGroup, memberships, DeleteGroup", async () => {
    const group = (await ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "ops", comments: "operators" }))).body!.group!;
    expect(group).toMatchObject({ groupName: "ops", comments: "operators", createDate: expect.stringMatching(ISO) });
    expect(await refusalOf(ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "OPS" })))).toMatchObject({
      code: "EntityAlreadyExists.Group",
      statusCode: 409,
      message: "The group does already EXIST.",
    });
    expect((await refusalOf(ram.createGroup(new $Ram.CreateGroupRequest({ groupName: "bad name" })))).code).toBe("InvalidParameter.GroupName.InvalidChars");
    expect((await ram.getGroup(new $Ram.GetGroupRequest({ groupName: "ops" }))).body!.group).toMatchObject({ groupName: "ops", updateDate: expect.stringMatching(ISO) });
    expect((await ram.listGroups(new $Ram.ListGroupsRequest({}))).body!.groups!.group!.map((g) => g.groupName)).toEqual(["ops"]);

    await ram.createUser(new $Ram.CreateUserRequest({ userName: "member" }));
    await ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ userName: "member", groupName: "ops" }));
    expect(await refusalOf(ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ userName: "member", groupName: "ops" })))).toMatchObject({
      code: "EntityAlreadyExists.User.Group",
      statusCode: 409,
      message: "The user has already joined the group.",
    });
    expect((await refusalOf(ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ userName: "ghost", groupName: "ops" })))).code).toBe("EntityNotExist.User");
    expect((await refusalOf(ram.addUserToGroup(new $Ram.AddUserToGroupRequest({ userName: "member", groupName: "ghosts" })))).code).toBe("EntityNotExist.Group");

    const groups = (await ram.listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName: "member" }))).body!.groups!.group!;
    expect(groups).toEqual([expect.objectContaining({ groupName: "ops", comments: "operators", joinDate: expect.stringMatching(ISO) })]);
    const users = (await ram.listUsersForGroup(new $Ram.ListUsersForGroupRequest({ groupName: "ops" }))).body!;
    expect(users.users!.user).toEqual([expect.objectContaining({ userName: "member", displayName: "member", joinDate: expect.stringMatching(ISO) })]);
    expect(users.isTruncated).toBe(false);

    // A rename carries the membership along.
    await ram.updateGroup(new $Ram.UpdateGroupRequest({ groupName: "ops", newGroupName: "operators", newComments: "renamed" }));
    expect((await ram.listGroupsForUser(new $Ram.ListGroupsForUserRequest({ userName: "member" }))).body!.groups!.group!.map((g) => g.groupName)).toEqual(["operators"]);

    expect(await refusalOf(ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "member" })))).toMatchObject({
      code: "DeleteConflict.User.Group",
      statusCode: 409,
      message: "The user CAN NOT be in any group while deleting the user.",
    });
    expect(await refusalOf(ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "operators" })))).toMatchObject({ code: "DeleteConflict.Group.User", statusCode: 409 });

    await ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ userName: "member", groupName: "operators" }));
    expect(await refusalOf(ram.removeUserFromGroup(new $Ram.RemoveUserFromGroupRequest({ userName: "member", groupName: "operators" })))).toMatchObject({
      code: "EntityNotExist.User.Group",
      statusCode: 404,
      message: "The user has not joined the group.",
    });
    await ram.deleteGroup(new $Ram.DeleteGroupRequest({ groupName: "operators" }));
    expect((await refusalOf(ram.getGroup(new $Ram.GetGroupRequest({ groupName: "operators" })))).code).toBe("EntityNotExist.Group");
    await ram.deleteUser(new $Ram.DeleteUserRequest({ userName: "member" }));
  });
});

describe("the audit trail", () => {
  it("records RAM writes with their results", async () => {
    const { Events } = await server.pop("2026-11-28").request<{ Events: { Action: string; Result: string; Service: string; ResourceArn: string }[] }>(
      "LookupEvents",
      { EventName: "CreateUser", MaxResults: 50 },
    );
    expect(Events.some((e) => e.Result === "Success" && e.Service === "ram" && /:user\/alice$/.test(e.ResourceArn))).toBe(true);
    expect(Events.some((e) => e.Result === "EntityAlreadyExists.User")).toBe(true);
  });
});
