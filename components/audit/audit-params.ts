import type { LookupEventsInput } from "@/lib/audit/lookup-events";

/**
 * The Audit page's URL (STYLE.md: filters and paging live in the URL):
 * `?principal=&action=&resource=&key=&result=&from=&to=&event=&token=&back=`. `from`/`to` are
 * UTC times on the emulator clock (`YYYY-MM-DDTHH:MM`, what a datetime-local field gives);
 * `resource` is an ARN or a resource id (`d-…`, `i-…`, `s-…`, `m-…`, `key-…`), made an ARN of
 * the page's region; `token` is LookupEvents' NextToken and `back` the tokens of the pages before
 * it, so that "Newer" can go back. Pure; unusable values are dropped.
 */
export type AuditParams = {
  principal?: string;
  action?: string;
  resource?: string;
  key?: string;
  result?: string;
  from?: string;
  to?: string;
  event?: string;
  token?: string;
  /** Tokens of the earlier pages, oldest first; "" is the first page. */
  back: string[];
};

export const AUDIT_PAGE_SIZE = 20;
const MAX_BACK = 50;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const FILTERS = ["principal", "action", "resource", "key", "result", "from", "to", "event"] as const;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
const text = (value: string, max: number) => (value !== "" && value.length <= max ? value : undefined);

export function parseAuditParams(searchParams: SearchParams): AuditParams {
  const from = first(searchParams.from);
  const to = first(searchParams.to);
  const tokenText = first(searchParams.token);
  const token = /^[A-Za-z0-9_-]{1,64}$/.test(tokenText) ? tokenText : undefined;
  const back = first(searchParams.back);
  return {
    principal: text(first(searchParams.principal), 256),
    action: text(first(searchParams.action), 128),
    resource: text(first(searchParams.resource), 1024),
    key: text(first(searchParams.key), 256),
    result: text(first(searchParams.result), 128),
    from: TIME.test(from) ? from : undefined,
    to: TIME.test(to) ? to : undefined,
    event: text(first(searchParams.event), 64),
    token,
    back: token && back !== "" ? back.split(".").slice(-MAX_BACK) : token ? [""] : [],
  };
}

/** The page's URL; empty filters are left out. */
export function auditHref(regionId: string, params: Partial<AuditParams>): string {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  if (params.token) {
    query.set("token", params.token);
    const back = params.back ?? [];
    if (back.length > 1 || (back.length === 1 && back[0] !== "")) query.set("back", back.join("."));
  }
  const suffix = query.toString();
  return `/${regionId}/audit${suffix ? `?${suffix}` : ""}`;
}

/** The same filters, on their first page. */
export function filtersOnly(params: AuditParams): Partial<AuditParams> {
  return Object.fromEntries(FILTERS.map((name) => [name, params[name]]));
}

/** The next (older) page's URL. */
export function olderHref(regionId: string, params: AuditParams, nextToken: string): string {
  return auditHref(regionId, { ...params, token: nextToken, back: [...params.back, params.token ?? ""] });
}

/** The previous (newer) page's URL, or undefined on the first page. */
export function newerHref(regionId: string, params: AuditParams): string | undefined {
  if (!params.token) return undefined;
  const token = params.back[params.back.length - 1] || undefined;
  return auditHref(regionId, { ...params, token, back: params.back.slice(0, -1) });
}

const RESOURCE_TYPES: [RegExp, string, string][] = [
  [/^d-/, "ecs", "disk"],
  [/^i-/, "ecs", "instance"],
  [/^s-/, "ecs", "snapshot"],
  [/^m-/, "ecs", "image"],
  [/^key-/, "kms", "key"],
];

/** A resource id as the trail's ARN in the page's region; an ARN (or anything else) as given. */
export function resourceArnOf(resource: string, regionId: string, accountId: string): string {
  if (resource.startsWith("acs:")) return resource;
  const type = RESOURCE_TYPES.find(([pattern]) => pattern.test(resource));
  return type ? `acs:${type[1]}:${regionId}:${accountId}:${type[2]}/${resource}` : resource;
}

/** LookupEvents' input for the page's params. */
export function lookupInputOf(params: AuditParams, regionId: string, accountId: string): LookupEventsInput {
  return {
    eventId: params.event,
    principal: params.principal,
    action: params.action,
    resourceArn: params.resource ? resourceArnOf(params.resource, regionId, accountId) : undefined,
    keyId: params.key,
    result: params.result,
    startTime: params.from ? new Date(`${params.from}Z`) : undefined,
    // `to` takes in the whole minute (or second) it names.
    endTime: params.to ? new Date(Date.parse(`${params.to}Z`) + (params.to.length > 16 ? 999 : 59_999)) : undefined,
    maxResults: AUDIT_PAGE_SIZE,
    nextToken: params.token,
  };
}

export function isFiltered(params: AuditParams): boolean {
  return FILTERS.some((name) => params[name] !== undefined);
}
