import { describe, expect, it } from "vitest";
import { paginate } from "./paging";

describe("paginate", () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  it("defaults to the first page of 10", () => {
    expect(paginate(items)).toEqual({
      items: items.slice(0, 10),
      totalCount: 23,
      pageNumber: 1,
      pageSize: 10,
    });
  });

  it("returns the last partial page and an empty page past the end", () => {
    expect(paginate(items, { pageNumber: 3, pageSize: 10 }).items).toEqual([20, 21, 22]);
    expect(paginate(items, { pageNumber: 4, pageSize: 10 }).items).toEqual([]);
    expect(paginate(items, { pageNumber: 1, pageSize: 100 }).items).toHaveLength(23);
  });
});
