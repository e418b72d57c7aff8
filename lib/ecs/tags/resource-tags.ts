import type { Tx } from "@/lib/db/client";
import { getRuntime } from "@/lib/runtime";
import type { TagResourceType } from "./tag-rules";

/** `{TagKey, TagValue}` lists per resource id, keys in order (DescribeDisks' `Tags.Tag`). */
export async function tagsOfResources(
  resourceType: TagResourceType,
  resourceIds: readonly string[],
  tx: Tx = getRuntime().db,
): Promise<Map<string, { TagKey: string; TagValue: string }[]>> {
  const byId = new Map<string, { TagKey: string; TagValue: string }[]>();
  if (resourceIds.length === 0) return byId;
  const rows = await tx.resourceTag.findMany({
    where: { resourceType, resourceId: { in: [...resourceIds] } },
    orderBy: [{ resourceId: "asc" }, { tagKey: "asc" }],
  });
  for (const row of rows) {
    const list = byId.get(row.resourceId) ?? [];
    list.push({ TagKey: row.tagKey, TagValue: row.tagValue });
    byId.set(row.resourceId, list);
  }
  return byId;
}

/** Drops every tag of a resource (its deletion). */
export async function deleteTagsOf(
  resourceType: TagResourceType,
  resourceId: string,
  tx: Tx = getRuntime().db,
): Promise<void> {
  await tx.resourceTag.deleteMany({ where: { resourceType, resourceId } });
}
