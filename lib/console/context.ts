import "server-only";
import { headers } from "next/headers";
import type { RequestContext } from "@/lib/context";
import { requestId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";

/** Set by server/main.ts from the socket for every console request. */
const SOURCE_IP_HEADER = "x-diskseal-source-ip";

/**
 * The console's identity for one request. Until RAM sign-in exists the console is the root
 * account's (the server binds to loopback by default); RAM users sign in in a later issue.
 */
export async function consoleContext(regionId?: string): Promise<RequestContext> {
  const runtime = getRuntime();
  const incoming = await headers();
  return {
    principal: { kind: "root", accountId: runtime.accountId },
    regionId: regionId ?? runtime.config.defaultRegionId,
    requestId: requestId(),
    source: "console",
    sourceIp: incoming.get(SOURCE_IP_HEADER) ?? undefined,
    secureTransport: false,
  };
}
