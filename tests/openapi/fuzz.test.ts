import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formHasAction,
  handleOpenApiRequest,
  isOpenApiRequest,
} from "@/lib/openapi/handle-request";
import { bootTestRuntime, shutdownTestRuntime } from "./runtime";
import { GENERATORS, prng } from "./fuzz-cases";

/**
 * Malformed requests, generated from a seed (FUZZ_SEED to reproduce a failure), must all be
 * answered 4xx with a JSON body carrying a Code: never a 5xx, never a throw, never a non-JSON
 * body. Some are signed validly so that they reach parameter validation.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const CASES = 2400;

let dataDir = "";
beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
});
afterAll(async () => {
  await shutdownTestRuntime(dataDir);
});

describe(`fuzz (seed ${SEED}, ${CASES} cases)`, () => {
  it("answers every malformed request 4xx, JSON, with a Code", { timeout: 120_000 }, async () => {
    const r = prng(SEED);
    const failures: string[] = [];
    const codes = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const { name, req, prime } = GENERATORS[i % GENERATORS.length](r);
      if (prime && (await handleOpenApiRequest(prime)).status !== 200)
        failures.push(`#${i} ${name}: original refused`);
      // The routing predicates never throw on anything either.
      isOpenApiRequest(req.method, req.url, req.headers);
      formHasAction(req.body);
      const res = await handleOpenApiRequest(req);
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(res.body) as Record<string, unknown>;
      } catch {
        // reported below
      }
      const ok =
        res.status >= 400 &&
        res.status < 500 &&
        res.headers["content-type"]?.startsWith("application/json") &&
        typeof body?.Code === "string" &&
        body.Code !== "" &&
        typeof body.RequestId === "string" &&
        typeof body.Message === "string";
      if (!ok) failures.push(`#${i} ${name} → ${res.status} ${res.body.slice(0, 200)}`);
      if (body?.Code) codes.set(String(body.Code), (codes.get(String(body.Code)) ?? 0) + 1);
    }
    if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(codes));
    expect(failures, `seed ${SEED}:\n${failures.slice(0, 20).join("\n")}`).toEqual([]);
    // The cases reach every layer, not just the first check.
    for (const code of [
      "InvalidParameter",
      "MissingParameter",
      "SignatureDoesNotMatch",
      "InvalidAction.NotFound",
      "InvalidVersion",
      "IllegalTimestamp",
      "IncompleteSignature",
      "InvalidAccessKeyId.NotFound",
      "SignatureNonceUsed",
    ]) {
      expect(codes.get(code) ?? 0, `${code} in ${JSON.stringify([...codes])}`).toBeGreaterThan(0);
    }
  });
});
