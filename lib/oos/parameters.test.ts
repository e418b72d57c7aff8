import { describe, expect, it } from "vitest";
import { parseParameters, resolveAmount } from "./parameters";
import { counters, oosDate, taskProgress } from "./wire";
import { TEMPLATE_CONTENT, TEMPLATE_HASH } from "./template";
import { createHash } from "node:crypto";

const ids = { Type: "ResourceIds", ResourceIds: ["i-abcd1234"] };

describe("the template's parameters", () => {
  it("apply the template's defaults", () => {
    expect(parseParameters(JSON.stringify({ targets: ids }), "cn-hangzhou")).toEqual({
      regionId: "cn-hangzhou",
      targets: ids,
      KMSKeyId: "",
      rateControl: { Mode: "Concurrency", MaxErrors: 0, Concurrency: 10 },
      OOSAssumeRole: "",
    });
    expect(parseParameters(JSON.stringify({ regionId: "{{ ACS::RegionId }}", targets: ids }), "cn-beijing").regionId).toBe("cn-beijing");
  });

  it("take tags, percentages and a role", () => {
    const parsed = parseParameters(
      JSON.stringify({ targets: { Type: "Tags", Tags: [{ Key: "env" }] }, rateControl: { Concurrency: "50%", MaxErrors: "10%" }, OOSAssumeRole: "OOSRole" }),
      "cn-hangzhou",
    );
    expect(parsed.targets).toEqual({ Type: "Tags", Tags: [{ Key: "env", Value: "" }] });
    expect(parsed.rateControl).toEqual({ Mode: "Concurrency", Concurrency: "50%", MaxErrors: "10%" });
    expect(parsed.OOSAssumeRole).toBe("OOSRole");
  });

  it.each([
    ["not JSON", "{"],
    ["no targets", "{}"],
    ["an unknown target type", JSON.stringify({ targets: { Type: "Nope" } })],
    ["no ids", JSON.stringify({ targets: { Type: "ResourceIds", ResourceIds: [] } })],
    ["a malformed id", JSON.stringify({ targets: { Type: "ResourceIds", ResourceIds: ["d-abcd1234"] } })],
    ["another mode", JSON.stringify({ targets: ids, rateControl: { Mode: "Batch" } })],
    ["a negative concurrency", JSON.stringify({ targets: ids, rateControl: { Concurrency: -1 } })],
    ["the targets in another region", JSON.stringify({ regionId: "cn-hangzhou", targets: { ...ids, RegionId: "cn-beijing" } })],
  ])("refuse %s with InvalidParameter", (_what, text) => {
    expect(() => parseParameters(text, "cn-hangzhou")).toThrow(expect.objectContaining({ code: "InvalidParameter", httpStatus: 400 }));
  });

  it("resolve percentages against the targets", () => {
    expect(resolveAmount(10, 50)).toBe(10);
    expect(resolveAmount("20%", 50)).toBe(10);
    expect(resolveAmount("1%", 5)).toBe(1);
    expect(resolveAmount("0%", 5)).toBe(0);
    expect(resolveAmount("7", 5)).toBe(7);
  });
});

describe("the wire", () => {
  it("counts the instances' tasks: Total, Success, Failed always, others when present", () => {
    const tasks = [
      { seq: 0, status: "Success" },
      { seq: 1, status: "Success" },
      { seq: 2, status: "Skipped" },
      { seq: 3, status: "Running" },
    ];
    expect(counters(tasks)).toEqual({ Total: 3, Success: 1, Failed: 0, Running: 1, Skipped: 1 });
    expect(counters([])).toEqual({ Total: 0, Success: 0, Failed: 0 });
  });

  it("writes dates to the second, and the progress of a task by its step", () => {
    expect(oosDate(new Date("2019-05-16T10:26:14.123Z"))).toBe("2019-05-16T10:26:14Z");
    expect(oosDate(null)).toBe("");
    expect(taskProgress({ seq: 1, status: "Pending", step: "" }).progress).toBe(0);
    expect(taskProgress({ seq: 1, status: "Running", step: "stopInstance" })).toMatchObject({ stepIndex: 8, stepCount: 15, progress: 53 });
    expect(taskProgress({ seq: 1, status: "Skipped", step: "checkEncrypted" }).progress).toBe(100);
  });

  it("hashes the template's text as GetTemplate reports it", () => {
    expect(TEMPLATE_HASH).toBe(createHash("sha256").update(TEMPLATE_CONTENT).digest("hex"));
    expect(Object.keys(JSON.parse(TEMPLATE_CONTENT).Parameters)).toEqual(["regionId", "targets", "KMSKeyId", "rateControl", "OOSAssumeRole"]);
  });
});
