import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, shutdown } from "@/lib/boot";
import { readConfig } from "@/lib/config";
import { getRuntime } from "@/lib/runtime";
import { recordEvent } from "@/lib/audit/record-event";
import { lookupEvents } from "@/lib/audit/lookup-events";
import { operation } from "@/lib/service/operation";
import { serviceContext, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { advanceClock } from "@/lib/clock";

let root: RequestContext;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-audit-"));
  await boot(readConfig({ DISKSEAL_DATA_DIR: dataDir, DISKSEAL_ROOT_KEY: Buffer.alloc(32, 3).toString("base64") }));
  root = { principal: { kind: "root", accountId: getRuntime().accountId }, regionId: "cn-hangzhou", requestId: "REQ-1", source: "api", sourceIp: "127.0.0.1" };
});
afterAll(() => shutdown());

describe("the audit trail", () => {
  it("records concurrent operations in one batch, each readable with Prisma's types", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordEvent(root, { eventId: `e-${i}`, service: "kms", action: "GenerateDataKey", resourceArn: `acs:kms:cn-hangzhou:1:key/k-${i % 2}`, keyId: `k-${i % 2}`, result: "Success" }),
      ),
    );
    const rows = await getRuntime().db.auditEvent.findMany({ where: { action: "GenerateDataKey" }, orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(50);
    expect(rows[0].eventTime).toBeInstanceOf(Date);
    expect(Math.abs(rows[0].eventTime.getTime() - Date.now())).toBeLessThan(10_000);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `e-${i}`));
    const page = await lookupEvents(root, { keyId: "k-1", maxResults: 100 });
    expect(page.events).toHaveLength(25);
    expect(page.events.every((e) => e.KeyId === "k-1" && e.Principal.startsWith("root@"))).toBe(true);
  });

  it("frames operations: success, the error code, and what they caused", async () => {
    const parent = await operation(root, { service: "ecs", action: "StartInstance", resourceArn: "acs:ecs:cn-hangzhou:1:instance/i-1" }, async (op) => {
      await operation(serviceContext(root, "ecs", op.eventId), { service: "kms", action: "Decrypt", resourceArn: "acs:kms:cn-hangzhou:1:key/k-9", keyId: "k-9" }, async () => "plain");
      return op.eventId;
    });
    await expect(
      operation(root, { service: "ecs", action: "RebootInstance", resourceArn: "*" }, async () => {
        throw new AppError("IncorrectInstanceStatus", "The current status of the resource does not support this operation.", 403);
      }),
    ).rejects.toThrow(AppError);

    const decrypt = (await lookupEvents(root, { action: "Decrypt" })).events[0];
    expect(decrypt).toMatchObject({ CausedBy: parent, Source: "ecs-service", Principal: "ecs.aliyuncs.com", KeyId: "k-9", RequestId: "REQ-1" });
    expect((await lookupEvents(root, { action: "RebootInstance" })).events[0].Result).toBe("IncorrectInstanceStatus");
  });

  it("filters by time on the emulator clock", async () => {
    const before = new Date(Date.now() + getRuntime().clock.offsetMs);
    await advanceClock(3600);
    await recordEvent(root, { eventId: "late", service: "ecs", action: "Later", resourceArn: "*", result: "Success" });
    const since = await lookupEvents(root, { startTime: new Date(before.getTime() + 1800_000) });
    expect(since.events.map((e) => e.EventId)).toEqual(["late"]);
    const until = await lookupEvents(root, { endTime: before, action: "Later" });
    expect(until.events).toEqual([]);
  });
});
