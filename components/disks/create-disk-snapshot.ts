import { isEssdFamily } from "@/lib/ecs/catalog/restrictions";
import {
  SERVICE_KEY_OPTION,
  type CreateDiskFormState,
} from "@/components/disks/create-disk-schema";

/**
 * Create disk › Create from snapshot, as pure rules: what the chosen snapshot makes of the form
 * (encryption locked on, its key preselected, a size floor) and which of CreateDisk's refusals
 * would follow from the form as it stands — each shown as an inline notice before anything is
 * sent (ecs-kms-semantics.md "Disks from snapshots"). The service checks all of them again.
 */

/** What the page knows of a snapshot a disk may be created from. */
export type SnapshotSource = {
  snapshotId: string;
  name: string;
  status: string;
  /** The source disk's size: a disk from the snapshot is at least this large. */
  sizeGiB: number;
  encrypted: boolean;
  kmsKeyId: string | null;
  /** Whether its key is the region's service key (`alias/acs/ecs`). */
  isServiceKey: boolean;
  /** The key's state (Enabled, Disabled, PendingDeletion, …), when encrypted and readable. */
  keyState?: string;
  keyAlias?: string;
};

export type SnapshotRules = {
  /** From an encrypted snapshot the disk must be encrypted: the checkbox is ticked and locked. */
  mustEncrypt: boolean;
  /** An unencrypted snapshot's disk, encrypted: only the ESSD family (NotSupportSnapshotEncrypted.DiskCategory). */
  isCategoryNotEssd: boolean;
  /** The snapshot's key is not Enabled: its data cannot be read (InvalidParameter.KMSKeyId.CMKNotEnabled). */
  isKeyNotEnabled: boolean;
  /** Another key than the snapshot's: the data is re-encrypted under a new data key. */
  isReKeyed: boolean;
  /** The size is below the snapshot's source disk. */
  isSizeBelowSnapshot: boolean;
  /** Only an accomplished snapshot can make a disk. */
  isNotReady: boolean;
  /** Any of the above that would make CreateDisk refuse. */
  isBlocked: boolean;
};

/** The key selector's value for a snapshot's key (the service key has its own option). */
export function snapshotKeyOption(snapshot: SnapshotSource): string {
  return snapshot.isServiceKey || !snapshot.kmsKeyId ? SERVICE_KEY_OPTION : snapshot.kmsKeyId;
}

/**
 * The form once a snapshot is chosen: encrypted with the snapshot's key when it is encrypted,
 * and at least the snapshot's size. No snapshot: the form as it was, with the snapshot cleared.
 */
export function withSnapshot(
  state: CreateDiskFormState,
  snapshot: SnapshotSource | undefined,
): CreateDiskFormState {
  if (!snapshot) return { ...state, snapshotId: undefined };
  const size = Number(state.size);
  return {
    ...state,
    snapshotId: snapshot.snapshotId,
    size: Number.isFinite(size) && size >= snapshot.sizeGiB ? state.size : String(snapshot.sizeGiB),
    encrypted: snapshot.encrypted || state.encrypted,
    kmsKeyId: snapshot.encrypted ? snapshotKeyOption(snapshot) : state.kmsKeyId,
  };
}

export function snapshotRules(
  state: Pick<CreateDiskFormState, "category" | "size" | "kmsKeyId">,
  snapshot: SnapshotSource | undefined,
  isEncrypted: boolean,
): SnapshotRules {
  if (!snapshot)
    return {
      mustEncrypt: false,
      isCategoryNotEssd: false,
      isKeyNotEnabled: false,
      isReKeyed: false,
      isSizeBelowSnapshot: false,
      isNotReady: false,
      isBlocked: false,
    };
  const mustEncrypt = snapshot.encrypted;
  const isCategoryNotEssd = !snapshot.encrypted && isEncrypted && !isEssdFamily(state.category);
  const isKeyNotEnabled = snapshot.encrypted && snapshot.keyState !== "Enabled";
  const isReKeyed = snapshot.encrypted && state.kmsKeyId !== snapshotKeyOption(snapshot);
  const size = Number(state.size);
  const isSizeBelowSnapshot = Number.isFinite(size) && size < snapshot.sizeGiB;
  const isNotReady = snapshot.status !== "accomplished";
  return {
    mustEncrypt,
    isCategoryNotEssd,
    isKeyNotEnabled,
    isReKeyed,
    isSizeBelowSnapshot,
    isNotReady,
    isBlocked: isCategoryNotEssd || isKeyNotEnabled || isSizeBelowSnapshot || isNotReady,
  };
}
