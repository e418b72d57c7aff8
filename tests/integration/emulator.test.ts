import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server";

type Clock = { RequestId: string; Now: string; OffsetSeconds: number };
type Events = { Events: { EventId: string; Action: string; Principal: string; Source: string; Result: string; RequestId: string; Service: string }[]; NextToken?: string };

let server: TestServer;
const diskseal = () => server.pop("2026-11-28");

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("DiskSeal 2026-11-28 through pop-core", () => {
  it("describes and advances the emulator clock", async () => {
    const before = await diskseal().request<Clock>("DescribeEmulatorClock");
    expect(before.OffsetSeconds).toBe(0);
    expect(before.Now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(before.Now) - Date.now())).toBeLessThan(5_000);

    const after = await diskseal().request<Clock>("AdvanceEmulatorClock", { Seconds: 86_400 });
    expect(after.OffsetSeconds).toBe(86_400);
    expect(Date.parse(after.Now) - Date.parse(before.Now)).toBeGreaterThanOrEqual(86_400_000);
    expect((await diskseal().request<Clock>("DescribeEmulatorClock")).OffsetSeconds).toBe(86_400);
  });

  it.each([["0"], ["-5"], ["1.5"], ["abc"], ["999999999999"]])("refuses Seconds=%s with InvalidParameter", async (seconds) => {
    await expect(diskseal().request("AdvanceEmulatorClock", { Seconds: seconds })).rejects.toMatchObject({ code: "InvalidParameter" });
  });

  it("records operations in the audit trail, newest first, and pages through it", async () => {
    for (let i = 0; i < 5; i++) await server.pop("2014-05-26").request("DescribeRegions");
    const first = await diskseal().request<Events>("LookupEvents", { EventName: "DescribeRegions", MaxResults: 3 });
    expect(first.Events).toHaveLength(3);
    expect(first.Events[0]).toMatchObject({ Action: "DescribeRegions", Service: "ecs", Source: "api", Result: "Success" });
    expect(first.Events[0].Principal).toMatch(/^root@\d{16}$/);
    expect(first.NextToken).toBeTruthy();
    const second = await diskseal().request<Events>("LookupEvents", { EventName: "DescribeRegions", MaxResults: 3, NextToken: first.NextToken });
    expect(second.Events).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
    const ids = [...first.Events, ...second.Events].map((e) => e.EventId);
    expect(new Set(ids).size).toBe(5);

    // A failed operation is recorded with its error code.
    await expect(diskseal().request("AdvanceEmulatorClock", { Seconds: 0 })).rejects.toBeTruthy();
    await expect(server.pop("2014-05-26").request("DescribeZones", { RegionId: "xx-nowhere-1" })).rejects.toMatchObject({ code: "InvalidRegionId.NotFound" });
    const failed = await diskseal().request<Events>("LookupEvents", { EventName: "DescribeZones" });
    expect(failed.Events[0].Result).toBe("InvalidRegionId.NotFound");
  });

  it("refuses a malformed NextToken", async () => {
    await expect(diskseal().request("LookupEvents", { NextToken: "garbage" })).rejects.toMatchObject({ code: "InvalidNextToken" });
  });

  it("resets: events and clock offset gone, account and root AccessKey kept", async () => {
    await diskseal().request("AdvanceEmulatorClock", { Seconds: 3600 });
    await diskseal().request("ResetEmulator");
    const clock = await diskseal().request<Clock>("DescribeEmulatorClock");
    expect(clock.OffsetSeconds).toBe(0);
    const events = await diskseal().request<Events>("LookupEvents");
    expect(events.Events.map((e) => e.Action)).toEqual(["ResetEmulator"]);
    // The same credentials still sign.
    const regions = await server.pop("2014-05-26").request<{ Regions: { Region: unknown[] } }>("DescribeRegions");
    expect(regions.Regions.Region).toHaveLength(27);
  });
});
