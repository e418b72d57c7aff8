import { z } from "zod";
import { afterAll, beforeAll, expect } from "vitest";
import { handleOpenApiRequest, type ApiHttpRequest } from "@/lib/openapi/handle-request";
import { defineAction } from "@/lib/openapi/action";
import { bool, int } from "@/lib/openapi/params";
import { emulatorActions } from "@/lib/emulator/actions";
import type { RequestContext } from "@/lib/context";
import { bootTestRuntime, shutdownTestRuntime, TEST_CREDENTIALS } from "./runtime";
import { signV1 } from "./sign";

/**
 * In-process endpoint tests: a booted runtime, plus two test-only DiskSeal actions (removed
 * afterwards) to observe what reaches an action: `ZzTestEcho` answers its parsed input and
 * records its context, `ZzTestThrow` throws a plain Error.
 */
export const DISKSEAL = "2026-11-28";
export const creds = TEST_CREDENTIALS;

let seenContext: RequestContext | undefined;
export const lastContext = () => seenContext;

export function withOpenApiRuntime(): void {
  let dataDir = "";
  beforeAll(async () => {
    ({ dataDir } = await bootTestRuntime());
    emulatorActions.ZzTestEcho = defineAction(
      z.object({
        Count: int({ min: 1 }).optional(),
        Flag: bool().optional(),
        Tag: z.array(z.object({ Key: z.string() })).optional(),
      }),
      (ctx, input) => {
        seenContext = ctx;
        return { Input: input };
      },
    );
    emulatorActions.ZzTestThrow = defineAction(z.object({}), () => {
      throw new Error("boom");
    });
  });
  afterAll(async () => {
    delete emulatorActions.ZzTestEcho;
    delete emulatorActions.ZzTestThrow;
    await shutdownTestRuntime(dataDir);
  });
}

/** A DiskSeal action signed V1 with the test key. */
export const v1 = (action: string, extra: Partial<Parameters<typeof signV1>[1]> = {}) =>
  signV1(creds, { action, version: DISKSEAL, ...extra });

export async function call(req: ApiHttpRequest) {
  const res = await handleOpenApiRequest(req);
  expect(res.headers["content-type"]).toBe("application/json;charset=utf-8");
  return {
    status: res.status,
    body: JSON.parse(res.body) as Record<string, unknown>,
    headers: res.headers,
  };
}

/** Asserts a refusal: status, Code, and the error body's shape. */
export async function expectError(
  req: ApiHttpRequest,
  status: number,
  code: string,
  product = "DiskSeal",
) {
  const res = await call(req);
  expect(res.body.Code, JSON.stringify(res.body)).toBe(code);
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({
    RequestId: expect.any(String),
    HostId: expect.any(String),
    Message: expect.any(String),
  });
  expect(res.body.Recommend).toBe(
    `https://api.aliyun.com/troubleshoot?q=${code}&product=${product}&requestId=${res.body.RequestId}`,
  );
  return res.body;
}
