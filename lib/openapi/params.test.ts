import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { bool, coded, description, int, json, list, parseParams, resourceName, unflatten } from "./params";

describe("unflatten", () => {
  it("nests dotted names and turns 1-based indexes into ordered lists", () => {
    expect(
      unflatten({
        "Tag.2.Key": "b",
        "Tag.1.Key": "a",
        "Tag.10.Key": "j",
        "SystemDisk.Category": "cloud_essd",
        "InstanceTypes.1": "ecs.g7.large",
        ZoneId: "cn-hangzhou-h",
      }),
    ).toEqual({
      Tag: [{ Key: "a" }, { Key: "b" }, { Key: "j" }],
      SystemDisk: { Category: "cloud_essd" },
      InstanceTypes: ["ecs.g7.large"],
      ZoneId: "cn-hangzhou-h",
    });
  });

  it.each([
    [{ A: "1", "A.1": "2" }],
    [{ "A.1": "2", A: "1" }],
    [{ "A..B": "1" }],
    [{ ".A": "1" }],
  ])("refuses conflicting or empty segments %j", (flat) => {
    expect(() => unflatten(flat)).toThrow(AppError);
  });
});

describe("strict values", () => {
  const schema = z.object({
    Amount: int({ min: 1, max: 100 }),
    DryRun: bool().optional(),
    Name: resourceName().optional(),
    Description: description().optional(),
    Ids: json(z.array(z.string())).optional(),
    Tag: list(z.object({ Key: z.string() }), 20).optional(),
  });
  const parse = (input: Record<string, unknown>) => parseParams(schema, input as never);

  it("accepts well-formed values", () => {
    expect(parse({ Amount: "3", DryRun: "false", Name: "數據盤-1", Ids: '["d-1"]' })).toEqual({
      Amount: 3,
      DryRun: false,
      Name: "數據盤-1",
      Ids: ["d-1"],
    });
  });

  it.each([
    ["Amount", { Amount: "1.5" }],
    ["Amount", { Amount: "abc" }],
    ["Amount", { Amount: "101" }],
    ["DryRun", { Amount: "1", DryRun: "yes" }],
    ["DryRun", { Amount: "1", DryRun: "TRUE" }],
    ["Name", { Amount: "1", Name: "1disk" }],
    ["Name", { Amount: "1", Name: "a" }],
    ["Name", { Amount: "1", Name: "disk name" }],
    ["Description", { Amount: "1", Description: "http://x" }],
    ["Ids", { Amount: "1", Ids: "[d-1" }],
  ])("refuses a malformed %s", (name, input) => {
    const error = (() => {
      try {
        parse(input);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.code).toBe("InvalidParameter");
    expect(error?.httpStatus).toBe(400);
    expect(error?.message).toContain(name);
  });

  it("names a missing parameter with MissingParameter", () => {
    expect(() => parse({})).toThrow(expect.objectContaining({ code: "MissingParameter", message: expect.stringContaining('"Amount"') }));
  });

  it("answers with a field's own code when it carries one", () => {
    const own = z.object({ X: z.string().refine((v) => v === "ok", { message: coded("InvalidX.Malformed", "X is bad.") }) });
    expect(() => parseParams(own, { X: "no" })).toThrow(expect.objectContaining({ code: "InvalidX.Malformed", message: "X is bad." }));
  });
});

describe("missing enumerations", () => {
  it("answers MissingParameter for an absent required enum, InvalidParameter for a wrong one", () => {
    const schema = z.object({ DestinationResource: z.enum(["Zone", "InstanceType"]) });
    expect(() => parseParams(schema, {})).toThrow(expect.objectContaining({ code: "MissingParameter" }));
    expect(() => parseParams(schema, { DestinationResource: "zone" })).toThrow(expect.objectContaining({ code: "InvalidParameter" }));
  });
});

describe("parameter names that reach Object.prototype", () => {
  it.each(["__proto__.polluted", "constructor.prototype.x", "A.toString", "hasOwnProperty"])("refuses %s", (name) => {
    expect(() => unflatten({ [name]: "1" })).toThrow(expect.objectContaining({ code: "InvalidParameter" }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
