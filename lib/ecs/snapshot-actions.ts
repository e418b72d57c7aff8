import type { ActionDefinition } from "@/lib/openapi/action";
import { imageApiActions } from "@/lib/ecs/images/actions";
import { snapshotApiActions } from "@/lib/ecs/snapshots/actions";

/**
 * The snapshots and images domains' ECS 2014-05-26 actions, wired into the ECS product by
 * lib/openapi/products.ts: CreateSnapshot, DescribeSnapshots, DeleteSnapshot,
 * ModifySnapshotAttribute, CopySnapshot, ResetDisk; CreateImage, DescribeImages (custom and
 * public), CopyImage, DeleteImage, ModifyImageAttribute.
 */
export const snapshotActions: Record<string, ActionDefinition> = {
  ...snapshotApiActions,
  ...imageApiActions,
};
