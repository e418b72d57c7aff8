import { describe, expect, it } from "vitest";
import {
  assessWizard,
  encryptedCategoryFor,
  nextMove,
  planSteps,
  stepState,
  type Observed,
} from "@/components/encrypt-wizard/wizard-plan";

const DATA = planSteps({ kind: "data", swap: true, restart: false });
const SYSTEM = planSteps({ kind: "system", swap: false, restart: true });
const attached = { status: "In_use", instanceId: "i-1" };

describe("Encrypt this disk: the steps", () => {
  it("plans the documented paths", () => {
    expect(DATA).toEqual(["snapshot", "disk", "detach", "attach"]);
    expect(planSteps({ kind: "data", swap: false, restart: false })).toEqual(["snapshot", "disk"]);
    expect(SYSTEM).toEqual(["image", "copy", "stop", "replace", "start"]);
    expect(planSteps({ kind: "system", swap: false, restart: false })).not.toContain("start");
  });

  it("a data disk: each observation moves one step on", () => {
    const walk: [Observed, ReturnType<typeof nextMove>][] = [
      [{ source: attached }, { kind: "start", step: "snapshot" }],
      [
        { source: attached, snapshot: { id: "s", status: "progressing", progress: 40 } },
        { kind: "wait", step: "snapshot" },
      ],
      [
        { source: attached, snapshot: { id: "s", status: "accomplished" } },
        { kind: "start", step: "disk" },
      ],
      [
        {
          source: attached,
          snapshot: { id: "s", status: "accomplished" },
          newDisk: { id: "d", status: "Creating", instanceId: null },
        },
        { kind: "wait", step: "disk" },
      ],
      [
        {
          source: attached,
          snapshot: { id: "s", status: "accomplished" },
          newDisk: { id: "d", status: "Available", instanceId: null },
        },
        { kind: "start", step: "detach" },
      ],
      [
        {
          source: { status: "Detaching", instanceId: "i-1" },
          snapshot: { id: "s", status: "accomplished" },
          newDisk: { id: "d", status: "Available", instanceId: null },
        },
        { kind: "wait", step: "detach" },
      ],
      [
        {
          source: { status: "Available", instanceId: null },
          snapshot: { id: "s", status: "accomplished" },
          newDisk: { id: "d", status: "Available", instanceId: null },
        },
        { kind: "start", step: "attach" },
      ],
      [
        {
          source: { status: "Available", instanceId: null },
          snapshot: { id: "s", status: "accomplished" },
          newDisk: { id: "d", status: "In_use", instanceId: "i-1" },
        },
        { kind: "finished" },
      ],
    ];
    for (const [seen, move] of walk) expect(nextMove(DATA, seen)).toEqual(move);
  });

  it("a failed snapshot or image stops the wizard at that step", () => {
    expect(nextMove(DATA, { snapshot: { id: "s", status: "failed" } })).toEqual({
      kind: "failed",
      step: "snapshot",
    });
    const seen = {
      image: { id: "m", status: "Available" },
      copy: { id: "c", status: "CreateFailed" },
    };
    expect(nextMove(SYSTEM, seen)).toEqual({ kind: "failed", step: "copy" });
  });

  it("a system disk: stop, replace, start — the stop counts as done once replaced", () => {
    const images = {
      image: { id: "m", status: "Available" },
      copy: { id: "c", status: "Available" },
    };
    expect(
      nextMove(SYSTEM, { ...images, instance: { status: "Running", systemDiskId: "d-old" } }),
    ).toEqual({
      kind: "start",
      step: "stop",
    });
    expect(
      nextMove(SYSTEM, { ...images, instance: { status: "Stopped", systemDiskId: "d-old" } }),
    ).toEqual({
      kind: "start",
      step: "replace",
    });
    const replaced = { ...images, replacedDisk: { id: "d-new", status: "In_use" } };
    expect(
      nextMove(SYSTEM, { ...replaced, instance: { status: "Stopped", systemDiskId: "d-new" } }),
    ).toEqual({
      kind: "start",
      step: "start",
    });
    expect(
      stepState("stop", { ...replaced, instance: { status: "Running", systemDiskId: "d-new" } }),
    ).toBe("done");
    expect(
      nextMove(SYSTEM, { ...replaced, instance: { status: "Running", systemDiskId: "d-new" } }),
    ).toEqual({
      kind: "finished",
    });
  });
});

describe("Encrypt this disk: what is known up front", () => {
  const base = {
    regionId: "cn-hangzhou",
    disk: {
      type: "data",
      category: "cloud_essd",
      encrypted: false,
      status: "In_use",
      instanceId: "i-1",
    },
    instance: { instanceType: "ecs.g7.large", status: "Running" },
  };

  it("an ESSD data disk on an ordinary family: nothing to warn of", () => {
    expect(assessWizard(base)).toEqual({ blockers: [], cautions: [] });
  });

  it("a data disk that is not ESSD becomes ESSD; a restricted family gets no swap", () => {
    const result = assessWizard({
      ...base,
      disk: { ...base.disk, category: "cloud_efficiency" },
      instance: { instanceType: "ecs.ebmg5.24xlarge", status: "Running" },
    });
    expect(result).toEqual({
      blockers: [],
      cautions: ["dataCategoryNotEssd", "swapFamilyRestricted"],
    });
    expect(encryptedCategoryFor("cloud_efficiency")).toBe("cloud_essd");
    expect(encryptedCategoryFor("cloud_auto")).toBe("cloud_auto");
  });

  it("a system disk needs ESSD, an ordinary family and its instance", () => {
    const system = { ...base, disk: { ...base.disk, type: "system", category: "cloud_ssd" } };
    expect(assessWizard(system).blockers).toEqual(["systemCategoryNotEssd"]);
    expect(
      assessWizard({
        ...system,
        disk: { ...system.disk, category: "cloud_essd" },
        instance: { instanceType: "ecs.scch5.16xlarge", status: "Stopped" },
      }).blockers,
    ).toEqual(["systemFamilyRestricted"]);
  });

  it("encrypted disks, regions without encryption and busy disks are refused", () => {
    expect(assessWizard({ ...base, disk: { ...base.disk, encrypted: true } }).blockers).toContain(
      "alreadyEncrypted",
    );
    expect(assessWizard({ ...base, regionId: "cn-nanjing" }).blockers).toContain(
      "regionWithoutEncryption",
    );
    expect(
      assessWizard({ ...base, disk: { ...base.disk, status: "Attaching" } }).blockers,
    ).toContain("diskBusy");
  });
});
