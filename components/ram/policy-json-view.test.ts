import { describe, expect, it } from "vitest";
import { policyLines } from "@/components/ram/policy-json-view";
import { accessKeyCsv } from "@/components/ram/access-keys-card";

describe("policyLines", () => {
  const document = JSON.stringify({
    Version: "1",
    Statement: [
      { Effect: "Allow", Action: "ecs:*", Resource: "*" },
      {
        Effect: "Deny",
        Action: "ecs:CreateDisk",
        Resource: "*",
        Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } },
      },
    ],
  });

  it("tags each statement's lines with its index, so the deciding one can be marked", () => {
    const lines = policyLines(document);
    const second = lines.filter((line) => line.statement === 1);
    expect(second[0]).toMatchObject({ text: "    {", isFirstOfStatement: true });
    expect(second.map((line) => line.text).join("\n")).toContain('"ecs:IsDiskEncrypted": "false"');
    expect(lines.filter((line) => line.statement === 0).at(-1)!.text).toBe("    },");
    // The lines are the document: they parse back to it.
    expect(JSON.parse(lines.map((line) => line.text).join("\n"))).toEqual(JSON.parse(document));
  });

  it("takes a single statement object as a list of one", () => {
    const lines = policyLines(
      JSON.stringify({
        Version: "1",
        Statement: { Effect: "Allow", Action: "kms:List*", Resource: "*" },
      }),
    );
    expect(lines.some((line) => line.statement === 0 && line.isFirstOfStatement)).toBe(true);
  });

  it("shows a text that is not JSON as written", () => {
    expect(policyLines("{ not json\nat all")).toEqual([{ text: "{ not json" }, { text: "at all" }]);
  });
});

describe("accessKeyCsv", () => {
  it("is the console's CSV: a header, then the pair", () => {
    expect(accessKeyCsv({ accessKeyId: "LTAI5tExample", accessKeySecret: "s3cr3t" })).toBe(
      "AccessKey ID,AccessKey Secret\nLTAI5tExample,s3cr3t\n",
    );
  });
});
