/**
 * PageNumber (≥ 1, default 1) and PageSize (1–100, default 10), as KMS's List* APIs page.
 * Pure. A page past the end is empty, not an error.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 10;

export type PageInput = { pageNumber?: number; pageSize?: number };
export type Page<T> = { items: T[]; totalCount: number; pageNumber: number; pageSize: number };

export function paginate<T>(items: readonly T[], input: PageInput = {}): Page<T> {
  const pageNumber = input.pageNumber ?? 1;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const start = (pageNumber - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    totalCount: items.length,
    pageNumber,
    pageSize,
  };
}
