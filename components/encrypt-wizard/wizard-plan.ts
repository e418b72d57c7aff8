import {
  isEncryptionSupportedRegion,
  isEssdFamily,
  isRestrictedInstanceFamily,
} from "@/lib/ecs/catalog/restrictions";

/**
 * The "Encrypt this disk" wizard as pure data: which steps a disk needs, what each step's
 * state is given what exists now, and what blocks or changes the result up front. The wizard
 * never keeps its own idea of progress: every poll observes the resources (snapshot, new disk,
 * images, instance) and `nextMove` says what to do, so a step that failed, or a page that was
 * reloaded, resumes from what was already made instead of making it again.
 *
 * Data disk:   snapshot → encrypted disk from it → [detach the old, attach the new]
 * System disk: image of the instance → encrypted copy → [stop] → replace system disk → [start]
 */

export type WizardKind = "data" | "system";
export type StepId =
  "snapshot" | "disk" | "detach" | "attach" | "image" | "copy" | "stop" | "replace" | "start";
export type StepState = "waiting" | "running" | "done" | "failed";

export type WizardOptions = {
  kind: WizardKind;
  /** Data disk attached to an instance: swap the attachment once the new disk exists. */
  swap: boolean;
  /** System disk of a Running instance: start it again once the system disk is replaced. */
  restart: boolean;
};

export function planSteps(options: WizardOptions): StepId[] {
  if (options.kind === "data")
    return options.swap ? ["snapshot", "disk", "detach", "attach"] : ["snapshot", "disk"];
  return ["image", "copy", "stop", "replace", ...(options.restart ? (["start"] as const) : [])];
}

type Resource = { id: string; status: string; progress?: number };

/** What exists now, as the last poll saw it. */
export type Observed = {
  /** The disk being encrypted (gone once a system disk is replaced: released). */
  source?: { status: string; instanceId: string | null };
  instance?: { status: string; systemDiskId: string | null };
  snapshot?: Resource;
  newDisk?: Resource & { instanceId: string | null };
  image?: Resource;
  copy?: Resource;
  /** The system disk ReplaceSystemDisk made. */
  replacedDisk?: Resource;
};

const FAILED_SNAPSHOT = new Set(["failed"]);
const FAILED_IMAGE = new Set(["CreateFailed", "UnAvailable"]);

/** A step's state from what exists (in plan order, so a later step may settle an earlier one). */
export function stepState(step: StepId, seen: Observed): StepState {
  switch (step) {
    case "snapshot":
      return resourceState(seen.snapshot, (s) => s === "accomplished", FAILED_SNAPSHOT);
    case "disk":
      return resourceState(seen.newDisk, (s) => s === "Available" || s === "In_use");
    case "detach":
      if (seen.newDisk?.instanceId || seen.source?.status === "Available") return "done";
      return seen.source?.status === "Detaching" ? "running" : "waiting";
    case "attach":
      if (seen.newDisk?.status === "In_use") return "done";
      return seen.newDisk?.status === "Attaching" ? "running" : "waiting";
    case "image":
      return resourceState(seen.image, (s) => s === "Available", FAILED_IMAGE);
    case "copy":
      return resourceState(seen.copy, (s) => s === "Available", FAILED_IMAGE);
    case "stop":
      if (seen.replacedDisk || seen.instance?.status === "Stopped") return "done";
      return seen.instance?.status === "Stopping" ? "running" : "waiting";
    case "replace":
      return resourceState(seen.replacedDisk, (s) => s === "In_use");
    case "start":
      if (!seen.replacedDisk) return "waiting";
      if (seen.instance?.status === "Running") return "done";
      return seen.instance?.status === "Starting" || seen.instance?.status === "Pending"
        ? "running"
        : "waiting";
  }
}

function resourceState(
  resource: Resource | undefined,
  isDone: (status: string) => boolean,
  failed: ReadonlySet<string> = new Set(),
): StepState {
  if (!resource) return "waiting";
  if (isDone(resource.status)) return "done";
  return failed.has(resource.status) ? "failed" : "running";
}

export type Move =
  | { kind: "start"; step: StepId }
  | { kind: "wait"; step: StepId }
  | { kind: "failed"; step: StepId }
  | { kind: "finished" };

/** What to do next: start the first step not begun, wait on one in progress, or stop. */
export function nextMove(steps: readonly StepId[], seen: Observed): Move {
  for (const step of steps) {
    const state = stepState(step, seen);
    if (state === "done") continue;
    if (state === "failed") return { kind: "failed", step };
    return { kind: state === "running" ? "wait" : "start", step };
  }
  return { kind: "finished" };
}

/** A step's progress in percent, where its resource reports one (snapshots, images). */
export function stepProgress(step: StepId, seen: Observed): number | undefined {
  const resource =
    step === "snapshot"
      ? seen.snapshot
      : step === "image"
        ? seen.image
        : step === "copy"
          ? seen.copy
          : undefined;
  return resource?.progress;
}

/** What the wizard is told about the disk before it starts. */
export type WizardFacts = {
  regionId: string;
  disk: {
    type: string;
    category: string;
    encrypted: boolean;
    status: string;
    instanceId: string | null;
  };
  instance?: { instanceType: string; status: string };
};

export type Blocker =
  | "alreadyEncrypted"
  | "regionWithoutEncryption"
  | "systemCategoryNotEssd"
  | "systemFamilyRestricted"
  | "systemDiskDetached"
  | "diskBusy";
export type Caution = "dataCategoryNotEssd" | "swapFamilyRestricted";

/**
 * What stops the wizard before it starts (nothing would be made), and what it warns of: a
 * data disk that is not ESSD gets an ESSD copy (a disk from a snapshot is encrypted on the ESSD
 * family only); a restricted instance family cannot take the encrypted disk, so no swap.
 */
export function assessWizard(facts: WizardFacts): { blockers: Blocker[]; cautions: Caution[] } {
  const blockers: Blocker[] = [];
  const cautions: Caution[] = [];
  const { disk, instance } = facts;
  if (disk.encrypted) blockers.push("alreadyEncrypted");
  if (!isEncryptionSupportedRegion(facts.regionId)) blockers.push("regionWithoutEncryption");
  if (disk.status !== "Available" && disk.status !== "In_use") blockers.push("diskBusy");
  const isRestricted = instance ? isRestrictedInstanceFamily(instance.instanceType) : false;
  if (disk.type === "system") {
    if (!isEssdFamily(disk.category)) blockers.push("systemCategoryNotEssd");
    if (!disk.instanceId) blockers.push("systemDiskDetached");
    if (isRestricted) blockers.push("systemFamilyRestricted");
  } else {
    if (!isEssdFamily(disk.category)) cautions.push("dataCategoryNotEssd");
    if (disk.instanceId && isRestricted) cautions.push("swapFamilyRestricted");
  }
  return { blockers, cautions };
}

/** The encrypted disk's category: the source's when ESSD-family, else ESSD. */
export function encryptedCategoryFor(category: string): string {
  return isEssdFamily(category) ? category : "cloud_essd";
}
