import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseParams, unflatten } from "@/lib/openapi/params";
import { base64Param, encryptionContextParam, rotationIntervalParam } from "./params";

/** What the endpoint hands an action: flat wire parameters, unflattened, then parsed. */
const parse = <S extends z.ZodType>(schema: S, flat: Record<string, string>) =>
  parseParams(schema, unflatten(flat));
const contextSchema = z.object({ EncryptionContext: encryptionContextParam().optional() });

describe("EncryptionContext as either client sends it", () => {
  it("reads the JSON string of pop-core and the newer SDKs", () => {
    expect(
      parse(contextSchema, { EncryptionContext: '{"disk":"d-1","b":"2"}' }).EncryptionContext,
    ).toEqual({ disk: "d-1", b: "2" });
    expect(parse(contextSchema, { EncryptionContext: "" }).EncryptionContext).toEqual({});
  });

  it("reads the map the 2016 SDK flattens, dotted and numeric keys included", () => {
    expect(
      parse(contextSchema, { "EncryptionContext.disk": "d-1", "EncryptionContext.a.b": "x" })
        .EncryptionContext,
    ).toEqual({ disk: "d-1", "a.b": "x" });
    expect(
      parse(contextSchema, { "EncryptionContext.1": "one", "EncryptionContext.2": "two" })
        .EncryptionContext,
    ).toEqual({ 1: "one", 2: "two" });
  });

  it.each(["[1]", '{"a":1}', "{", '"text"'])("refuses %s with InvalidParameter", (text) => {
    expect(() => parse(contextSchema, { EncryptionContext: text })).toThrow(
      expect.objectContaining({ code: "InvalidParameter" }),
    );
  });
});

describe("base64 parameters", () => {
  const schema = z.object({ Plaintext: base64Param("Plaintext", 4) });

  it("decodes canonical standard base64 within the limit", () => {
    expect(parse(schema, { Plaintext: "aGk=" }).Plaintext).toEqual(Buffer.from("hi"));
  });

  it.each(["", "aGk", "aGl=", "a-_b", "aGVsbG8=", "not base64!"])("refuses %j", (text) => {
    expect(() => parse(schema, { Plaintext: text })).toThrow(
      expect.objectContaining({ code: "InvalidParameter" }),
    );
  });

  it("calls an absent one missing", () => {
    expect(() => parse(schema, {})).toThrow(expect.objectContaining({ code: "MissingParameter" }));
  });
});

describe("RotationInterval", () => {
  it("becomes seconds, or InvalidParameter", () => {
    const schema = z.object({ RotationInterval: rotationIntervalParam() });
    expect(parse(schema, { RotationInterval: "365d" }).RotationInterval).toBe(31_536_000);
    expect(() => parse(schema, { RotationInterval: "1y" })).toThrow(
      expect.objectContaining({ code: "InvalidParameter" }),
    );
  });
});
