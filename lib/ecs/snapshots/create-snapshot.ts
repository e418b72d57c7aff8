import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { diskArn } from "@/lib/ecs/disks/describe-disks";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { snapshotErrors } from "./errors";
import { snapshotArn } from "./snapshot-lookup";
import { assertDiskSnapshottable, takeSnapshot } from "./take-snapshot";

export type CreateSnapshotInput = {
  diskId: string;
  name?: string;
  description?: string;
  tags?: Tag[];
  clientToken?: string;
};

/** Names starting with `auto` are the automatic snapshots' (400 InvalidSnapshotName.Malformed). */
export function assertSnapshotName(name?: string): void {
  if (name && /^auto/i.test(name)) throw snapshotErrors.invalidName();
}

/**
 * ECS CreateSnapshot: a point-in-time copy of the disk that inherits its encryption and key
 * (no encryption parameters). Order: name → authorization on the disk → disk (404) → status,
 * instance status, a snapshot in progress, the key Enabled (403 CMKNotEnabled) → ClientToken →
 * take it. Answers at once; the snapshot goes `progressing → accomplished`.
 */
export function createSnapshot(ctx: RequestContext, input: CreateSnapshotInput): Promise<{ snapshotId: string }> {
  assertSnapshotName(input.name);
  const regionId = ctx.regionId;
  const spec = { service: "ecs" as const, action: "CreateSnapshot", resourceArn: diskArn(regionId, input.diskId) };
  return operation(ctx, spec, async (op) => {
    const { db } = getRuntime();
    const disk = await db.disk.findUnique({ where: { id: input.diskId } });
    if (!disk || disk.regionId !== regionId) throw snapshotErrors.diskNotFound();
    op.keyId = disk.kmsKeyId ?? undefined;
    if (input.clientToken) {
      const earlier = await db.snapshot.findUnique({
        where: { regionId_clientToken: { regionId, clientToken: input.clientToken } },
        select: { id: true },
      });
      if (earlier) {
        op.resourceArn = snapshotArn(regionId, earlier.id);
        return { snapshotId: earlier.id };
      }
    }
    await assertDiskSnapshottable(ctx, op.eventId, disk);
    const snapshot = await takeSnapshot(disk, input);
    op.resourceArn = snapshotArn(regionId, snapshot.id);
    return { snapshotId: snapshot.id };
  });
}
