import { describe, expect, it } from "vitest";
import {
  assertEncryptionContext,
  encodeEncryptionContext,
  parseEncryptionContext,
} from "./encryption-context";
import { InvalidEncryptionContextError } from "./errors";

const hex = (buffer: Buffer) => buffer.toString("hex");

describe("encodeEncryptionContext", () => {
  it("encodes the pair count, then each key and value with a u32 big-endian byte length", () => {
    expect(hex(encodeEncryptionContext({ ab: "c" }))).toBe(
      "00000001" + "00000002" + "6162" + "00000001" + "63",
    );
  });

  it("keeps {ab:c} and {a:bc} apart (plain concatenation would not)", () => {
    expect(encodeEncryptionContext({ ab: "c" }).equals(encodeEncryptionContext({ a: "bc" }))).toBe(
      false,
    );
    expect(
      encodeEncryptionContext({ a: "b", c: "d" }).equals(encodeEncryptionContext({ a: "bcd" })),
    ).toBe(false);
  });

  it("does not depend on the key order of the JSON", () => {
    const one = parseEncryptionContext('{"volume":"d-1","zone":"cn-hangzhou-i","account":"42"}');
    const other = parseEncryptionContext('{"zone":"cn-hangzhou-i","account":"42","volume":"d-1"}');
    expect(encodeEncryptionContext(one).equals(encodeEncryptionContext(other))).toBe(true);
  });

  it("sorts keys by UTF-8 bytes, not by UTF-16 code units", () => {
    // U+FFFF is EF BF BF in UTF-8 and sorts before U+10000 (F0 90 80 80); in UTF-16 the
    // surrogate 0xD800 of U+10000 sorts before 0xFFFF.
    const encoded = encodeEncryptionContext({ "\u{10000}": "astral", "\uffff": "bmp" });
    expect(encoded.subarray(8, 11).toString("hex")).toBe("efbfbf");
  });

  it("encodes absent, empty object and empty parameter the same (no pairs)", () => {
    expect(hex(encodeEncryptionContext(undefined))).toBe("00000000");
    expect(hex(encodeEncryptionContext({}))).toBe("00000000");
    expect(parseEncryptionContext(undefined)).toEqual({});
    expect(parseEncryptionContext("")).toEqual({});
  });

  it("encodes non-ASCII text by its UTF-8 byte length", () => {
    expect(hex(encodeEncryptionContext({ 键: "值" }))).toBe(
      "00000001" + "00000003" + "e994ae" + "00000003" + "e580bc",
    );
  });
});

describe("parseEncryptionContext", () => {
  it.each([
    ["not JSON", "{a:1"],
    ["an array", '["a","b"]'],
    ["null", "null"],
    ["a string", '"a"'],
    ["a number", "42"],
    ["a number value", '{"a":1}'],
    ["a null value", '{"a":null}'],
    ["a nested object", '{"a":{"b":"c"}}'],
    ["a boolean value", '{"a":true}'],
    ["a lone surrogate", '{"a":"\\ud800"}'],
  ])("rejects %s with InvalidEncryptionContextError", (_name, json) => {
    expect(() => parseEncryptionContext(json)).toThrow(InvalidEncryptionContextError);
  });

  it("keeps __proto__ as an ordinary key", () => {
    const context = parseEncryptionContext('{"__proto__":"x"}');
    expect(Object.keys(context)).toEqual(["__proto__"]);
    expect(encodeEncryptionContext(context).length).toBe(4 + 4 + 9 + 4 + 1);
  });
});

describe("assertEncryptionContext", () => {
  it("rejects class instances and lone surrogates passed in directly", () => {
    expect(() => assertEncryptionContext(new Date())).toThrow(InvalidEncryptionContextError);
    expect(() => encodeEncryptionContext({ "\udc00": "a" })).toThrow(InvalidEncryptionContextError);
  });
});
