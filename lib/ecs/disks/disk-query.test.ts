import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  decodeNextToken,
  diskPaging,
  encodeNextToken,
  pageWindow,
  parseDiskIds,
} from "./disk-query";
import { diskDevice, diskIops } from "./disk-wire";

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return `${error.httpStatus} ${error.code}: ${error.message}`;
    throw error;
  }
  return "ok";
};

describe("DiskIds", () => {
  it("is a JSON array of at most 100 strings", () => {
    expect(parseDiskIds('["d-1","d-2"]')).toEqual(["d-1", "d-2"]);
    expect(parseDiskIds("[]")).toEqual([]);
    const ids = JSON.stringify(Array.from({ length: 100 }, (_, i) => `d-${i}`));
    expect(parseDiskIds(ids)).toHaveLength(100);
  });

  it.each([
    ["d-1", "400 InvalidParameter.DiskIds: The specified parameter diskIds is not valid."],
    ['{"a":1}', "400 InvalidParameter.DiskIds: The specified parameter diskIds is not valid."],
    ["[1,2]", "400 InvalidParameter.DiskIds: The specified parameter diskIds is not valid."],
    [
      JSON.stringify(Array.from({ length: 101 }, (_, i) => `d-${i}`)),
      "403 InvalidDiskIds.Malformed: The amount of specified disk Ids exceeds the limit.",
    ],
  ])("%s is refused", (text, expected) => {
    expect(codeOf(() => parseDiskIds(text))).toBe(expected);
  });
});

describe("paging", () => {
  it("uses NextToken/MaxResults when either is given, else PageNumber/PageSize", () => {
    expect(diskPaging({})).toEqual({ mode: "page", pageNumber: 1, pageSize: 10 });
    expect(diskPaging({ pageNumber: 3, pageSize: 5 })).toEqual({
      mode: "page",
      pageNumber: 3,
      pageSize: 5,
    });
    expect(diskPaging({ maxResults: 50, pageNumber: 2 })).toEqual({
      mode: "token",
      maxResults: 50,
      nextToken: undefined,
    });
    expect(diskPaging({ nextToken: "" })).toEqual({
      mode: "token",
      maxResults: 10,
      nextToken: undefined,
    });
    expect(pageWindow({ mode: "page", pageNumber: 3, pageSize: 5 })).toEqual({ skip: 10, take: 5 });
    expect(pageWindow({ mode: "token", maxResults: 20, nextToken: encodeNextToken(40) })).toEqual({
      skip: 40,
      take: 20,
    });
  });

  it("round-trips its tokens and refuses others", () => {
    for (const offset of [1, 10, 499, 123456])
      expect(decodeNextToken(encodeNextToken(offset))).toBe(offset);
    for (const token of ["abc", "dsk1.", "dsk1.-1", "dsk1.0", "dsk1.ZZ", "dsk2.a"]) {
      expect(codeOf(() => decodeNextToken(token))).toBe(
        '400 InvalidParameter: The specified parameter "NextToken" is not valid.',
      );
    }
  });
});

describe("wire helpers", () => {
  it("names devices /dev/xvdX", () => {
    expect(diskDevice("a")).toBe("/dev/xvda");
    expect(diskDevice("c")).toBe("/dev/xvdc");
    expect(diskDevice(null)).toBe("");
  });

  it("gives IOPS within each category's cap", () => {
    expect(diskIops("cloud_essd", "PL1", 40)).toBe(3800);
    expect(diskIops("cloud_essd", "PL1", 65536)).toBe(50000);
    expect(diskIops("cloud_essd", "PL0", 1)).toBe(1812);
    expect(diskIops("cloud", null, 100)).toBe(300);
  });
});
