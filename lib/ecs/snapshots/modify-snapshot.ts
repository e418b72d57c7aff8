import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { assertSnapshotName } from "./create-snapshot";
import { getSnapshotOrThrow, snapshotArn } from "./snapshot-lookup";

/** ECS ModifySnapshotAttribute: name and description (what is left out stays). */
export function modifySnapshotAttribute(
  ctx: RequestContext,
  input: { snapshotId: string; name?: string; description?: string },
): Promise<void> {
  assertSnapshotName(input.name);
  const spec = { service: "ecs" as const, action: "ModifySnapshotAttribute", resourceArn: snapshotArn(ctx.regionId, input.snapshotId) };
  return operation(ctx, spec, async () => {
    const snapshot = await getSnapshotOrThrow(ctx.regionId, input.snapshotId);
    await getRuntime().db.snapshot.update({
      where: { id: snapshot.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        updatedAt: now(),
      },
    });
  });
}
