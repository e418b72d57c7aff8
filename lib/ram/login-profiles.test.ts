import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { bootTestRuntime, shutdownTestRuntime } from "@/tests/openapi/runtime";
import { createLoginProfile, updateLoginProfile, verifyLoginPassword } from "./login-profiles";
import { hashPassword, isPasswordCompliant, verifyPassword } from "./password-hash";
import { createUser, updateUser } from "./users";

let dataDir: string;
let root: RequestContext;
let accountId: string;

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  accountId = getRuntime().accountId;
  root = { principal: { kind: "root", accountId }, regionId: "cn-hangzhou", requestId: "LOGIN-TEST", source: "console" };
  await createUser(root, { userName: "alice" });
  await createLoginProfile(root, { userName: "alice", password: "Corr3ct-Horse" });
  await createUser(root, { userName: "nologin" });
});
afterAll(async () => {
  await shutdownTestRuntime(dataDir);
});

describe("password hashing", () => {
  it("stores scrypt with a per-password salt, never the password", async () => {
    const a = await hashPassword("Corr3ct-Horse");
    const b = await hashPassword("Corr3ct-Horse");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("Corr3ct");
    expect(await verifyPassword("Corr3ct-Horse", a)).toBe(true);
    expect(await verifyPassword("corr3ct-horse", a)).toBe(false);
    expect(await verifyPassword("Corr3ct-Horse", "plain")).toBe(false);
    const stored = await getRuntime().db.ramLoginProfile.findUniqueOrThrow({ where: { userName: "alice" } });
    expect(stored.passwordHash).not.toContain("Corr3ct");
  });

  it.each([
    ["Abcdef1!", true],
    ["abcdef12", false],
    ["ABCdef12", true],
    ["Ab1!", false],
    ["A".repeat(31) + "b1", false],
  ])("%s compliant: %s", (password, ok) => {
    expect(isPasswordCompliant(password)).toBe(ok);
  });
});

describe("verifyLoginPassword", () => {
  it("accepts name and name@<account>.onaliyun.com with the right password", async () => {
    for (const name of ["alice", "ALICE", `alice@${accountId}.onaliyun.com`]) {
      expect(await verifyLoginPassword(name, "Corr3ct-Horse")).toEqual({
        ok: true,
        principal: { kind: "user", accountId, userName: "alice" },
        passwordResetRequired: false,
      });
    }
    expect((await getRuntime().db.ramUser.findUniqueOrThrow({ where: { name: "alice" } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it.each([
    ["a wrong password", "alice", "wrong-Pass1"],
    ["another account's domain", "alice@1111111111111111.onaliyun.com", "Corr3ct-Horse"],
    ["an unknown user", "mallory", "Corr3ct-Horse"],
    ["a user without a login profile", "nologin", "Corr3ct-Horse"],
    ["an empty name", "", "Corr3ct-Horse"],
  ])("refuses %s with one answer", async (_case, name, password) => {
    expect(await verifyLoginPassword(name, password)).toEqual({ ok: false });
  });

  it("follows password changes, reset flags and renames", async () => {
    await updateLoginProfile(root, { userName: "alice", password: "N3w-Password", passwordResetRequired: true });
    expect(await verifyLoginPassword("alice", "Corr3ct-Horse")).toEqual({ ok: false });
    expect(await verifyLoginPassword("alice", "N3w-Password")).toMatchObject({ ok: true, passwordResetRequired: true });
    await updateUser(root, { userName: "alice", newUserName: "alicia" });
    expect(await verifyLoginPassword("alice", "N3w-Password")).toEqual({ ok: false });
    expect(await verifyLoginPassword("alicia", "N3w-Password")).toMatchObject({ ok: true, principal: { userName: "alicia" } });
  });
});
