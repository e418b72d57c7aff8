import { describe, expect, it } from "vitest";
import { commandOsType, legacyInvokeStatus, overallStatus, recordStatus, tailBytes } from "@/lib/ecs/cloud-assistant/invocation-status";

describe("an invocation's overall status (api-extras.md §5.2)", () => {
  it.each([
    [["Success", "Running"], "Running"],
    [["Pending", "Running"], "Pending"],
    [["Success", "Success"], "Success"],
    [["Success", "Terminated"], "Success"],
    [["Failed", "Timeout"], "Failed"],
    [["Aborted", "Terminated"], "Failed"],
    [["Terminated", "Cancelled"], "Stopped"],
    [["Success", "Failed"], "PartialFailed"],
    [["Success", "Aborted", "Terminated"], "PartialFailed"],
  ])("%j → %s", (statuses, expected) => {
    expect(overallStatus(statuses)).toBe(expected);
  });

  it("maps to the legacy InvokeStatus and to each result's InvokeRecordStatus", () => {
    expect(legacyInvokeStatus("Success")).toBe("Finished");
    expect(legacyInvokeStatus("Pending")).toBe("Running");
    expect(legacyInvokeStatus("PartialFailed")).toBe("PartialFailed");
    expect([recordStatus("Running"), recordStatus("Failed"), recordStatus("Timeout"), recordStatus("Aborted"), recordStatus("Terminated")]).toEqual([
      "Running",
      "Finished",
      "Finished",
      "Failed",
      "Stopped",
    ]);
  });

  it("runs shell scripts on Linux, PowerShell and batch on Windows", () => {
    expect([commandOsType("RunShellScript"), commandOsType("RunPowerShellScript"), commandOsType("RunBatScript")]).toEqual(["linux", "windows", "windows"]);
  });
});

describe("output", () => {
  it("keeps the last bytes, never splitting a UTF-8 character, and counts what it dropped", () => {
    expect(tailBytes("abcdef", 4)).toEqual({ text: "cdef", dropped: 2 });
    expect(tailBytes("short", 24)).toEqual({ text: "short", dropped: 0 });
    expect(tailBytes("a中b", 4)).toEqual({ text: "中b", dropped: 1 });
    expect(tailBytes("a中b", 3)).toEqual({ text: "b", dropped: 4 });
  });
});
