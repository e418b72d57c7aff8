import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, shutdown } from "@/lib/boot";
import { readConfig } from "@/lib/config";
import { getRuntime } from "@/lib/runtime";
import type { RequestContext } from "@/lib/context";
import { acknowledgeRootCredentials, getPendingRootCredentials } from "@/lib/account/credentials";
import { resetEmulator } from "@/lib/emulator/reset-emulator";
import { lookupEvents } from "@/lib/audit/lookup-events";

let dataDir: string;
let root: RequestContext;
let alice: RequestContext;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-credentials-"));
  await boot(readConfig({ DISKSEAL_DATA_DIR: dataDir }));
  const accountId = getRuntime().accountId;
  const base = {
    regionId: "cn-hangzhou",
    requestId: "REQ-1",
    source: "console" as const,
    sourceIp: "127.0.0.1",
  };
  root = { ...base, principal: { kind: "root", accountId } };
  alice = { ...base, principal: { kind: "user", accountId, userName: "alice" } };
});
afterAll(() => shutdown());

describe("the generated root AccessKey, shown once", () => {
  it("is the pair boot wrote to credentials.json", async () => {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, "credentials.json"), "utf8"));
    expect(await getPendingRootCredentials(root)).toEqual({
      accountId: saved.AccountId,
      accessKeyId: saved.AccessKeyId,
      accessKeySecret: saved.AccessKeySecret,
      credentialsFile: path.join(dataDir, "credentials.json"),
    });
  });

  it("is never shown to a RAM user, who cannot acknowledge it either", async () => {
    expect(await getPendingRootCredentials(alice)).toBeUndefined();
    await expect(acknowledgeRootCredentials(alice)).rejects.toMatchObject({
      code: "Forbidden.RAM",
      httpStatus: 403,
    });
    expect(await getPendingRootCredentials(root)).toBeDefined();
  });

  it("survives a reset of the emulator", async () => {
    await resetEmulator(root);
    expect(await getPendingRootCredentials(root)).toBeDefined();
  });

  it("is gone for good once acknowledged, and the acknowledgement is audited", async () => {
    await acknowledgeRootCredentials(root);
    expect(await getPendingRootCredentials(root)).toBeUndefined();
    await acknowledgeRootCredentials(root);
    const { events } = await lookupEvents(root, { action: "AcknowledgeRootCredentials" });
    expect(events.map((e) => e.Result)).toEqual(["Success", "Success"]);
  });
});
