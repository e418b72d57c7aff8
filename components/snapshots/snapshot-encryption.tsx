import { DiskEncryptionLabel } from "@/components/disks/disk-encryption-label";
import type { SnapshotView } from "@/components/snapshots/snapshot-view";

/** A snapshot's encryption in one line: the Encrypted badge and its key, or "Not encrypted". */
export function SnapshotEncryption({ snapshot }: { snapshot: SnapshotView }) {
  return (
    <DiskEncryptionLabel
      encrypted={snapshot.encrypted}
      kmsKeyId={snapshot.kmsKeyId}
      keyInfo={snapshot.key}
    />
  );
}
