"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import {
  encryptedCategoryFor,
  nextMove,
  type Observed,
  type StepId,
} from "@/components/encrypt-wizard/wizard-plan";
import type {
  WizardActions,
  WizardIds,
  WizardSubject,
} from "@/components/encrypt-wizard/wizard-types";

const POLL_MS = 500;

export type WizardPhase = "setup" | "running" | "failed" | "finished";
export type WizardFailure = { step: StepId; code?: string; message?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ids in the page's URL, so a reload (or Resume after closing the tab) starts from them. */
function rememberIds(ids: Record<string, string | undefined>) {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(ids)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, "", url);
}

/**
 * Runs the wizard: observe every resource, ask the plan for the next move, start that step
 * through its server action (or wait while it progresses), and again — until every step is done,
 * or a step fails (the service's refusal, or a snapshot / image that failed), where it stops and
 * keeps what was made. Resume runs the same loop: steps whose resources exist are not started
 * again.
 */
export function useWizardRunner({
  regionId,
  subject,
  steps,
  initialIds,
  kmsKeyId,
  actions,
}: {
  regionId: string;
  subject: WizardSubject;
  steps: StepId[];
  initialIds: WizardIds;
  kmsKeyId: string;
  actions: WizardActions;
}) {
  const [phase, setPhase] = useState<WizardPhase>("setup");
  const [ids, setIds] = useState<WizardIds>(initialIds);
  const [observed, setObserved] = useState<Observed>();
  const [failure, setFailure] = useState<WizardFailure>();
  const isUnmounted = useRef(false);
  useEffect(() => {
    isUnmounted.current = false;
    return () => {
      isUnmounted.current = true;
    };
  }, []);

  const instanceId = subject.instance?.instanceId;
  const ref = { regionId };

  /** Starts one step; the ids it made, or the refusal. */
  async function startStep(step: StepId, current: WizardIds): Promise<ActionResult<WizardIds>> {
    const same = (result: ActionResult<unknown>): ActionResult<WizardIds> =>
      result.ok ? { ok: true, data: {} } : result;
    switch (step) {
      case "snapshot": {
        const result = await actions.createSnapshot({
          ...ref,
          diskId: subject.diskId,
          name: `encrypt-${subject.diskId}`,
        });
        return result.ok ? { ok: true, data: { snapshotId: result.data.snapshotId } } : result;
      }
      case "disk": {
        const category = encryptedCategoryFor(subject.category);
        const result = await actions.createDisk({
          ...ref,
          zoneId: subject.zoneId,
          category: category as "cloud_essd",
          performanceLevel:
            category === "cloud_essd"
              ? (((subject.category === "cloud_essd" && subject.performanceLevel) ||
                  "PL1") as "PL1")
              : undefined,
          sizeGiB: subject.sizeGiB,
          name: `encrypted-${subject.diskId}`,
          encrypted: true,
          kmsKeyId,
          snapshotId: current.snapshotId,
          tags: [],
        });
        return result.ok ? { ok: true, data: { newDiskId: result.data.diskId } } : result;
      }
      case "detach":
        return same(
          await actions.detachDisk({ ...ref, diskId: subject.diskId, instanceId: instanceId! }),
        );
      case "attach":
        return same(
          await actions.attachDisk({
            ...ref,
            diskId: current.newDiskId!,
            instanceId: instanceId!,
            deleteWithInstance: subject.deleteWithInstance,
          }),
        );
      case "image": {
        const result = await actions.createImage({
          ...ref,
          instanceId,
          name: `encrypt-${instanceId}`,
        });
        return result.ok ? { ok: true, data: { imageId: result.data.imageId } } : result;
      }
      case "copy": {
        const result = await actions.copyImage({
          ...ref,
          imageId: current.imageId!,
          destinationRegionId: regionId,
          name: `encrypted-${instanceId}`,
          encrypted: true,
          kmsKeyId,
        });
        return result.ok ? { ok: true, data: { copyId: result.data.imageId } } : result;
      }
      case "stop":
        return same(
          await actions.stopInstance({ ...ref, instanceId: instanceId!, forceStop: false }),
        );
      case "replace": {
        const result = await actions.replaceSystemDisk({
          ...ref,
          instanceId: instanceId!,
          imageId: current.copyId!,
          encrypted: true,
          kmsKeyId,
        });
        return result.ok ? { ok: true, data: { replacedDiskId: result.data.diskId } } : result;
      }
      case "start":
        return same(await actions.startInstance({ ...ref, instanceId: instanceId! }));
    }
  }

  async function run() {
    setPhase("running");
    setFailure(undefined);
    let current = ids;
    let started: StepId | undefined;
    while (!isUnmounted.current) {
      let seen: ActionResult<Observed>;
      try {
        seen = await actions.observe({
          ...ref,
          kind: subject.kind,
          diskId: subject.diskId,
          instanceId,
          ...current,
        });
      } catch {
        seen = { ok: false, code: "NetworkError", message: "" };
      }
      if (!seen.ok) {
        setFailure({ step: started ?? steps[0], code: seen.code, message: seen.message });
        setPhase("failed");
        return;
      }
      setObserved(seen.data);
      const move = nextMove(steps, seen.data);
      if (move.kind === "finished") {
        setPhase("finished");
        return;
      }
      if (move.kind === "failed") {
        setFailure({ step: move.step });
        setPhase("failed");
        return;
      }
      // A step that was started and still waits to begin (a status not yet moved) is not
      // started twice: the next poll sees it in progress.
      if (move.kind === "start" && started !== move.step) {
        started = move.step;
        const result = await startStep(move.step, current).catch((): ActionResult<WizardIds> => ({
          ok: false,
          code: "NetworkError",
          message: "",
        }));
        if (!result.ok) {
          setFailure({ step: move.step, code: result.code, message: result.message });
          setPhase("failed");
          return;
        }
        current = { ...current, ...result.data };
        setIds(current);
        rememberIds({ ...current, instanceId });
        continue;
      }
      await sleep(POLL_MS);
    }
  }

  return { phase, ids, observed, failure, run: () => void run() };
}
