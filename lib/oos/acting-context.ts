import type { Principal, RequestContext } from "@/lib/context";
import type { OosExecution } from "@/lib/generated/prisma/client";
import { requestId } from "@/lib/ids";

/**
 * Who an execution's tasks act as: the OOSAssumeRole (a role session named after the
 * execution, evaluated with the role's attached policies), or without it the caller who
 * started it. Each call gets its own request id, the source `oos`, and names the
 * StartExecution event as what caused it.
 */
export function actingPrincipal(execution: Pick<OosExecution, "ramRole" | "caller" | "id">): Principal {
  const caller = JSON.parse(execution.caller) as Principal;
  if (!execution.ramRole) return caller;
  return { kind: "role", accountId: caller.accountId, roleName: execution.ramRole, sessionName: `oos-${execution.id}` };
}

export function actingContext(execution: Pick<OosExecution, "ramRole" | "caller" | "id" | "regionId" | "startEventId">): RequestContext {
  return {
    principal: actingPrincipal(execution),
    regionId: execution.regionId,
    requestId: requestId(),
    source: "oos",
    causedBy: execution.startEventId,
  };
}
