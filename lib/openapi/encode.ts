import { AppError } from "@/lib/errors";

/**
 * The percent-encoding of Alibaba Cloud's signatures, and a strict reader of query strings and
 * form bodies. Malformed input (a lone `%`, `%zz`, a truncated UTF-8 sequence, invalid UTF-8 in
 * a body, a name given twice) is the caller's mistake: it becomes a 400 with a Code here, so it
 * can never surface as a 5xx further down.
 */

/** encodeURIComponent, with `! ' ( ) *` escaped too (pop-core, openapi-util `encode`). */
const RESERVED_BY_ALIBABA = /[!'()*]/;
const RESERVED_BY_ALIBABA_ALL = /[!'()*]/g;

export function percentEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  // Every signed request encodes each parameter twice; most contain none of these.
  if (!RESERVED_BY_ALIBABA.test(encoded)) return encoded;
  return encoded.replace(RESERVED_BY_ALIBABA_ALL, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** More parameters than any RPC action takes; beyond it the request is refused, not parsed. */
export const MAX_PARAMS = 5000;

const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * Decodes one `application/x-www-form-urlencoded` component: `+` is a space, `%XX` a byte, and
 * the bytes must be UTF-8. `where` names the place for the error message.
 */
export function decodeComponent(raw: string, where: string): string {
  if (!raw.includes("%") && !raw.includes("+")) return raw;
  const spaced = raw.replace(/\+/g, " ");
  if (MALFORMED_ESCAPE.test(spaced)) throw malformed(raw, where);
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw malformed(raw, where);
  }
}

/** The same, but never throws: for deciding whether a request is an API request at all. */
export function decodeLeniently(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

export type ParamPair = [name: string, value: string];

/**
 * Splits and decodes `a=1&b=2`. Empty segments (`a=1&&b=2`) and segments without a name
 * (`=x`) are skipped, as form parsers do; `a` alone is `a=""`.
 */
export function parseUrlEncoded(text: string, where: string): ParamPair[] {
  const pairs: ParamPair[] = [];
  if (text === "") return pairs;
  for (const segment of text.split("&")) {
    if (segment === "") continue;
    const eq = segment.indexOf("=");
    const rawName = eq === -1 ? segment : segment.slice(0, eq);
    const rawValue = eq === -1 ? "" : segment.slice(eq + 1);
    if (rawName === "") continue;
    if (pairs.length >= MAX_PARAMS) {
      throw new AppError(
        "InvalidParameter",
        `The request carries more than ${MAX_PARAMS} parameters.`,
        400,
      );
    }
    pairs.push([decodeComponent(rawName, where), decodeComponent(rawValue, where)]);
  }
  return pairs;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A form body's text; bytes that are not UTF-8 are refused. */
export function decodeFormBody(body: Buffer): string {
  try {
    return STRICT_UTF8.decode(body);
  } catch {
    throw new AppError("InvalidParameter", "The request body is not valid UTF-8 form data.", 400);
  }
}

/**
 * Merges the query's and the body's parameters into one map (null prototype: names such as
 * `__proto__` are plain keys). A name given twice, in one place or across both, is refused:
 * which of the values was meant, and which one was signed, would be a guess.
 */
export function mergeParams(...lists: ParamPair[][]): Record<string, string> {
  const merged: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const list of lists) {
    for (const [name, value] of list) {
      if (Object.hasOwn(merged, name)) {
        throw new AppError(
          "InvalidParameter",
          `The parameter "${shorten(name)}" is specified more than once.`,
          400,
        );
      }
      if (++count > MAX_PARAMS) {
        throw new AppError(
          "InvalidParameter",
          `The request carries more than ${MAX_PARAMS} parameters.`,
          400,
        );
      }
      merged[name] = value;
    }
  }
  return merged;
}

/** Whether `name` appears as a parameter name in an urlencoded text (leniently decoded). */
export function hasParamName(text: string, name: string): boolean {
  if (!text.includes(name.slice(0, 1)) && !text.includes("%")) return false;
  return text.split("&").some((segment) => {
    const eq = segment.indexOf("=");
    const rawName = eq === -1 ? segment : segment.slice(0, eq);
    return rawName === name || decodeLeniently(rawName) === name;
  });
}

function malformed(raw: string, where: string) {
  return new AppError(
    "InvalidParameter",
    `The ${where} contains a malformed percent-encoding: "${shorten(raw)}".`,
    400,
  );
}

/** Error messages quote caller input; a megabyte of it helps no one. */
export function shorten(text: string, max = 64): string {
  return text.length <= max ? text : text.slice(0, max) + "…";
}
