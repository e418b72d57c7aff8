import { z } from "zod";
import { isoSeconds } from "@/lib/clock";
import {
  assertEncryptionContext,
  parseEncryptionContext,
  type EncryptionContext,
} from "@/lib/crypto/encryption-context";
import { InvalidEncryptionContextError } from "@/lib/crypto/errors";
import { coded, int, str } from "@/lib/openapi/params";
import { MAX_PAGE_SIZE, type Page } from "../paging";
import { parseRotationInterval } from "../rotation-interval";

/**
 * Parameter helpers of the KMS actions (zod over the unflattened request, lib/openapi/params.ts)
 * and the wire pieces several actions share.
 */
const invalid = (name: string, detail?: string) =>
  coded(
    "InvalidParameter",
    `The specified parameter "${name}" is not valid.${detail ? ` ${detail}` : ""}`,
  );

/** A KeyId: key id, alias or ARN (lookups decide whether it exists). */
export const keyIdParam = () => str({ min: 1, max: 2048 });

export const pageParams = {
  PageNumber: int({ min: 1, max: 1_000_000 }).optional(),
  PageSize: int({ min: 1, max: MAX_PAGE_SIZE }).optional(),
};

export const pageWire = (page: Page<unknown>) => ({
  TotalCount: page.totalCount,
  PageNumber: page.pageNumber,
  PageSize: page.pageSize,
});

/**
 * EncryptionContext, as either client sends it: a JSON string (pop-core, the newer SDKs), or
 * the map the 2016 SDK flattens into `EncryptionContext.<key>=<value>` parameters, which
 * unflatten turns back into an object. A context key containing `.` comes back nested and is
 * joined again; keys that are all numbers come back as a list (`1`, `2`, … in order).
 */
export function encryptionContextParam(name = "EncryptionContext") {
  return z
    .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
    .transform((value, ctx): EncryptionContext => {
      try {
        if (typeof value === "string") return parseEncryptionContext(value);
        const flat = flattenContext(value);
        assertEncryptionContext(flat);
        return flat;
      } catch (error) {
        if (!(error instanceof InvalidEncryptionContextError)) throw error;
        ctx.addIssue({ code: "custom", message: invalid(name, error.message) });
        return z.NEVER;
      }
    });
}

function flattenContext(
  value: unknown,
  prefix = "",
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  const entries = Array.isArray(value)
    ? value.map((item, i) => [String(i + 1), item] as const)
    : Object.entries(value as object);
  for (const [key, item] of entries) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === "object") flattenContext(item, name, out);
    else out[name] = item;
  }
  return out;
}

/** Standard, canonical base64 of 1…maxBytes bytes, decoded. */
export function base64Param(name: string, maxBytes: number) {
  return z.string().transform((text, ctx) => {
    const bytes = Buffer.from(text, "base64");
    if (text.length === 0 || bytes.toString("base64") !== text || bytes.length > maxBytes) {
      ctx.addIssue({
        code: "custom",
        message: invalid(name, `It must be standard base64 of 1 to ${maxBytes} bytes.`),
      });
      return z.NEVER;
    }
    return bytes;
  });
}

/** RotationInterval `integer[d|h|m|s]`, 7–730 days, as seconds. */
export const rotationIntervalParam = () =>
  z.string().transform((text, ctx) => {
    const seconds = parseRotationInterval(text);
    if (seconds === undefined) {
      ctx.addIssue({
        code: "custom",
        message: invalid(
          "RotationInterval",
          "It is an integer with the unit d, h, m or s, from 7 to 730 days (e.g. 365d).",
        ),
      });
      return z.NEVER;
    }
    return seconds;
  });

/** A JSON-string parameter parsed by a pure parser that returns undefined when invalid. */
export function parsedJsonParam<T>(name: string, parse: (text: string) => T | undefined) {
  return z.string().transform((text, ctx) => {
    const parsed = parse(text);
    if (parsed === undefined) {
      ctx.addIssue({ code: "custom", message: invalid(name) });
      return z.NEVER;
    }
    return parsed;
  });
}

export const wireTime = (date: Date) => isoSeconds(date);
