import { describe, expect, it } from "vitest";
import {
  encryptionRules,
  initialCreateDiskForm,
  SERVICE_KEY_OPTION,
  toCreateDiskInput,
  type RegionEncryption,
} from "@/components/disks/create-disk-schema";
import {
  snapshotRules,
  withSnapshot,
  type SnapshotSource,
} from "@/components/disks/create-disk-snapshot";

const REGION: RegionEncryption = {
  isEncryptionSupported: true,
  isCmkSupported: true,
  encryptionByDefault: { isEnabled: false },
  isRoleGranted: true,
};

const PLAIN: SnapshotSource = {
  snapshotId: "s-plain",
  name: "plain",
  status: "accomplished",
  sizeGiB: 60,
  encrypted: false,
  kmsKeyId: null,
  isServiceKey: false,
};
const ENCRYPTED: SnapshotSource = {
  ...PLAIN,
  snapshotId: "s-cmk",
  encrypted: true,
  kmsKeyId: "key-cmk",
  keyState: "Enabled",
};
const form = initialCreateDiskForm("cn-hangzhou-h", REGION);

describe("Create disk from a snapshot", () => {
  it("an encrypted snapshot preselects its key and locks encryption on", () => {
    const next = withSnapshot(form, ENCRYPTED);
    expect(next).toMatchObject({ snapshotId: "s-cmk", encrypted: true, kmsKeyId: "key-cmk" });
    const rules = encryptionRules({ ...next, encrypted: false }, REGION, { mustEncrypt: true });
    expect(rules).toMatchObject({ isEncrypted: true, canToggle: false });
    expect(snapshotRules(next, ENCRYPTED, true)).toMatchObject({
      mustEncrypt: true,
      isReKeyed: false,
      isBlocked: false,
    });
  });

  it("a snapshot under the service key preselects the service key option", () => {
    const next = withSnapshot(form, { ...ENCRYPTED, kmsKeyId: "key-svc", isServiceKey: true });
    expect(next.kmsKeyId).toBe(SERVICE_KEY_OPTION);
  });

  it("raises the size to the snapshot's, never lowers a larger one", () => {
    expect(withSnapshot(form, PLAIN).size).toBe("60");
    expect(withSnapshot({ ...form, size: "100" }, PLAIN).size).toBe("100");
    const rules = snapshotRules({ ...form, size: "59" }, PLAIN, false);
    expect(rules).toMatchObject({ isSizeBelowSnapshot: true, isBlocked: true });
  });

  it("encrypting an unencrypted snapshot's disk needs an ESSD-family category", () => {
    const next = withSnapshot(form, PLAIN);
    expect(snapshotRules({ ...next, category: "cloud_ssd" }, PLAIN, true)).toMatchObject({
      isCategoryNotEssd: true,
      isBlocked: true,
    });
    expect(snapshotRules({ ...next, category: "cloud_ssd" }, PLAIN, false).isBlocked).toBe(false);
    for (const category of ["cloud_essd", "cloud_auto", "cloud_essd_entry"] as const)
      expect(snapshotRules({ ...next, category }, PLAIN, true).isCategoryNotEssd).toBe(false);
  });

  it("the snapshot's key must be Enabled", () => {
    for (const keyState of ["Disabled", "PendingDeletion", undefined])
      expect(
        snapshotRules(withSnapshot(form, ENCRYPTED), { ...ENCRYPTED, keyState }, true),
      ).toMatchObject({ isKeyNotEnabled: true, isBlocked: true });
  });

  it("another key re-encrypts; an unfinished snapshot cannot make a disk", () => {
    const next = { ...withSnapshot(form, ENCRYPTED), kmsKeyId: SERVICE_KEY_OPTION };
    expect(snapshotRules(next, ENCRYPTED, true)).toMatchObject({
      isReKeyed: true,
      isBlocked: false,
    });
    expect(snapshotRules(next, { ...ENCRYPTED, status: "progressing" }, true).isNotReady).toBe(
      true,
    );
  });

  it("sends the snapshot id; clearing the snapshot drops it", () => {
    const next = withSnapshot(form, PLAIN);
    expect(toCreateDiskInput(next, { isEncrypted: false })).toMatchObject({
      snapshotId: "s-plain",
      sizeGiB: 60,
    });
    expect(
      toCreateDiskInput(withSnapshot(next, undefined), { isEncrypted: false }),
    ).not.toHaveProperty("snapshotId");
  });
});
