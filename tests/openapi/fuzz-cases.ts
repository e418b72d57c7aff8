import type { ApiHttpRequest } from "@/lib/openapi/handle-request";
import { TEST_CREDENTIALS as creds } from "./runtime";
import { sdkTimestamp, signV1, signV3 } from "./sign";

/**
 * The fuzz test's generators (fuzz.test.ts): each draws one malformed request from a seeded
 * PRNG. Some are signed validly so that they reach parameter validation; `replay` sends a
 * valid request first (`prime`) and then again.
 */
const ECS = "2014-05-26";
const DISKSEAL = "2026-11-28";

/** mulberry32: small, fast, seeded. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}
export type Rng = ReturnType<typeof prng>;

const BAD_ESCAPES = [
  "%",
  "%z",
  "%zz",
  "%E0%A4%A",
  "%C3",
  "%FF",
  "%C0%AF",
  "%ED%A0%80",
  "%%",
  "abc%4",
  "%u0041",
  "%F0%9F%98",
];
const BAD_INTEGERS = [
  "1.5",
  "abc",
  "",
  "1e3",
  " 1",
  "0x10",
  "-0.0",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "１",
  "0",
  "-5",
];
const BAD_BOOLEANS = ["yes", "True", "1", "", "TRUE", "false ", "null"];
const HUGE = "A".repeat(1024 * 1024);

/** `prime` is sent first and must pass (a replayed request's original). */
export type Case = { name: string; req: ApiHttpRequest; prime?: ApiHttpRequest };

function rawGet(url: string, headers: ApiHttpRequest["headers"] = {}): ApiHttpRequest {
  return { method: "GET", url, headers, body: Buffer.alloc(0) };
}

/** Unsigned garbage around an Action: bad escapes, duplicates, random characters. */
function garbageQuery(r: Rng): Case {
  const parts = ["Action=" + r.pick(["", "DescribeRegions", "X", "%zz"])];
  for (let i = 0, n = 1 + r.int(6); i < n; i++) {
    switch (r.int(5)) {
      case 0:
        parts.push(`${r.pick(["a", "Version", "Tag.1.Key", "RegionId"])}=${r.pick(BAD_ESCAPES)}`);
        break;
      case 1:
        parts.push(`${r.pick(BAD_ESCAPES)}=1`);
        break;
      case 2:
        parts.push(r.pick(["Action=Y", "Version=1", "Version=2"]));
        break;
      case 3:
        parts.push(
          r
            .bytes(1 + r.int(12))
            .toString("latin1")
            .replace(/[#?]/g, ""),
        );
        break;
      default:
        parts.push(r.pick(["", "=", "&", "==", "a==b", "Version=" + ECS]));
    }
  }
  const url = "/?" + parts.sort(() => r.next() - 0.5).join("&");
  return { name: `garbage query ${JSON.stringify(url.slice(0, 80))}`, req: rawGet(url) };
}

/** A form POST whose body is random bytes (or bytes after an Action). */
function randomBody(r: Rng): Case {
  const prefix = r.pick(["", "Action=DescribeRegions&", "Action=&", `Version=${ECS}&Action=X&`]);
  const body = Buffer.concat([Buffer.from(prefix), r.bytes(r.int(300))]);
  const contentType = r.pick([
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "APPLICATION/X-WWW-FORM-URLENCODED",
  ]);
  return {
    name: `random body (${body.length} bytes)`,
    req: { method: "POST", url: "/", headers: { "content-type": contentType }, body },
  };
}

/** Validly signed, reaching parameter validation with values of the wrong type. */
function signedBadParams(r: Rng): Case {
  const method = r.pick(["GET", "POST"] as const);
  const choice = r.int(6);
  let action = "AdvanceEmulatorClock";
  let version = DISKSEAL;
  let params: Record<string, string> = { Seconds: r.pick(BAD_INTEGERS) };
  if (choice === 1)
    params = { Seconds: r.next() < 0.05 ? HUGE : "1" + "0".repeat(20 + r.int(100)) };
  if (choice === 2) params = {};
  if (choice === 3)
    [action, version, params] = [
      "DescribeZones",
      ECS,
      { RegionId: "cn-hangzhou", Verbose: r.pick(BAD_BOOLEANS) },
    ];
  if (choice === 4)
    [action, version, params] = [
      "DescribeRegions",
      ECS,
      r.pick<Record<string, string>>([
        { AcceptLanguage: "klingon" },
        { ResourceType: "spaceship" },
        { InstanceChargeType: "Free" },
      ]),
    ];
  if (choice === 5)
    [action, version, params] = [
      "DescribeRegions",
      ECS,
      { DryRun: r.pick(BAD_BOOLEANS), "Tag.1": "a", "Tag.1.Key": "b" },
    ];
  const req = signV1(creds, { method, action, version, params });
  return { name: `signed ${method} ${action} ${JSON.stringify(params).slice(0, 80)}`, req };
}

/** Validly signed, but the action or version does not exist. */
function signedUnknown(r: Rng): Case {
  const [action, version] = r.pick([
    ["NoSuchAction", ECS],
    ["describeregions", ECS],
    ["__proto__", ECS],
    ["hasOwnProperty", DISKSEAL],
    ["DescribeRegions", "2014-05-27"],
    ["DescribeRegions", ""],
    ["X".repeat(5000), ECS],
    ["DescribeRegions", "../../etc"],
  ] as const);
  const signer = r.next() < 0.5 ? "v1" : "v3";
  const req =
    signer === "v1" ? signV1(creds, { action, version }) : signV3(creds, { action, version });
  return { name: `signed ${signer} unknown ${action.slice(0, 30)}@${version}`, req };
}

/** A valid V1 request, mutated after signing. */
function mutatedV1(r: Rng): Case {
  const req = signV1(creds, { action: "DescribeEmulatorClock", version: DISKSEAL, method: "GET" });
  const mutations: Array<[string, (url: string) => string]> = [
    [
      "drop a param",
      (u) =>
        u.replace(
          new RegExp(
            `[?&]${r.pick(["AccessKeyId", "SignatureNonce", "Timestamp", "SignatureMethod", "SignatureVersion", "Signature"])}=[^&]*`,
          ),
          (m) => m[0],
        ),
    ],
    ["duplicate a param", (u) => u + "&" + u.split("?")[1].split("&")[r.int(8)]],
    [
      "insert bad escape",
      (u) => {
        const i = 2 + r.int(u.length - 2);
        return u.slice(0, i) + r.pick(BAD_ESCAPES) + u.slice(i);
      },
    ],
    [
      "flip signature",
      (u) => u.replace(/Signature=(.)/, (_, c: string) => `Signature=${c === "A" ? "B" : "A"}`),
    ],
    [
      "stale timestamp",
      (u) =>
        u.replace(
          /Timestamp=[^&]*/,
          `Timestamp=${encodeURIComponent(sdkTimestamp(Date.now() - 3600_000))}`,
        ),
    ],
    [
      "bad timestamp",
      (u) =>
        u.replace(
          /Timestamp=[^&]*/,
          `Timestamp=${r.pick(["0", "2026-99-99T00:00:00Z", "%zz", ""])}`,
        ),
    ],
    [
      "bad method",
      (u) =>
        u.replace(/SignatureMethod=[^&]*/, `SignatureMethod=${r.pick(["HMAC-MD5", "", "RSA"])}`),
    ],
    [
      "unknown key",
      (u) =>
        u.replace(
          /AccessKeyId=[^&]*/,
          `AccessKeyId=${r.pick(["LTAInope", "%00", "x".repeat(300), ""])}`,
        ),
    ],
    [
      "prototype name",
      (u) => u + `&${r.pick(["__proto__.x", "constructor.prototype.x", "Tag.1.__proto__"])}=1`,
    ],
    ["empty name segment", (u) => u + `&${r.pick(["Tag..Key", ".a", "a."])}=1`],
  ];
  const [label, mutate] = r.pick(mutations);
  return { name: `mutated V1: ${label}`, req: { ...req, url: mutate(req.url) } };
}

/** A valid V3 request with its headers or body tampered with. */
function mutatedV3(r: Rng): Case {
  const body = r.next() < 0.3 ? r.bytes(r.int(64)) : undefined;
  const req = signV3(creds, {
    action: "DescribeEmulatorClock",
    version: DISKSEAL,
    body,
    contentType: body ? "application/octet-stream" : undefined,
  });
  const headers = { ...req.headers } as Record<string, string | string[] | undefined>;
  const label = r.pick(["authorization", "drop", "extra", "array", "body", "weird", "date", "sha"]);
  switch (label) {
    case "authorization":
      headers.authorization = r.pick([
        "",
        "ACS3-HMAC-SHA256",
        "ACS3-HMAC-SHA256 ,,,",
        "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=,Signature=b",
        String(headers.authorization).replace(/Signature=./, "Signature=z"),
        r.bytes(40).toString("latin1"),
      ]);
      break;
    case "drop":
      delete headers[
        r.pick([
          "x-acs-date",
          "x-acs-signature-nonce",
          "x-acs-content-sha256",
          "host",
          "x-acs-action",
          "x-acs-version",
        ])
      ];
      break;
    case "extra":
      headers[r.pick(["x-acs-foo", "X-ACS-DATE", "x-acs-security-token"])] = "1";
      break;
    case "array":
      headers["x-acs-version"] = [DISKSEAL, ECS];
      break;
    case "body":
      return {
        name: "V3 body swapped",
        req: { ...req, body: Buffer.concat([req.body, Buffer.from("x")]) },
      };
    case "weird":
      headers[r.pick(["x-acs-action", "x-acs-date", "x-acs-signature-nonce"])] = r.pick([
        "\u0000",
        "é".repeat(3),
        "a".repeat(100_000),
        " ",
      ]);
      break;
    case "date":
      headers["x-acs-date"] = sdkTimestamp(
        Date.now() + r.pick([-1, 1]) * (16 + r.int(10_000)) * 60_000,
      );
      break;
    default:
      headers["x-acs-content-sha256"] = r.pick([
        "",
        "00",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".toUpperCase(),
      ]);
  }
  return { name: `mutated V3: ${label}`, req: { ...req, headers } };
}

/** A valid request sent again: its nonce is used. */
function replay(r: Rng): Case {
  const req =
    r.next() < 0.5
      ? signV1(creds, {
          action: "DescribeEmulatorClock",
          version: DISKSEAL,
          method: r.pick(["GET", "POST"] as const),
        })
      : signV3(creds, { action: "DescribeEmulatorClock", version: DISKSEAL });
  return { name: `replayed ${req.headers.authorization ? "V3" : "V1"}`, req, prime: req };
}

/** Everything else: odd methods, paths, content types, empty requests, huge values. */
function oddities(r: Rng): Case {
  const options: Array<() => ApiHttpRequest> = [
    () => rawGet("/?Action"),
    () => rawGet("/?Action=DescribeRegions&Version=" + ECS),
    () =>
      rawGet("/?Action=DescribeRegions", {
        "x-acs-version": ECS,
        authorization: "ACS3-HMAC-SHA256 Credential=" + "a".repeat(10_000),
      }),
    () =>
      rawGet(
        `/?Action=DescribeRegions&Version=${ECS}&AccessKeyId=${creds.accessKeyId}&Signature=x&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=${r.int(1e9)}&Timestamp=${sdkTimestamp()}`,
      ),
    () => rawGet(`/?Action=X&Big=${HUGE.slice(0, 1024 * (1 + r.int(1024)))}`),
    () => ({
      method: r.pick(["PUT", "DELETE", "get", "PATCH"]),
      url: "/?Action=DescribeRegions",
      headers: {},
      body: Buffer.alloc(0),
    }),
    () => ({
      method: "POST",
      url: "/",
      headers: {
        "x-acs-action": "DescribeRegions",
        "content-type": "multipart/form-data; boundary=x",
      },
      body: r.bytes(100),
    }),
    () => ({
      method: "POST",
      url: "/?Action=X#frag%zz",
      headers: { "content-type": "application/x-www-form-urlencoded;;;" },
      body: Buffer.from("Action=Y"),
    }),
    () =>
      signV1(creds, {
        action: "AdvanceEmulatorClock",
        version: DISKSEAL,
        params: { Seconds: r.pick(BAD_INTEGERS) },
        protocol: { Format: r.pick(["yaml", "", "JSONP"]) },
      }),
    () =>
      signV1(creds, {
        action: "AdvanceEmulatorClock",
        version: DISKSEAL,
        params: { [`Seconds${"\u0000"}`]: "1" },
      }),
  ];
  const req = r.pick(options)();
  return { name: `oddity ${req.method} ${req.url.slice(0, 60)}`, req };
}

export const GENERATORS: Array<(r: Rng) => Case> = [
  garbageQuery,
  randomBody,
  signedBadParams,
  signedUnknown,
  mutatedV1,
  mutatedV3,
  oddities,
  replay,
];
