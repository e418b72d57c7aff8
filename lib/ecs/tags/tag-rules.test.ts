import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { exceedsTagLimit, normalizeTags, tagKeyProblem, tagValueProblem } from "./tag-rules";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return `${error.httpStatus} ${error.code}`;
    throw error;
  }
  return "ok";
};

describe("tag rules", () => {
  it.each([
    ["env", false],
    ["", true],
    ["k".repeat(128), false],
    ["k".repeat(129), true],
    ["aliyun-x", true],
    ["Aliyun", true],
    ["acs:ecs:x", true],
    ["acs-x", false],
    ["see http://x", true],
    ["团队", false],
  ])("key %j → problem %s", (key, problem) => {
    expect(tagKeyProblem(key)).toBe(problem);
  });

  it.each([
    ["", false],
    ["v".repeat(128), false],
    ["v".repeat(129), true],
    ["https://x", true],
    ["aliyun", false],
  ])("value %j → problem %s", (value, problem) => {
    expect(tagValueProblem(value)).toBe(problem);
  });

  it("normalizes Tag.N: values default to empty, the last value of a key wins", () => {
    expect(
      normalizeTags([{ key: "a", value: "1" }, { key: "b" }, { key: "a", value: "2" }]),
    ).toEqual([
      { key: "a", value: "2" },
      { key: "b", value: "" },
    ]);
  });

  it.each([
    [[{ key: "" }], "400 InvalidTagKey.Malformed"],
    [[{ value: "x" }], "400 InvalidTagKey.Malformed"],
    [[{ key: "acs:x" }], "400 InvalidTagKey.Malformed"],
    [[{ key: "k", value: "http://x" }], "400 InvalidTagValue.Malformed"],
    [Array.from({ length: 21 }, (_, i) => ({ key: `k${i}` })), "400 InvalidTagCount"],
  ])("refuses %j", (tags, expected) => {
    expect(refusal(() => normalizeTags(tags))).toBe(expected);
  });

  it("holds at most 20 tags a resource", () => {
    const existing = Array.from({ length: 19 }, (_, i) => `k${i}`);
    expect(
      exceedsTagLimit(existing, [
        { key: "k0", value: "" },
        { key: "new", value: "" },
      ]),
    ).toBe(false);
    expect(
      exceedsTagLimit(existing, [
        { key: "a", value: "" },
        { key: "b", value: "" },
      ]),
    ).toBe(true);
  });
});
