import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Parameter parsing for RPC-style requests. The wire carries a flat map of strings
 * (`Tag.1.Key`, `SystemDisk.Category`, `InstanceTypes.2`); `unflatten` turns it into nested
 * objects and 1-based lists, and the zod helpers below validate values as strictly as Alibaba
 * does: integers are integers, booleans are `true`/`false`, enumerations exact. A failed check
 * becomes `InvalidParameter` (or the field's own code) and nothing runs.
 */

type Nested = string | { [key: string]: Nested } | Nested[];

/** Parameters every signed request carries; they are the endpoint's, not the action's. */
export const PROTOCOL_PARAMS = new Set([
  "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
  "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken", "RegionId",
]);

/** Names that would reach Object.prototype through plain objects (`__proto__.x`, `constructor.x`). */
const UNSAFE_SEGMENTS = new Set(Object.getOwnPropertyNames(Object.prototype).concat("prototype"));

export function unflatten(flat: Record<string, string>): Record<string, Nested> {
  const root: Record<string, Nested> = {};
  const keys = Object.keys(flat).sort(compareParamKeys);
  for (const key of keys) {
    const path = key.split(".");
    if (path.some((segment) => segment === "" || UNSAFE_SEGMENTS.has(segment))) {
      throw new AppError("InvalidParameter", `The parameter name "${key}" is not valid.`, 400);
    }
    let node: Record<string, Nested> = root;
    for (let i = 0; i < path.length - 1; i++) {
      const existing = node[path[i]];
      if (typeof existing === "string") throw conflicting(key);
      node = (node[path[i]] ??= {}) as Record<string, Nested>;
    }
    const leaf = path[path.length - 1];
    if (typeof node[leaf] === "object") throw conflicting(key);
    node[leaf] = flat[key];
  }
  return listify(root) as Record<string, Nested>;
}

function conflicting(key: string) {
  return new AppError("InvalidParameter", `The parameter "${key}" conflicts with another parameter of the same name.`, 400);
}

/** Objects whose keys are all positive integers become lists, in index order (N is 1-based). */
function listify(node: Nested): Nested {
  if (typeof node === "string" || Array.isArray(node)) return node;
  const keys = Object.keys(node);
  const children = Object.fromEntries(keys.map((k) => [k, listify(node[k])]));
  if (keys.length > 0 && keys.every((k) => /^[1-9]\d{0,3}$/.test(k))) {
    return keys.map(Number).sort((a, b) => a - b).map((n) => children[String(n)]);
  }
  return children;
}

function compareParamKeys(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- value helpers --------------------------------------------------------------------------

/** Marks an issue with the Alibaba error code to answer with (default InvalidParameter). */
const CODE_SEPARATOR = "\u0000";
export function coded(code: string, message: string): string {
  return `${code}${CODE_SEPARATOR}${message}`;
}

const invalid = (name?: string) => `The specified parameter "${name ?? "value"}" is not valid.`;

export const str = (opts: { max?: number; min?: number } = {}) =>
  z.string().min(opts.min ?? 0).max(opts.max ?? 4096);

export function int(opts: { min?: number; max?: number } = {}) {
  return z
    .string()
    .regex(/^-?\d{1,15}$/)
    .transform(Number)
    .pipe(z.number().int().min(opts.min ?? Number.MIN_SAFE_INTEGER).max(opts.max ?? Number.MAX_SAFE_INTEGER));
}

export const bool = () => z.enum(["true", "false"]).transform((v) => v === "true");

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** A JSON-encoded value in a string parameter (`DiskIds=["d-1"]`, KMS `EncryptionContext`). */
export function json<S extends z.ZodType>(schema: S) {
  return z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not valid JSON" });
      return z.NEVER;
    }
  }).pipe(schema);
}

/** A repeated parameter `X.1 … X.N` (after unflatten: a list), at most `max` entries. */
export const list = <S extends z.ZodType>(item: S, max = 100) => z.array(item).max(max);

/**
 * Alibaba's names (DiskName, InstanceName, …): 2–128 characters, starting with a letter
 * (Chinese letters count), then letters, digits and `. _ : -`.
 */
export const resourceName = () =>
  z.string().regex(/^[\p{L}][\p{L}\p{N}._:-]{1,127}$/u);

/** Descriptions: 2–256 characters, not starting with http:// or https://. */
export const description = () =>
  z.string().min(2).max(256).refine((v) => !/^https?:\/\//.test(v));

// ---- zod issue → AppError -------------------------------------------------------------------

/** Maps zod's first issue to Alibaba's error; `params` tells a missing value from a bad one. */
export function toAppError(error: z.ZodError, params: unknown = {}): AppError {
  const issue = error.issues[0];
  const name = issue.path.map((p) => (typeof p === "number" ? p + 1 : String(p))).join(".");
  if (issue.message.includes(CODE_SEPARATOR)) {
    const [code, message] = issue.message.split(CODE_SEPARATOR);
    return new AppError(code, message, 400);
  }
  if (issue.path.length > 0 && valueAt(params, issue.path) === undefined) {
    return new AppError("MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`, 400);
  }
  return new AppError("InvalidParameter", invalid(name), 400);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Parses an action's parameters; zod's failures become Alibaba's errors. */
export function parseParams<S extends z.ZodType>(schema: S, params: Record<string, Nested>): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw toAppError(result.error, params);
  return result.data;
}
