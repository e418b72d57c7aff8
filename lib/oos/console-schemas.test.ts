import { describe, expect, it } from "vitest";
import { bulkEncryptFormSchema, parametersOf, parseInstanceIds } from "./console-schemas";

describe("the Bulk encrypt system disks form", () => {
  it("reads instance ids however they are separated, once each", () => {
    expect(parseInstanceIds(" i-abcd1234, i-efgh5678\ni-abcd1234  i-zz99zz99 ")).toEqual(["i-abcd1234", "i-efgh5678", "i-zz99zz99"]);
    expect(parseInstanceIds("  ")).toEqual([]);
  });

  it("builds the template's parameters for ids and for a tag", () => {
    const form = bulkEncryptFormSchema.parse({ targets: { type: "ids", instanceIds: ["i-abcd1234"] }, kmsKeyId: "", concurrency: 10, maxErrors: 0, role: "" });
    expect(parametersOf(form, "cn-hangzhou")).toEqual({
      regionId: "cn-hangzhou",
      targets: { Type: "ResourceIds", ResourceIds: ["i-abcd1234"], RegionId: "cn-hangzhou" },
      KMSKeyId: "",
      rateControl: { Mode: "Concurrency", MaxErrors: 0, Concurrency: 10 },
      OOSAssumeRole: "",
    });
    const byTag = parametersOf({ ...form, targets: { type: "tag", key: "env", value: "prod" } }, "cn-hangzhou");
    expect(byTag.targets).toEqual({ Type: "Tags", Tags: [{ Key: "env", Value: "prod" }], RegionId: "cn-hangzhou" });
  });

  it("refuses malformed ids and a concurrency of 0", () => {
    expect(bulkEncryptFormSchema.safeParse({ targets: { type: "ids", instanceIds: ["nope"] }, kmsKeyId: "", concurrency: 1, maxErrors: 0, role: "" }).success).toBe(false);
    expect(bulkEncryptFormSchema.safeParse({ targets: { type: "ids", instanceIds: ["i-abcd1234"] }, kmsKeyId: "", concurrency: 0, maxErrors: 0, role: "" }).success).toBe(false);
  });
});
