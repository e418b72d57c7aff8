import { describe, expect, it } from "vitest";
import {
  isSnapshotListFiltered,
  parseSnapshotListParams,
  snapshotListHref,
} from "@/components/snapshots/snapshot-list-params";

describe("Snapshot list URL", () => {
  it("reads the filters and page, dropping what is not valid", () => {
    expect(
      parseSnapshotListParams({
        status: "progressing",
        encrypted: "true",
        key: " k-1 ",
        disk: "d-1",
        page: "3",
      }),
    ).toEqual({ status: "progressing", encrypted: true, kmsKeyId: "k-1", diskId: "d-1", page: 3 });
    expect(
      parseSnapshotListParams({ status: "done", encrypted: "yes", disk: "d 1; drop", page: "0" }),
    ).toEqual({
      status: undefined,
      encrypted: undefined,
      kmsKeyId: undefined,
      diskId: undefined,
      page: 1,
    });
  });

  it("writes the URL back without defaults, and round-trips", () => {
    expect(snapshotListHref("cn-hangzhou", { page: 1 })).toBe("/cn-hangzhou/snapshots");
    const href = snapshotListHref("cn-hangzhou", { encrypted: false, diskId: "d-9", page: 2 });
    expect(href).toBe("/cn-hangzhou/snapshots?encrypted=false&disk=d-9&page=2");
    const query = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseSnapshotListParams(query)).toMatchObject({
      encrypted: false,
      diskId: "d-9",
      page: 2,
    });
    expect(isSnapshotListFiltered(parseSnapshotListParams(query))).toBe(true);
    expect(isSnapshotListFiltered({ page: 4 })).toBe(false);
  });
});
