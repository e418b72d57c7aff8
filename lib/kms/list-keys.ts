import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { isKeyGone } from "./key-states";
import { keyContainerArn } from "./key-operation";
import { toKeyView, type KeyView } from "./key-view";
import { matchesListKeysFilters, type ListKeysFilter } from "./list-keys-filters";
import { paginate, type Page, type PageInput } from "./paging";
import type { KeyTag } from "./tag-params";

/** A key with what a list shows beside it: the console's key table reads these. */
export type KeySummary = KeyView & { aliasNames: string[]; tags: KeyTag[] };

export type ListKeysInput = PageInput & { filters?: ListKeysFilter[] };

/**
 * KMS ListKeys: the region's keys, service keys included (filter `CreatorType`), oldest first,
 * paged. Filters see the effective state; deleted keys (window ended) are gone.
 */
export function listKeys(
  ctx: RequestContext,
  input: ListKeysInput = {},
): Promise<Page<KeySummary>> {
  return operation(
    ctx,
    { service: "kms", action: "ListKeys", resourceArn: keyContainerArn(ctx.regionId) },
    async () => {
      const summaries = await loadKeySummaries(ctx.regionId);
      const filters = input.filters ?? [];
      return paginate(
        summaries.filter((key) => matchesListKeysFilters(key, filters)),
        input,
      );
    },
  );
}

async function loadKeySummaries(regionId: string): Promise<KeySummary[]> {
  const at = now();
  const rows = await getRuntime().db.kmsKey.findMany({
    where: { regionId },
    include: {
      aliases: { select: { aliasName: true }, orderBy: { aliasName: "asc" } },
      tags: { select: { tagKey: true, tagValue: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const { accountId } = getRuntime();
  return rows
    .filter((row) => !isKeyGone(row, at))
    .map((row) => ({
      ...toKeyView(row, accountId, at),
      aliasNames: row.aliases.map((a) => a.aliasName),
      tags: row.tags,
    }));
}
