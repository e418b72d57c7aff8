import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "./policy-document";

const doc = (statement: unknown) => JSON.stringify({ Version: "1", Statement: [statement] });

describe("parsePolicyDocument", () => {
  it("normalizes lists and condition values to strings", () => {
    const parsed = parsePolicyDocument(
      JSON.stringify({
        Version: "1",
        Statement: { Effect: "Allow", Action: "ecs:*", Resource: "*", Condition: { Bool: { "acs:SecureTransport": true }, NumericLessThan: { "x:N": 5 } } },
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      document: {
        Version: "1",
        Statement: [
          { Effect: "Allow", Action: ["ecs:*"], Resource: ["*"], Condition: { Bool: { "acs:SecureTransport": ["true"] }, NumericLessThan: { "x:N": ["5"] } } },
        ],
      },
    });
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["not an object", "[]", /must be a JSON object/],
    ["wrong version", JSON.stringify({ Version: "2012-10-17", Statement: [] }), /"Version" must be "1"/],
    ["no statements", JSON.stringify({ Version: "1", Statement: [] }), /"Statement" must be/],
    ["unknown top-level element", JSON.stringify({ Version: "1", Statement: [], Id: "x" }), /unknown element "Id"/],
    ["bad effect", doc({ Effect: "allow", Action: "*", Resource: "*" }), /^Statement 1: "Effect" must be "Allow" or "Deny"/],
    ["no action", doc({ Effect: "Allow", Resource: "*" }), /"Action" \(or "NotAction"\) is required/],
    ["both action forms", doc({ Effect: "Allow", Action: "*", NotAction: "ecs:*", Resource: "*" }), /cannot both be given/],
    ["bad action", doc({ Effect: "Allow", Action: "CreateDisk", Resource: "*" }), /"<service>:<Api>"/],
    ["empty action list", doc({ Effect: "Allow", Action: [], Resource: "*" }), /non-empty/],
    ["no resource", doc({ Effect: "Allow", Action: "*" }), /"Resource" \(or "NotResource"\) is required/],
    ["bad resource", doc({ Effect: "Allow", Action: "*", Resource: "disk/*" }), /is not an ARN/],
    ["a principal", doc({ Effect: "Allow", Action: "*", Resource: "*", Principal: { RAM: "*" } }), /trust policy/],
    ["unknown operator", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEqual: { "a:b": "x" } } }), /"StringEqual" is not a condition operator/],
    ["bad condition key", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: { Key: "x" } } }), /condition key "Key"/],
    ["bad number", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { NumericEquals: { "a:b": "ten" } } }), /"ten" is not a valid value for "NumericEquals"/],
    ["bad date", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { DateLessThan: { "a:b": "soon" } } }), /"soon" is not a valid value/],
    ["bad CIDR", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { IpAddress: { "acs:SourceIp": "10.0.0.0/33" } } }), /"10.0.0.0\/33"/],
    ["bad bool", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "a:b": "yes" } } }), /"yes" is not a valid value for "Bool"/],
    ["object condition value", doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringEquals: { "a:b": { x: 1 } } } }), /must be strings, numbers or booleans/],
  ])("refuses %s with a clear reason", (_name, text, reason) => {
    const parsed = parsePolicyDocument(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
