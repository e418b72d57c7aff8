import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { keyOperation } from "./key-operation";
import { toKeyView, type KeyView } from "./key-view";

/** KMS DescribeKey: the key's metadata, in any state (KeyId: id, alias or ARN). */
export function describeKey(ctx: RequestContext, input: { keyId: string }): Promise<KeyView> {
  return keyOperation(ctx, "DescribeKey", input.keyId, async (key) =>
    toKeyView(key, getRuntime().accountId, now()),
  );
}
