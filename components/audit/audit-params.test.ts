import { describe, expect, it } from "vitest";
import { auditHref, lookupInputOf, newerHref, olderHref, parseAuditParams, resourceArnOf } from "./audit-params";

describe("the Audit page's URL", () => {
  it("keeps the filters it can use and drops the rest", () => {
    const params = parseAuditParams({ principal: " root@1 ", action: "CreateDisk", from: "2026-11-29T01:00", to: "yesterday", token: "a b", result: "" });
    expect(params).toEqual({ principal: "root@1", action: "CreateDisk", resource: undefined, key: undefined, result: undefined, from: "2026-11-29T01:00", to: undefined, event: undefined, token: undefined, back: [] });
    expect(auditHref("cn-hangzhou", params)).toBe("/cn-hangzhou/audit?principal=root%401&action=CreateDisk&from=2026-11-29T01%3A00");
  });

  it("pages older and back newer through the tokens it has seen", () => {
    const first = parseAuditParams({ action: "Decrypt" });
    const second = parseAuditParams(Object.fromEntries(new URL(olderHref("r", first, "T1"), "http://x").searchParams));
    expect(second).toMatchObject({ token: "T1", back: [""] });
    const third = parseAuditParams(Object.fromEntries(new URL(olderHref("r", second, "T2"), "http://x").searchParams));
    expect(third).toMatchObject({ token: "T2", back: ["", "T1"], action: "Decrypt" });
    expect(newerHref("r", third)).toBe("/r/audit?action=Decrypt&token=T1");
    expect(newerHref("r", second)).toBe("/r/audit?action=Decrypt");
    expect(newerHref("r", first)).toBeUndefined();
  });

  it("makes a resource id an ARN of the page's region, and times UTC with the whole minute", () => {
    expect(resourceArnOf("d-abc", "cn-beijing", "123")).toBe("acs:ecs:cn-beijing:123:disk/d-abc");
    expect(resourceArnOf("key-xyz", "cn-beijing", "123")).toBe("acs:kms:cn-beijing:123:key/key-xyz");
    expect(resourceArnOf("acs:ecs:cn-hangzhou:1:instance/i-1", "cn-beijing", "123")).toBe("acs:ecs:cn-hangzhou:1:instance/i-1");
    const input = lookupInputOf(parseAuditParams({ from: "2026-11-29T01:00", to: "2026-11-29T02:00", result: "Failed" }), "r", "1");
    expect(input.startTime?.toISOString()).toBe("2026-11-29T01:00:00.000Z");
    expect(input.endTime?.toISOString()).toBe("2026-11-29T02:00:59.999Z");
    expect(input.result).toBe("Failed");
  });
});

describe("resourceHref", () => {
  it("links disks, instances and keys in their region; nothing for wildcards", async () => {
    const { resourceHref } = await import("./resource-href");
    expect(resourceHref("acs:ecs:cn-beijing:123:disk/d-abc")).toBe("/cn-beijing/disks/d-abc");
    expect(resourceHref("acs:ecs:cn-beijing:123:instance/i-abc")).toBe("/cn-beijing/instances/i-abc");
    expect(resourceHref("acs:kms:cn-hangzhou:123:key/key-abc")).toBe("/cn-hangzhou/kms/keys/key-abc");
    expect(resourceHref("acs:ecs:cn-hangzhou:123:disk/*")).toBeUndefined();
    expect(resourceHref("*")).toBeUndefined();
  });
});
