import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { boot, BootError, shutdown } from "@/lib/boot";
import { readConfig } from "@/lib/config";
import { findAccessKey, saveAccessKey } from "@/lib/account/access-keys";
import { getRuntime } from "@/lib/runtime";
import { PENDING_CREDENTIALS_SETTING } from "@/lib/emulator/settings";

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-boot-"));
const configFor = (dataDir: string, env: Record<string, string> = {}) => readConfig({ DISKSEAL_DATA_DIR: dataDir, ...env });
const mode = (file: string) => fs.statSync(file).mode & 0o777;

afterEach(async () => {
  try {
    await shutdown();
  } catch {
    // not booted
  }
});

describe("first start with nothing configured (demo mode)", () => {
  it("generates the root key, the account and a root AccessKey shown once, all 0600", async () => {
    const dir = freshDir();
    const runtime = await boot(configFor(dir));
    expect(runtime.isDemoRootKey).toBe(true);
    expect(mode(path.join(dir, "root.key"))).toBe(0o600);
    const credentials = JSON.parse(fs.readFileSync(path.join(dir, "credentials.json"), "utf8"));
    expect(mode(path.join(dir, "credentials.json"))).toBe(0o600);
    expect(Object.keys(credentials)).toEqual(["AccountId", "AccessKeyId", "AccessKeySecret"]);
    expect(credentials.AccountId).toMatch(/^[1-9]\d{15}$/);
    expect(credentials.AccountId).toBe(runtime.accountId);
    expect(credentials.AccessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);

    const key = await findAccessKey(credentials.AccessKeyId);
    expect(key).toMatchObject({ secret: credentials.AccessKeySecret, status: "Active", principal: { kind: "root" } });
    const pending = await runtime.db.setting.findUnique({ where: { key: PENDING_CREDENTIALS_SETTING } });
    expect(pending?.value).toBe(credentials.AccessKeyId);
    await shutdown();

    // The secret is stored wrapped: the database file never holds it in clear.
    const files = fs.readdirSync(dir).filter((f) => f.startsWith("diskseal.db"));
    for (const file of files) expect(fs.readFileSync(path.join(dir, file)).includes(credentials.AccessKeySecret)).toBe(false);

    // A second start keeps the account and generates nothing new.
    fs.rmSync(path.join(dir, "credentials.json"));
    const again = await boot(configFor(dir));
    expect(again.accountId).toBe(credentials.AccountId);
    expect(fs.existsSync(path.join(dir, "credentials.json"))).toBe(false);
  });
});

describe("configured start", () => {
  const rootKey = Buffer.alloc(32, 7).toString("base64");

  it("takes the root AccessKey and account from the environment and writes no file", async () => {
    const dir = freshDir();
    const runtime = await boot(
      configFor(dir, {
        DISKSEAL_ROOT_KEY: rootKey,
        DISKSEAL_ACCOUNT_ID: "1234567890123456",
        DISKSEAL_ACCESS_KEY_ID: "LTAIexampleexample01",
        DISKSEAL_ACCESS_KEY_SECRET: "example-secret",
      }),
    );
    expect(runtime).toMatchObject({ accountId: "1234567890123456", isDemoRootKey: false });
    expect(fs.existsSync(path.join(dir, "credentials.json"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "root.key"))).toBe(false);
    expect((await findAccessKey("LTAIexampleexample01"))?.secret).toBe("example-secret");
    await shutdown();

    // A changed secret in the environment updates the stored key.
    await boot(configFor(dir, { DISKSEAL_ROOT_KEY: rootKey, DISKSEAL_ACCESS_KEY_ID: "LTAIexampleexample01", DISKSEAL_ACCESS_KEY_SECRET: "rotated" }));
    expect((await findAccessKey("LTAIexampleexample01"))?.secret).toBe("rotated");
    expect(await getRuntime().db.accessKey.count()).toBe(1);
  });

  it("sees a key's change at once, although resolved keys are cached", async () => {
    const dir = freshDir();
    const runtime = await boot(configFor(dir, { DISKSEAL_ROOT_KEY: rootKey }));
    const key = { id: "LTAIcachedcached0001", secret: "s1", accountId: runtime.accountId, userName: null };
    await saveAccessKey(runtime.db, key);
    expect(await findAccessKey(key.id)).toMatchObject({ secret: "s1", status: "Active" });
    await saveAccessKey(runtime.db, { ...key, secret: "s2", status: "Inactive" });
    expect(await findAccessKey(key.id)).toMatchObject({ secret: "s2", status: "Inactive" });
  });

  it("refuses to start with a root key that did not create the data", async () => {
    const dir = freshDir();
    await boot(configFor(dir, { DISKSEAL_ROOT_KEY: rootKey }));
    await shutdown();
    const other = Buffer.alloc(32, 9).toString("base64");
    await expect(boot(configFor(dir, { DISKSEAL_ROOT_KEY: other }))).rejects.toThrow(BootError);
    await expect(boot(configFor(dir, { DISKSEAL_ROOT_KEY: other }))).rejects.toThrow(/root key does not match/);
  });

  it("refuses a malformed root key and another account id for the same data", async () => {
    const dir = freshDir();
    await expect(boot(configFor(dir, { DISKSEAL_ROOT_KEY: "c2hvcnQ=" }))).rejects.toThrow(/32 bytes/);
    await boot(configFor(dir, { DISKSEAL_ROOT_KEY: rootKey, DISKSEAL_ACCOUNT_ID: "1111111111111111" }));
    await shutdown();
    await expect(boot(configFor(dir, { DISKSEAL_ROOT_KEY: rootKey, DISKSEAL_ACCOUNT_ID: "2222222222222222" }))).rejects.toThrow(/belongs to account 1111111111111111/);
  });

  it("refuses half an AccessKey pair and a malformed account id", () => {
    expect(() => configFor(freshDir(), { DISKSEAL_ACCESS_KEY_ID: "LTAIx" })).toThrow(/both/);
    expect(() => configFor(freshDir(), { DISKSEAL_ACCOUNT_ID: "123" })).toThrow(/16 digits/);
  });
});
