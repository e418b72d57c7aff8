import { describe, expect, it } from "vitest";
import {
  decodeComponent,
  decodeFormBody,
  hasParamName,
  mergeParams,
  parseUrlEncoded,
  percentEncode,
} from "@/lib/openapi/encode";
import { isAppError } from "@/lib/errors";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return `${error.httpStatus} ${error.code}`;
    throw error;
  }
  return undefined;
}

describe("percentEncode", () => {
  it.each([
    ["abc-_.~", "abc-_.~"],
    ["a b", "a%20b"],
    ["a+b", "a%2Bb"],
    ["!'()*", "%21%27%28%29%2A"],
    ["/:=&", "%2F%3A%3D%26"],
    ["2023-10-25T07:35:41Z", "2023-10-25T07%3A35%3A41Z"],
    ["中文", "%E4%B8%AD%E6%96%87"],
    ["😀", "%F0%9F%98%80"],
  ])("%s → %s", (input, output) => {
    expect(percentEncode(input)).toBe(output);
  });
});

describe("decodeComponent (strict)", () => {
  it.each([
    ["a%20b", "a b"],
    ["a+b", "a b"],
    ["%2B", "+"],
    ["%e4%b8%ad", "中"],
    ["!'()*", "!'()*"],
    ["plain", "plain"],
    ["", ""],
  ])("%s → %s", (input, output) => {
    expect(decodeComponent(input, "query string")).toBe(output);
  });

  it.each([
    "%",
    "%z",
    "%zz",
    "abc%",
    "%4",
    "%E0%A4%A",
    "%C3",
    "%FF",
    "%C0%AF",
    "%ED%A0%80",
    "100%",
    "%%41",
  ])("refuses %s with a 400 InvalidParameter", (input) => {
    expect(codeOf(() => decodeComponent(input, "query string"))).toBe("400 InvalidParameter");
  });

  it("quotes at most a short prefix of the input in the message", () => {
    try {
      decodeComponent("%zz" + "a".repeat(100_000), "request body");
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
      expect((error as Error).message).toContain("request body");
    }
  });
});

describe("parseUrlEncoded", () => {
  it("splits, decodes, skips empty segments and nameless values", () => {
    expect(parseUrlEncoded("a=1&&b=x%20y&c&=orphan&d=", "query string")).toEqual([
      ["a", "1"],
      ["b", "x y"],
      ["c", ""],
      ["d", ""],
    ]);
  });

  it("keeps = inside values", () => {
    expect(parseUrlEncoded("Filter=a=b", "query string")).toEqual([["Filter", "a=b"]]);
  });

  it("refuses malformed names as well as values", () => {
    expect(codeOf(() => parseUrlEncoded("%zz=1", "query string"))).toBe("400 InvalidParameter");
    expect(codeOf(() => parseUrlEncoded("a=%E0%A4%A", "query string"))).toBe(
      "400 InvalidParameter",
    );
  });

  it("refuses more than MAX_PARAMS parameters", () => {
    const text = Array.from({ length: 5001 }, (_, i) => `p${i}=1`).join("&");
    expect(codeOf(() => parseUrlEncoded(text, "query string"))).toBe("400 InvalidParameter");
  });
});

describe("mergeParams", () => {
  it("merges query and body into a null-prototype map", () => {
    const merged = mergeParams([["a", "1"]], [["__proto__", "x"]]);
    expect(merged.a).toBe("1");
    expect(Object.hasOwn(merged, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("refuses a name given twice, within one part or across both", () => {
    expect(
      codeOf(() =>
        mergeParams([
          ["a", "1"],
          ["a", "2"],
        ]),
      ),
    ).toBe("400 InvalidParameter");
    expect(codeOf(() => mergeParams([["a", "1"]], [["a", "1"]]))).toBe("400 InvalidParameter");
  });
});

describe("decodeFormBody", () => {
  it("accepts UTF-8 and refuses other bytes", () => {
    expect(decodeFormBody(Buffer.from("a=中"))).toBe("a=中");
    expect(codeOf(() => decodeFormBody(Buffer.from([0x61, 0x3d, 0xff, 0xfe])))).toBe(
      "400 InvalidParameter",
    );
  });
});

describe("hasParamName", () => {
  it.each([
    ["Action=X", true],
    ["Action=", true],
    ["Action", true],
    ["a=1&Action=X", true],
    ["%41ction=X", true],
    ["%zz&Action=X", true],
    ["NoAction=X", false],
    ["action=X", false],
    ["", false],
  ])("%s → %s", (text, expected) => {
    expect(hasParamName(text, "Action")).toBe(expected);
  });
});
