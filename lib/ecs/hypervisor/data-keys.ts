import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import type { Disk } from "@/lib/generated/prisma/client";
import { requestId } from "@/lib/ids";
import { readKey } from "@/lib/kms/key-cache";
import { effectiveKeyState, isKeyGone } from "@/lib/kms/key-states";
import { getRuntime } from "@/lib/runtime";
import type { Medium } from "@/lib/storage";
import { openDiskDevice, unwrapDataKey } from "@/lib/ecs/disks/data-key";

/**
 * Where the data keys of one power-on come from. The API calls that need them (RunInstances,
 * StartInstance, RebootInstance, AttachDisk) unwrap them first, so that a key that is not
 * Enabled refuses the call at once, and hand them over in `keys`; an in-guest reboot and a
 * server restart have none and ask KMS here, as the ECS service (audited, CausedBy `causedBy`).
 */
export type KeySource = {
  ctx?: RequestContext;
  /** The EventId of the API operation that powers the instance on, if one does. */
  causedBy: string | undefined;
  /** Plaintext data keys by disk id; each is zeroed once its medium holds its own copy. */
  keys?: Map<string, Buffer>;
};

/** Why a disk's I/O waits: KMS refused its data key (the key is not Enabled, or is gone). */
export type DiskHang = { code: string; message: string; since: Date };

/** How often a hung disk checks whether its key is usable again (no KMS call, no audit row). */
export const KEY_RETRY_MS = 1000;

/** Opens the disk's medium with its key (zeroed here); null if the power cycle ended meanwhile. */
export async function openMediumFor(
  disk: Disk,
  key: Buffer | undefined,
  isCurrent: () => boolean,
): Promise<Medium | null> {
  try {
    if (!isCurrent()) return null;
    const medium = await openDiskDevice(disk, key);
    if (isCurrent()) return medium;
    await closeMedium(medium);
    return null;
  } catch (error) {
    console.error(`hypervisor: cannot open the medium of ${disk.id}`, error);
    return null;
  } finally {
    key?.fill(0);
  }
}

/**
 * Asks KMS (Decrypt, as ECS) for the disk's data key until it gets it or the power cycle ends.
 * While KMS refuses, the disk's I/O waits (the guest hangs) and `onRefused` reports why; the
 * key's state is then watched every KEY_RETRY_MS without calling KMS, and Decrypt is asked
 * again as soon as the key is Enabled — so the boot goes on within about a second.
 */
export async function fetchDataKey(
  disk: Disk,
  source: KeySource,
  isCurrent: () => boolean,
  hooks: { onRefused: (hang: DiskHang) => void },
): Promise<Medium | null> {
  const ctx = source.ctx ?? ecsContext(disk.regionId);
  for (let attempt = 0; isCurrent(); attempt++) {
    if (attempt > 0) {
      for (let waited = 0; waited < KEY_RETRY_MS && isCurrent(); waited += KEY_RETRY_MS / 10) await sleep(KEY_RETRY_MS / 10);
      if (!isCurrent()) return null;
      if (!(await isKeyUsable(disk.kmsKeyId))) continue;
    }
    let key: Buffer;
    try {
      key = await unwrapDataKey(ctx, disk, source.causedBy);
    } catch (error) {
      if (!isCurrent()) return null;
      if (!isAppError(error)) console.error(`hypervisor: data key of ${disk.id}`, error);
      hooks.onRefused({
        code: isAppError(error) ? error.code : "InternalError",
        message: error instanceof Error ? error.message : String(error),
        since: now(),
      });
      continue;
    }
    return openMediumFor(disk, key, isCurrent);
  }
  return null;
}

async function isKeyUsable(kmsKeyId: string | null): Promise<boolean> {
  if (!kmsKeyId) return false;
  const key = await readKey(kmsKeyId).catch(() => null);
  if (!key) return false;
  const at = now();
  return !isKeyGone(key, at) && effectiveKeyState(key, at) === "Enabled";
}

/** Flushes and closes a medium (its copy of the data key is zeroed); errors are logged. */
export async function closeMedium(medium: Medium | null): Promise<void> {
  if (!medium) return;
  try {
    await medium.flush();
  } catch (error) {
    console.error(`hypervisor: flush of ${medium.dir} failed`, error);
  }
  await medium.close().catch((error: unknown) => console.error(`hypervisor: close of ${medium.dir} failed`, error));
}

/** The ECS service acting on its own (an in-guest reboot, a server restart): no API call behind it. */
export function ecsContext(regionId: string): RequestContext {
  return {
    principal: { kind: "service", accountId: getRuntime().accountId, service: "ecs" },
    regionId,
    requestId: requestId(),
    source: "ecs-service",
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
