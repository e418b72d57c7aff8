import { describe, expect, it } from "vitest";
import { parseTagKeys, parseTags } from "./tag-params";

describe("TagResource Tags", () => {
  it("reads Alibaba's JSON form", () => {
    expect(
      parseTags('[{"TagKey":"S1key1","TagValue":"S1val1"},{"TagKey":"team","TagValue":""}]'),
    ).toEqual([
      { tagKey: "S1key1", tagValue: "S1val1" },
      { tagKey: "team", tagValue: "" },
    ]);
  });

  it.each([
    ["not json", "{"],
    ["an object", '{"TagKey":"a","TagValue":"b"}'],
    ["empty", "[]"],
    [
      "eleven tags",
      JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }))),
    ],
    ["a missing value", '[{"TagKey":"a"}]'],
    ["an empty key", '[{"TagKey":"","TagValue":"b"}]'],
    ["a reserved key", '[{"TagKey":"acs:team","TagValue":"b"}]'],
    ["an aliyun key", '[{"TagKey":"AliyunX","TagValue":"b"}]'],
    ["a number value", '[{"TagKey":"a","TagValue":1}]'],
    ["a duplicate key", '[{"TagKey":"a","TagValue":"1"},{"TagKey":"a","TagValue":"2"}]'],
    ["a long key", JSON.stringify([{ TagKey: "k".repeat(129), TagValue: "v" }])],
  ])("refuses %s", (_name, text) => {
    expect(parseTags(text)).toBeUndefined();
  });
});

describe("UntagResource TagKeys", () => {
  it("reads a list of keys, once each", () => {
    expect(parseTagKeys('["a","b","a"]')).toEqual(["a", "b"]);
  });

  it.each(["[]", '"a"', "[1]", '[""]', "nope"])("refuses %s", (text) => {
    expect(parseTagKeys(text)).toBeUndefined();
  });
});
