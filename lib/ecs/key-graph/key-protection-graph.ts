import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import type { KeyAssociation } from "@/lib/kms/key-associations";

/**
 * What a KMS key protects, as a graph for its detail page: the key → the disks, snapshots and
 * images whose data it encrypts (the key association registry's answer) → the instances that use
 * them (a disk attached to it, an image it was created from). Read as DescribeInstances.
 */
export type KeyGraphNode = {
  type: "key" | "disk" | "snapshot" | "image" | "instance";
  id: string;
  name?: string;
  status?: string;
  regionId: string;
};
export type KeyGraphEdge = { from: string; to: string };
export type KeyGraph = { nodes: KeyGraphNode[]; edges: KeyGraphEdge[] };

const RESOURCE_TYPES = new Set(["disk", "snapshot", "image"]);

export function keyProtectionGraph(
  ctx: RequestContext,
  input: { keyId: string; regionId: string; associations: KeyAssociation[] },
): Promise<KeyGraph> {
  const resourceArn = arn("ecs", input.regionId, getRuntime().accountId, "instance/*");
  return operation(ctx, { service: "ecs", action: "DescribeInstances", resourceArn }, async () => {
    const { db } = getRuntime();
    const resources = input.associations.filter((a) => RESOURCE_TYPES.has(a.resourceType));
    const idsOf = (type: string) => resources.filter((a) => a.resourceType === type).map((a) => a.resourceId);
    const [disks, launched] = await Promise.all([
      db.disk.findMany({ where: { id: { in: idsOf("disk") }, instanceId: { not: null } }, select: { id: true, instanceId: true } }),
      db.instance.findMany({ where: { imageId: { in: idsOf("image") } }, select: { id: true, imageId: true } }),
    ]);
    const edges: KeyGraphEdge[] = [
      ...resources.map((r) => ({ from: input.keyId, to: r.resourceId })),
      ...disks.map((d) => ({ from: d.id, to: d.instanceId! })),
      ...launched.map((i) => ({ from: i.imageId, to: i.id })),
    ];
    const instanceIds = [...new Set([...disks.map((d) => d.instanceId!), ...launched.map((i) => i.id)])];
    const instances = await db.instance.findMany({
      where: { id: { in: instanceIds } },
      select: { id: true, name: true, status: true, regionId: true },
      orderBy: { id: "asc" },
    });
    return {
      nodes: [
        { type: "key", id: input.keyId, regionId: input.regionId },
        ...resources.map((r) => ({
          type: r.resourceType as KeyGraphNode["type"],
          id: r.resourceId,
          name: r.resourceName,
          status: r.status,
          regionId: r.regionId,
        })),
        ...instances.map((i) => ({ type: "instance" as const, id: i.id, name: i.name || undefined, status: i.status, regionId: i.regionId })),
      ],
      edges,
    };
  });
}
