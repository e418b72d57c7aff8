import { KEY_STATES, type KeyState } from "@/lib/kms/key-states";
import type { ListKeysFilter } from "@/lib/kms/list-keys-filters";

/**
 * The key list's URL: `?tab=default|customer&state=<KeyState>&page=<n>` (STYLE.md: filters and
 * paging live in the URL). Customer master keys are the default tab — they are the ones to
 * manage. Pure.
 */
export type KeyListTab = "default" | "customer";
export type KeyListParams = { tab: KeyListTab; state?: KeyState; page: number };

export const KEY_LIST_PAGE_SIZE = 20;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseKeyListParams(searchParams: SearchParams): KeyListParams {
  const tab = first(searchParams.tab) === "default" ? "default" : "customer";
  const stateText = first(searchParams.state);
  const state = (KEY_STATES as readonly string[]).includes(stateText ?? "")
    ? (stateText as KeyState)
    : undefined;
  const pageText = first(searchParams.page) ?? "";
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  return { tab, state, page };
}

/** The list's URL; the defaults (customer tab, all states, page 1) are left out. */
export function keyListHref(regionId: string, params: Partial<KeyListParams>): string {
  const query = new URLSearchParams();
  if (params.tab === "default") query.set("tab", "default");
  if (params.state) query.set("state", params.state);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return `/${regionId}/kms/keys${text ? `?${text}` : ""}`;
}

/** ListKeys filters for a tab and state: service keys (CreatorType Service) or the user's. */
export function listKeysFiltersOf(params: KeyListParams): ListKeysFilter[] {
  const filters: ListKeysFilter[] = [
    { key: "CreatorType", values: [params.tab === "default" ? "Service" : "User"] },
  ];
  if (params.state) filters.push({ key: "KeyState", values: [params.state] });
  return filters;
}
