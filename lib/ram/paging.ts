import { AppError } from "@/lib/errors";
import { RAM_LIMITS } from "@/lib/ram/names";

/**
 * RAM's List* paging: `MaxItems` (1–1000, default 100) and an opaque `Marker` naming where the
 * next page starts; the response has `IsTruncated` and, when truncated, the next `Marker`.
 */
export type MarkerInput = { marker?: string; maxItems?: number };
export type MarkerPage<T> = { items: T[]; isTruncated: boolean; marker?: string };

export function markerPage<T>(items: readonly T[], input: MarkerInput = {}): MarkerPage<T> {
  const start = input.marker ? decodeMarker(input.marker) : 0;
  const size = input.maxItems ?? RAM_LIMITS.maxItems.default;
  const end = start + size;
  const isTruncated = end < items.length;
  return {
    items: items.slice(start, end),
    isTruncated,
    ...(isTruncated ? { marker: Buffer.from(`o:${end}`).toString("base64url") } : {}),
  };
}

function decodeMarker(marker: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(marker, "base64url").toString("utf8"));
  if (!match) throw new AppError("InvalidParameter.Marker", 'The parameter - "Marker" is incorrect.', 400);
  return Number(match[1]);
}
