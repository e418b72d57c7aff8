import { describe, expect, it } from "vitest";
import { evaluatePolicies, type EffectivePolicy, type EvaluationRequest } from "./evaluate-policies";
import { parsePolicyDocument, type PolicyDocument } from "./policy-document";

/**
 * The decision matrix: every case names its policies, the request, and the expected decision
 * with the deciding policy and statement (0-based) — or ImplicitDeny when nothing matched.
 */
type Expected =
  | { effect: "Allow"; policy: string; statement: number }
  | { effect: "Deny"; type: "ExplicitDeny"; policy: string; statement: number }
  | { effect: "Deny"; type: "ImplicitDeny" };

const ALLOW = (policy: string, statement = 0): Expected => ({ effect: "Allow", policy, statement });
const DENY = (policy: string, statement = 0): Expected => ({ effect: "Deny", type: "ExplicitDeny", policy, statement });
const IMPLICIT: Expected = { effect: "Deny", type: "ImplicitDeny" };

function policy(name: string, statements: object[], via?: EffectivePolicy["via"], policyType: "System" | "Custom" = "Custom"): EffectivePolicy {
  const parsed = parsePolicyDocument(JSON.stringify({ Version: "1", Statement: statements }));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
  return { policyName: name, policyType, document: parsed.document as PolicyDocument, ...(via ? { via } : {}) };
}

const DISK = "acs:ecs:cn-hangzhou:1234567890123456:disk/d-bp1abc";
const KEY = "acs:kms:cn-hangzhou:1234567890123456:key/key-hzz123";
const req = (action: string, resourceArn = DISK, conditions: Record<string, string[]> = {}): EvaluationRequest => ({
  action,
  resourceArn,
  conditions,
});

type Case = [string, EffectivePolicy[], EvaluationRequest, Expected];

function check(cases: Case[]) {
  it.each(cases)("%s", (_name, policies, request, expected) => {
    const result = evaluatePolicies(policies, request);
    if (expected.effect === "Deny" && expected.type === "ImplicitDeny") {
      expect(result).toEqual({ effect: "Deny", type: "ImplicitDeny" });
      return;
    }
    expect(result).toMatchObject({
      effect: expected.effect,
      policyName: expected.policy,
      statementIndex: expected.statement,
      ...(expected.effect === "Deny" ? { type: "ExplicitDeny" } : {}),
    });
  });
}

// ---- actions ---------------------------------------------------------------------------------
const allowAction = (pattern: string | string[]) => [policy("p", [{ Effect: "Allow", Action: pattern, Resource: "*" }])];
const actionCases: [string | string[], string, boolean][] = [
  ["*", "ecs:CreateDisk", true],
  ["*", "kms:Decrypt", true],
  ["ecs:*", "ecs:CreateDisk", true],
  ["ecs:*", "kms:CreateKey", false],
  ["ecs:CreateDisk", "ecs:CreateDisk", true],
  ["ecs:CreateDisk", "ecs:createdisk", true],
  ["ECS:CREATEDISK", "ecs:CreateDisk", true],
  ["ecs:CreateDisk", "ecs:CreateDisks", false],
  ["ecs:CreateDisk", "ecs:CreateDis", false],
  ["ecs:Create*", "ecs:CreateDisk", true],
  ["ecs:Create*", "ecs:CreateSnapshot", true],
  ["ecs:Create*", "ecs:DeleteDisk", false],
  ["ecs:*Disk", "ecs:CreateDisk", true],
  ["ecs:*Disk", "ecs:AttachDisk", true],
  ["ecs:*Disk", "ecs:DescribeDisks", false],
  ["ecs:*Disk*", "ecs:DescribeDisks", true],
  ["ecs:Describe*", "ecs:DescribeInstances", true],
  ["ecs:Describe*", "ecs:RunInstances", false],
  ["kms:List*", "kms:ListKeys", true],
  ["kms:List*", "kms:ListAliases", true],
  ["kms:List*", "kms:CreateKey", false],
  ["kms:Describe*", "kms:DescribeKey", true],
  ["kms:GenerateDataKey*", "kms:GenerateDataKey", true],
  ["kms:GenerateDataKey*", "kms:GenerateDataKeyWithoutPlaintext", true],
  ["kms:GenerateDataKey?", "kms:GenerateDataKey", false],
  ["kms:Decryp?", "kms:Decrypt", true],
  ["kms:?ecrypt", "kms:Decrypt", true],
  ["kms:?ecrypt", "kms:Encrypt", false],
  ["ecs:Run?nstances", "ecs:RunInstances", true],
  [["kms:Encrypt", "kms:Decrypt"], "kms:Decrypt", true],
  [["kms:Encrypt", "kms:Decrypt"], "kms:ReEncrypt", false],
  [["ecs:CreateDisk", "kms:*"], "kms:ScheduleKeyDeletion", true],
  ["ec*:CreateDisk", "ecs:CreateDisk", true],
  ["*:CreateDisk", "ecs:CreateDisk", true],
  ["ram:*", "ram:CreateUser", true],
  ["ram:Get*", "ram:ListUsers", false],
];
describe("Action wildcards (case-insensitive)", () => {
  check(
    actionCases.map(([pattern, action, allowed]) => [
      `${JSON.stringify(pattern)} ${allowed ? "matches" : "does not match"} ${action}`,
      allowAction(pattern),
      req(action),
      allowed ? ALLOW("p") : IMPLICIT,
    ]),
  );
});

// ---- resources -------------------------------------------------------------------------------
const allowResource = (pattern: string | string[]) => [policy("p", [{ Effect: "Allow", Action: "ecs:*", Resource: pattern }])];
const resourceCases: [string | string[], string, boolean][] = [
  ["*", DISK, true],
  ["acs:ecs:*:*:*", DISK, true],
  ["acs:ecs:*:*:disk/*", DISK, true],
  ["acs:ecs:*:*:instance/*", DISK, false],
  ["acs:ecs:cn-hangzhou:*:disk/*", DISK, true],
  ["acs:ecs:cn-shanghai:*:disk/*", DISK, false],
  ["acs:ecs:*:1234567890123456:disk/*", DISK, true],
  ["acs:ecs:*:9999999999999999:disk/*", DISK, false],
  [DISK, DISK, true],
  ["acs:ecs:*:*:disk/d-bp1*", DISK, true],
  ["acs:ecs:*:*:disk/d-bp2*", DISK, false],
  ["acs:ecs:*:*:disk/d-bp1ab?", DISK, true],
  ["acs:ecs:*:*:disk/d-bp1a?", DISK, false],
  ["acs:ecs:*:*:disk/D-BP1ABC", DISK, false],
  ["acs:ecs:*", DISK, true],
  ["acs:kms:*", DISK, false],
  [["acs:ecs:*:*:instance/*", "acs:ecs:*:*:disk/*"], DISK, true],
  [["acs:ecs:*:*:instance/*", "acs:ecs:*:*:image/*"], DISK, false],
  ["acs:ecs:*:*:disk/*", "acs:ecs:cn-hangzhou:1234567890123456:disk/*", true],
  ["acs:ram:*:*:user/*", "acs:ram::1234567890123456:user/alice", true],
];
describe("Resource wildcards", () => {
  check(
    resourceCases.map(([pattern, resource, allowed]) => [
      `${JSON.stringify(pattern)} ${allowed ? "matches" : "does not match"} ${resource}`,
      allowResource(pattern),
      req("ecs:CreateDisk", resource),
      allowed ? ALLOW("p") : IMPLICIT,
    ]),
  );
});

// ---- NotAction / NotResource -----------------------------------------------------------------
describe("NotAction and NotResource", () => {
  const notKmsWrites = policy("p", [{ Effect: "Allow", NotAction: ["kms:Create*", "kms:Delete*", "kms:Schedule*"], Resource: "*" }]);
  const denyNotRead = policy("d", [{ Effect: "Deny", NotAction: ["kms:List*", "kms:Describe*"], Resource: KEY }]);
  const allowAll = policy("a", [{ Effect: "Allow", Action: "*", Resource: "*" }]);
  const notDisk = policy("p", [{ Effect: "Allow", Action: "ecs:*", NotResource: "acs:ecs:*:*:disk/*" }]);
  const denyNotHangzhou = policy("d", [{ Effect: "Deny", Action: "*", NotResource: ["acs:*:cn-hangzhou:*:*"] }]);
  check([
    ["NotAction allows what it does not name", [notKmsWrites], req("kms:Decrypt", KEY), ALLOW("p")],
    ["NotAction allows other services", [notKmsWrites], req("ecs:CreateDisk"), ALLOW("p")],
    ["NotAction does not allow what it names", [notKmsWrites], req("kms:CreateKey", KEY), IMPLICIT],
    ["NotAction does not allow a wildcard match", [notKmsWrites], req("kms:ScheduleKeyDeletion", KEY), IMPLICIT],
    ["NotAction is case-insensitive", [notKmsWrites], req("KMS:createkey", KEY), IMPLICIT],
    ["Deny NotAction denies writes", [allowAll, denyNotRead], req("kms:DisableKey", KEY), DENY("d")],
    ["Deny NotAction spares reads", [allowAll, denyNotRead], req("kms:DescribeKey", KEY), ALLOW("a")],
    ["Deny NotAction spares other resources", [allowAll, denyNotRead], req("kms:DisableKey", `${KEY}x`), ALLOW("a")],
    ["NotResource allows other resources", [notDisk], req("ecs:StartInstance", "acs:ecs:cn-hangzhou:1:instance/i-1"), ALLOW("p")],
    ["NotResource does not allow the named ones", [notDisk], req("ecs:CreateDisk"), IMPLICIT],
    ["Deny NotResource denies other regions", [allowAll, denyNotHangzhou], req("ecs:CreateDisk", "acs:ecs:cn-shanghai:1:disk/d-1"), DENY("d")],
    ["Deny NotResource spares its region", [allowAll, denyNotHangzhou], req("ecs:CreateDisk"), ALLOW("a")],
    ["NotAction with NotResource", [policy("p", [{ Effect: "Allow", NotAction: "ecs:Delete*", NotResource: "acs:kms:*" }])], req("ecs:CreateDisk"), ALLOW("p")],
    ["NotAction with NotResource, resource excluded", [policy("p", [{ Effect: "Allow", NotAction: "ecs:Delete*", NotResource: "acs:kms:*" }])], req("kms:Decrypt", KEY), IMPLICIT],
    ["NotAction with NotResource, action excluded", [policy("p", [{ Effect: "Allow", NotAction: "ecs:Delete*", NotResource: "acs:kms:*" }])], req("ecs:DeleteDisk"), IMPLICIT],
  ]);
});

// ---- condition operators ---------------------------------------------------------------------
/** One Allow statement with one condition; the request carries `values` for the key (or nothing). */
function conditionCase(name: string, operator: string, policyValues: unknown, values: string[] | undefined, allowed: boolean, key = "test:Key"): Case {
  const p = policy("p", [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { [operator]: { [key]: policyValues } } }]);
  return [
    `${operator} ${JSON.stringify(policyValues)} vs ${values === undefined ? "(absent)" : JSON.stringify(values)}: ${name}`,
    [p],
    req("ecs:CreateDisk", DISK, values === undefined ? {} : { [key]: values }),
    allowed ? ALLOW("p") : IMPLICIT,
  ];
}

describe("String operators", () => {
  check([
    conditionCase("equal", "StringEquals", "abc", ["abc"], true),
    conditionCase("case differs", "StringEquals", "abc", ["ABC"], false),
    conditionCase("different", "StringEquals", "abc", ["abd"], false),
    conditionCase("one of several", "StringEquals", ["x", "abc"], ["abc"], true),
    conditionCase("none of several", "StringEquals", ["x", "y"], ["abc"], false),
    conditionCase("wildcards are literal", "StringEquals", "a*", ["abc"], false),
    conditionCase("empty string", "StringEquals", "", [""], true),
    conditionCase("not equal", "StringNotEquals", "abc", ["abd"], true),
    conditionCase("equal", "StringNotEquals", "abc", ["abc"], false),
    conditionCase("equals one of several", "StringNotEquals", ["x", "abc"], ["abc"], false),
    conditionCase("case differs", "StringNotEquals", "abc", ["ABC"], true),
    conditionCase("ignore case", "StringEqualsIgnoreCase", "abc", ["ABC"], true),
    conditionCase("ignore case, different", "StringEqualsIgnoreCase", "abc", ["ABD"], false),
    conditionCase("not equal ignoring case", "StringNotEqualsIgnoreCase", "abc", ["ABC"], false),
    conditionCase("not equal ignoring case, different", "StringNotEqualsIgnoreCase", "abc", ["xyz"], true),
    conditionCase("star", "StringLike", "a*", ["abc"], true),
    conditionCase("star matches empty", "StringLike", "abc*", ["abc"], true),
    conditionCase("question mark", "StringLike", "a?c", ["abc"], true),
    conditionCase("question mark needs one", "StringLike", "a?c", ["ac"], false),
    conditionCase("no match", "StringLike", "b*", ["abc"], false),
    conditionCase("case-sensitive", "StringLike", "A*", ["abc"], false),
    conditionCase("one of several patterns", "StringLike", ["x*", "*c"], ["abc"], true),
    conditionCase("regex characters are literal", "StringLike", "a.c", ["abc"], false),
    conditionCase("regex characters match themselves", "StringLike", "a.c", ["a.c"], true),
    conditionCase("not like", "StringNotLike", "b*", ["abc"], true),
    conditionCase("like", "StringNotLike", "a*", ["abc"], false),
    conditionCase("instance type family", "StringLike", "ecs.g7.*", ["ecs.g7.large"], true, "ecs:InstanceType"),
    conditionCase("instance type family, other", "StringLike", "ecs.g7.*", ["ecs.c7.large"], false, "ecs:InstanceType"),
    conditionCase("condition keys are case-insensitive", "StringEquals", "x", ["x"], true, "Test:KEY"),
  ]);
});

describe("Numeric operators", () => {
  check([
    conditionCase("equal", "NumericEquals", "10", ["10"], true),
    conditionCase("equal as numbers", "NumericEquals", 10, ["10.0"], true),
    conditionCase("different", "NumericEquals", "10", ["11"], false),
    conditionCase("not a number", "NumericEquals", "10", ["ten"], false),
    conditionCase("empty is not zero", "NumericEquals", "0", [""], false),
    conditionCase("not equal", "NumericNotEquals", "10", ["11"], true),
    conditionCase("equal", "NumericNotEquals", "10", ["10"], false),
    conditionCase("less", "NumericLessThan", "10", ["9"], true),
    conditionCase("equal is not less", "NumericLessThan", "10", ["10"], false),
    conditionCase("greater is not less", "NumericLessThan", "10", ["11"], false),
    conditionCase("negative", "NumericLessThan", "0", ["-1"], true),
    conditionCase("equal", "NumericLessThanEquals", "10", ["10"], true),
    conditionCase("greater", "NumericLessThanEquals", "10", ["10.5"], false),
    conditionCase("greater", "NumericGreaterThan", "10", ["11"], true),
    conditionCase("equal is not greater", "NumericGreaterThan", "10", ["10"], false),
    conditionCase("decimal", "NumericGreaterThan", "1.5", ["1.6"], true),
    conditionCase("equal", "NumericGreaterThanEquals", "10", ["10"], true),
    conditionCase("less", "NumericGreaterThanEquals", "10", ["9.99"], false),
    conditionCase("one of several", "NumericEquals", ["1", "2"], ["2"], true),
    conditionCase("large numbers", "NumericLessThan", "1000000", ["999999"], true),
  ]);
});

describe("Date operators", () => {
  const T = "2026-06-01T12:00:00Z";
  check([
    conditionCase("equal", "DateEquals", T, [T], true),
    conditionCase("equal in another form", "DateEquals", T, ["2026-06-01T12:00:00.000Z"], true),
    conditionCase("equal in another zone", "DateEquals", T, ["2026-06-01T20:00:00+08:00"], true),
    conditionCase("different", "DateEquals", T, ["2026-06-01T12:00:01Z"], false),
    conditionCase("not equal", "DateNotEquals", T, ["2026-06-02T12:00:00Z"], true),
    conditionCase("equal", "DateNotEquals", T, [T], false),
    conditionCase("before", "DateLessThan", T, ["2026-05-31T00:00:00Z"], true),
    conditionCase("same instant", "DateLessThan", T, [T], false),
    conditionCase("after", "DateLessThan", T, ["2026-07-01T00:00:00Z"], false),
    conditionCase("same instant", "DateLessThanEquals", T, [T], true),
    conditionCase("after", "DateLessThanEquals", T, ["2026-06-01T12:00:01Z"], false),
    conditionCase("after", "DateGreaterThan", T, ["2027-01-01T00:00:00Z"], true),
    conditionCase("same instant", "DateGreaterThan", T, [T], false),
    conditionCase("before", "DateGreaterThan", T, ["2020-01-01T00:00:00Z"], false),
    conditionCase("same instant", "DateGreaterThanEquals", T, [T], true),
    conditionCase("before", "DateGreaterThanEquals", T, ["2026-06-01T11:59:59Z"], false),
    conditionCase("epoch seconds", "DateGreaterThan", "1780000000", ["2026-06-01T00:00:00Z"], true),
    conditionCase("epoch seconds, earlier", "DateLessThan", "1780000000", ["2026-06-01T00:00:00Z"], false),
    conditionCase("not a date", "DateLessThan", T, ["yesterday"], false),
    conditionCase("current time window", "DateLessThan", T, ["2026-01-01T00:00:00Z"], true, "acs:CurrentTime"),
  ]);
});

describe("Bool", () => {
  check([
    conditionCase("true", "Bool", "true", ["true"], true),
    conditionCase("boolean literal", "Bool", true, ["true"], true),
    conditionCase("false", "Bool", "false", ["false"], true),
    conditionCase("mismatch", "Bool", "true", ["false"], false),
    conditionCase("mismatch", "Bool", false, ["true"], false),
    conditionCase("case-insensitive", "Bool", "TRUE", ["true"], true),
    conditionCase("secure transport", "Bool", "true", ["false"], false, "acs:SecureTransport"),
    conditionCase("secure transport false", "Bool", "false", ["false"], true, "acs:SecureTransport"),
    conditionCase("encrypted disk as Bool", "Bool", "true", ["true"], true, "ecs:IsDiskEncrypted"),
    conditionCase("not a boolean", "Bool", "true", ["yes"], false),
  ]);
});

describe("IpAddress and NotIpAddress (IPv4 and IPv6)", () => {
  check([
    conditionCase("inside /8", "IpAddress", "10.0.0.0/8", ["10.1.2.3"], true, "acs:SourceIp"),
    conditionCase("outside /8", "IpAddress", "10.0.0.0/8", ["11.0.0.1"], false, "acs:SourceIp"),
    conditionCase("single address", "IpAddress", "127.0.0.1", ["127.0.0.1"], true, "acs:SourceIp"),
    conditionCase("single address, other", "IpAddress", "127.0.0.1", ["127.0.0.2"], false, "acs:SourceIp"),
    conditionCase("/32", "IpAddress", "192.168.1.7/32", ["192.168.1.7"], true, "acs:SourceIp"),
    conditionCase("/24 edge", "IpAddress", "192.168.1.0/24", ["192.168.1.255"], true, "acs:SourceIp"),
    conditionCase("/24 outside", "IpAddress", "192.168.1.0/24", ["192.168.2.0"], false, "acs:SourceIp"),
    conditionCase("/0 is everything", "IpAddress", "0.0.0.0/0", ["8.8.8.8"], true, "acs:SourceIp"),
    conditionCase("one of several", "IpAddress", ["10.0.0.0/8", "127.0.0.0/8"], ["127.0.0.1"], true, "acs:SourceIp"),
    conditionCase("IPv4-mapped client", "IpAddress", "127.0.0.0/8", ["::ffff:127.0.0.1"], true, "acs:SourceIp"),
    conditionCase("IPv6 inside /32", "IpAddress", "2001:db8::/32", ["2001:db8::1"], true, "acs:SourceIp"),
    conditionCase("IPv6 outside /32", "IpAddress", "2001:db8::/32", ["2001:db9::1"], false, "acs:SourceIp"),
    conditionCase("IPv6 loopback", "IpAddress", "::1", ["::1"], true, "acs:SourceIp"),
    conditionCase("IPv6 /128", "IpAddress", "::1/128", ["::2"], false, "acs:SourceIp"),
    conditionCase("IPv6 range vs IPv4 client", "IpAddress", "2001:db8::/32", ["10.0.0.1"], false, "acs:SourceIp"),
    conditionCase("IPv4 range vs IPv6 client", "IpAddress", "10.0.0.0/8", ["2001:db8::1"], false, "acs:SourceIp"),
    conditionCase("not an address", "IpAddress", "10.0.0.0/8", ["localhost"], false, "acs:SourceIp"),
    conditionCase("outside", "NotIpAddress", "10.0.0.0/8", ["11.0.0.1"], true, "acs:SourceIp"),
    conditionCase("inside", "NotIpAddress", "10.0.0.0/8", ["10.0.0.1"], false, "acs:SourceIp"),
    conditionCase("IPv6 outside", "NotIpAddress", "2001:db8::/32", ["2001:db9::1"], true, "acs:SourceIp"),
    conditionCase("IPv6 inside", "NotIpAddress", "2001:db8::/32", ["2001:db8::5"], false, "acs:SourceIp"),
    conditionCase("inside one of several", "NotIpAddress", ["10.0.0.0/8", "127.0.0.0/8"], ["127.0.0.1"], false, "acs:SourceIp"),
  ]);
});

describe("missing keys and IfExists", () => {
  check([
    conditionCase("absent key is false", "StringEquals", "x", undefined, false),
    conditionCase("absent key is false for negated operators", "StringNotEquals", "x", undefined, false),
    conditionCase("absent key, NotLike", "StringNotLike", "x*", undefined, false),
    conditionCase("absent key, NotIpAddress", "NotIpAddress", "10.0.0.0/8", undefined, false, "acs:SourceIp"),
    conditionCase("absent key, NumericNotEquals", "NumericNotEquals", "1", undefined, false),
    conditionCase("absent key, DateNotEquals", "DateNotEquals", "2026-01-01T00:00:00Z", undefined, false),
    conditionCase("absent key, Bool", "Bool", "false", undefined, false),
    conditionCase("empty value list counts as absent", "StringNotEquals", "x", [], false),
    conditionCase("IfExists: absent is true", "StringEqualsIfExists", "x", undefined, true),
    conditionCase("IfExists: present and equal", "StringEqualsIfExists", "x", ["x"], true),
    conditionCase("IfExists: present and different", "StringEqualsIfExists", "x", ["y"], false),
    conditionCase("negated IfExists: absent", "StringNotEqualsIfExists", "x", undefined, true),
    conditionCase("negated IfExists: present, equal", "StringNotEqualsIfExists", "x", ["x"], false),
    conditionCase("Numeric IfExists: absent", "NumericLessThanIfExists", "5", undefined, true),
    conditionCase("Numeric IfExists: present", "NumericLessThanIfExists", "5", ["6"], false),
    conditionCase("Bool IfExists: absent", "BoolIfExists", "true", undefined, true),
    conditionCase("IpAddress IfExists: absent", "IpAddressIfExists", "10.0.0.0/8", undefined, true, "acs:SourceIp"),
    conditionCase("IpAddress IfExists: present, outside", "IpAddressIfExists", "10.0.0.0/8", ["8.8.8.8"], false, "acs:SourceIp"),
    conditionCase("Date IfExists: present, inside", "DateLessThanIfExists", "2030-01-01T00:00:00Z", ["2026-01-01T00:00:00Z"], true),
    conditionCase("Like IfExists: absent", "StringLikeIfExists", "ecs.g7.*", undefined, true, "ecs:InstanceType"),
  ]);
});

describe("multi-valued keys (one ecs:IsDiskEncrypted per data disk)", () => {
  const key = "ecs:IsDiskEncrypted";
  check([
    conditionCase("any value matches", "StringEquals", "false", ["true", "false"], true, key),
    conditionCase("no value matches", "StringEquals", "false", ["true", "true"], false, key),
    conditionCase("all match", "StringEquals", "true", ["true", "true"], true, key),
    conditionCase("single disk", "StringEquals", "false", ["false"], true, key),
    conditionCase("negated: one value differs", "StringNotEquals", "true", ["true", "false"], true, key),
    conditionCase("negated: all equal", "StringNotEquals", "true", ["true", "true"], false, key),
    conditionCase("Bool on several disks", "Bool", "false", ["true", "false", "true"], true, key),
    conditionCase("Bool none false", "Bool", "false", ["true", "true", "true"], false, key),
    conditionCase("Like over several values", "StringLike", "f*", ["true", "false"], true, key),
    conditionCase("Numeric over several values", "NumericGreaterThan", "100", ["20", "200"], true),
    conditionCase("IpAddress over several values", "IpAddress", "10.0.0.0/8", ["8.8.8.8", "10.0.0.1"], true),
  ]);
});

describe("several conditions: every operator and every key must hold", () => {
  const both = policy("p", [
    {
      Effect: "Allow",
      Action: "ecs:RunInstances",
      Resource: "*",
      Condition: {
        StringEquals: { "ecs:IsSystemDiskEncrypted": "true", "ecs:IsDiskEncrypted": "true" },
        StringLike: { "ecs:InstanceType": "ecs.g7.*" },
      },
    },
  ]);
  const run = (sys: string, data: string[], type: string) =>
    req("ecs:RunInstances", "acs:ecs:cn-hangzhou:1:instance/*", {
      "ecs:IsSystemDiskEncrypted": [sys],
      "ecs:IsDiskEncrypted": data,
      "ecs:InstanceType": [type],
    });
  check([
    ["all hold", [both], run("true", ["true"], "ecs.g7.large"), ALLOW("p")],
    ["system disk fails", [both], run("false", ["true"], "ecs.g7.large"), IMPLICIT],
    ["data disk fails", [both], run("true", ["false"], "ecs.g7.large"), IMPLICIT],
    ["data disks: one encrypted is enough for a positive match", [both], run("true", ["false", "true"], "ecs.g7.large"), ALLOW("p")],
    ["instance type fails", [both], run("true", ["true"], "ecs.c7.large"), IMPLICIT],
    ["a key missing fails", [both], req("ecs:RunInstances", "*", { "ecs:IsSystemDiskEncrypted": ["true"], "ecs:InstanceType": ["ecs.g7.large"] }), IMPLICIT],
  ]);
});

// ---- Deny precedence, order, groups ------------------------------------------------------------
describe("explicit Deny wins; the deciding statement is named", () => {
  const admin = policy("AdministratorAccess", [{ Effect: "Allow", Action: "*", Resource: "*" }], undefined, "System");
  const control = policy("ecs-disk-encrypt-control", [
    { Effect: "Deny", Action: ["ecs:RunInstances", "ecs:CreateInstance"], Resource: "*", Condition: { StringEquals: { "ecs:IsSystemDiskEncrypted": "false" } } },
    { Effect: "Deny", Action: ["ecs:RunInstances", "ecs:CreateInstance"], Resource: "*", Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } } },
    { Effect: "Deny", Action: "ecs:CreateDisk", Resource: "*", Condition: { StringEquals: { "ecs:IsDiskEncrypted": "false" } } },
  ]);
  const ecsFull = policy("AliyunECSFullAccess", [{ Effect: "Allow", Action: "ecs:*", Resource: "*" }, { Effect: "Allow", Action: ["vpc:DescribeVpcs"], Resource: "*" }], undefined, "System");
  const kmsRead = policy("AliyunKMSReadOnlyAccess", [{ Effect: "Allow", Action: ["kms:List*", "kms:Describe*", "kms:GetPublicKey"], Resource: "*" }], undefined, "System");
  const allowThenDeny = policy("mixed", [
    { Effect: "Allow", Action: "kms:*", Resource: "*" },
    { Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
  ]);
  const twoAllows = policy("two", [
    { Effect: "Allow", Action: "ecs:Describe*", Resource: "*" },
    { Effect: "Allow", Action: "ecs:*", Resource: "*" },
  ]);
  const unencryptedDisk = req("ecs:CreateDisk", "acs:ecs:cn-hangzhou:1:disk/*", { "ecs:IsDiskEncrypted": ["false"], "ecs:IsDiskByokEncrypted": ["false"] });
  const encryptedDisk = req("ecs:CreateDisk", "acs:ecs:cn-hangzhou:1:disk/*", { "ecs:IsDiskEncrypted": ["true"], "ecs:IsDiskByokEncrypted": ["false"] });
  const runWith = (sys: string, data: string[]) =>
    req("ecs:RunInstances", "acs:ecs:cn-hangzhou:1:instance/*", { "ecs:IsSystemDiskEncrypted": [sys], ...(data.length ? { "ecs:IsDiskEncrypted": data } : {}) });
  check([
    ["no policies: implicit deny", [], req("ecs:CreateDisk"), IMPLICIT],
    ["admin allows", [admin], req("ecs:CreateDisk"), ALLOW("AdministratorAccess")],
    ["encrypt control denies an unencrypted disk over admin", [admin, control], unencryptedDisk, DENY("ecs-disk-encrypt-control", 2)],
    ["encrypt control denies regardless of policy order", [control, admin], unencryptedDisk, DENY("ecs-disk-encrypt-control", 2)],
    ["encrypt control lets an encrypted disk through", [admin, control], encryptedDisk, ALLOW("AdministratorAccess")],
    ["encrypt control alone allows nothing", [control], encryptedDisk, IMPLICIT],
    ["ECS full access + control: unencrypted system disk", [ecsFull, control], runWith("false", ["true"]), DENY("ecs-disk-encrypt-control", 0)],
    ["ECS full access + control: one unencrypted data disk", [ecsFull, control], runWith("true", ["true", "false"]), DENY("ecs-disk-encrypt-control", 1)],
    ["ECS full access + control: all encrypted", [ecsFull, control], runWith("true", ["true", "true"]), ALLOW("AliyunECSFullAccess")],
    ["ECS full access + control: no data disks", [ecsFull, control], runWith("true", []), ALLOW("AliyunECSFullAccess")],
    ["KMS read-only: ListKeys", [kmsRead], req("kms:ListKeys", KEY), ALLOW("AliyunKMSReadOnlyAccess")],
    ["KMS read-only: DescribeKey", [kmsRead], req("kms:DescribeKey", KEY), ALLOW("AliyunKMSReadOnlyAccess")],
    ["KMS read-only: CreateKey", [kmsRead], req("kms:CreateKey", KEY), IMPLICIT],
    ["KMS read-only: DisableKey", [kmsRead], req("kms:DisableKey", KEY), IMPLICIT],
    ["KMS read-only: EnableKey", [kmsRead], req("kms:EnableKey", KEY), IMPLICIT],
    ["KMS read-only: ScheduleKeyDeletion", [kmsRead], req("kms:ScheduleKeyDeletion", KEY), IMPLICIT],
    ["KMS read-only: UpdateRotationPolicy", [kmsRead], req("kms:UpdateRotationPolicy", KEY), IMPLICIT],
    ["a Deny later in the same policy wins", [allowThenDeny], req("kms:ScheduleKeyDeletion", KEY), DENY("mixed", 1)],
    ["the Allow of the same policy still allows the rest", [allowThenDeny], req("kms:DisableKey", KEY), ALLOW("mixed", 0)],
    ["the first matching Allow is named", [twoAllows], req("ecs:DescribeDisks"), ALLOW("two", 0)],
    ["a later Allow is named when the first does not match", [twoAllows], req("ecs:CreateDisk"), ALLOW("two", 1)],
    ["the first policy's Allow is named", [ecsFull, admin], req("ecs:CreateDisk"), ALLOW("AliyunECSFullAccess")],
    ["Deny in one policy beats Allow in another", [admin, policy("deny-kms", [{ Effect: "Deny", Action: "kms:*", Resource: "*" }])], req("kms:Encrypt", KEY), DENY("deny-kms")],
    ["a Deny that does not match does not deny", [admin, policy("deny-kms", [{ Effect: "Deny", Action: "kms:*", Resource: "*" }])], req("ecs:CreateDisk"), ALLOW("AdministratorAccess")],
    ["a Deny with a false condition does not deny", [admin, policy("d", [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "acs:SecureTransport": "false" } } }])], req("ecs:CreateDisk", DISK, { "acs:SecureTransport": ["true"] }), ALLOW("AdministratorAccess")],
    ["a Deny with a true condition denies", [admin, policy("d", [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "acs:SecureTransport": "false" } } }])], req("ecs:CreateDisk", DISK, { "acs:SecureTransport": ["false"] }), DENY("d")],
    ["a Deny on a missing key does not deny", [admin, policy("d", [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { NotIpAddress: { "acs:SourceIp": "10.0.0.0/8" } } }])], req("ecs:CreateDisk"), ALLOW("AdministratorAccess")],
    ["a source-IP Deny from outside denies", [admin, policy("d", [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { NotIpAddress: { "acs:SourceIp": "10.0.0.0/8" } } }])], req("ecs:CreateDisk", DISK, { "acs:SourceIp": ["8.8.8.8"] }), DENY("d")],
    ["a source-IP Deny from inside does not", [admin, policy("d", [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { NotIpAddress: { "acs:SourceIp": "10.0.0.0/8" } } }])], req("ecs:CreateDisk", DISK, { "acs:SourceIp": ["10.9.9.9"] }), ALLOW("AdministratorAccess")],
    ["a time-boxed Allow after its end", [policy("until", [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { DateLessThan: { "acs:CurrentTime": "2026-01-01T00:00:00Z" } } }])], req("ecs:CreateDisk", DISK, { "acs:CurrentTime": ["2026-02-01T00:00:00Z"] }), IMPLICIT],
    ["a time-boxed Allow before its end", [policy("until", [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { DateLessThan: { "acs:CurrentTime": "2026-01-01T00:00:00Z" } } }])], req("ecs:CreateDisk", DISK, { "acs:CurrentTime": ["2025-12-31T23:59:59Z"] }), ALLOW("until")],
  ]);
});

describe("group policies count for their members", () => {
  const viaGroup = policy("AliyunECSReadOnlyAccess", [{ Effect: "Allow", Action: "ecs:Describe*", Resource: "*" }], { type: "Group", name: "readers" }, "System");
  const userAllow = policy("user-kms", [{ Effect: "Allow", Action: "kms:*", Resource: "*" }], { type: "User", name: "alice" });
  const groupDeny = policy("no-delete", [{ Effect: "Deny", Action: "kms:ScheduleKeyDeletion", Resource: "*" }], { type: "Group", name: "careful" });
  const userDeny = policy("user-deny", [{ Effect: "Deny", Action: "ecs:DescribeDisks", Resource: "*" }], { type: "User", name: "alice" });
  check([
    ["a group's Allow allows", [userAllow, viaGroup], req("ecs:DescribeDisks"), ALLOW("AliyunECSReadOnlyAccess")],
    ["a group's Allow does not allow beyond it", [userAllow, viaGroup], req("ecs:CreateDisk"), IMPLICIT],
    ["a user's Allow still allows", [userAllow, viaGroup], req("kms:Decrypt", KEY), ALLOW("user-kms")],
    ["a group's Deny beats the user's Allow", [userAllow, groupDeny], req("kms:ScheduleKeyDeletion", KEY), DENY("no-delete")],
    ["a group's Deny spares other actions", [userAllow, groupDeny], req("kms:DisableKey", KEY), ALLOW("user-kms")],
    ["a user's Deny beats the group's Allow", [userDeny, viaGroup], req("ecs:DescribeDisks"), DENY("user-deny")],
    ["a user's Deny spares the group's other actions", [userDeny, viaGroup], req("ecs:DescribeInstances"), ALLOW("AliyunECSReadOnlyAccess")],
    ["only groups, nothing matching", [groupDeny], req("kms:Decrypt", KEY), IMPLICIT],
  ]);

  it("reports the group through which the deciding policy came", () => {
    const result = evaluatePolicies([userAllow, viaGroup], req("ecs:DescribeDisks"));
    expect(result).toMatchObject({ effect: "Allow", via: { type: "Group", name: "readers" }, statement: { Effect: "Allow" } });
  });
});
