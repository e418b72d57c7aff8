import { authorize, type RequestConditions } from "@/lib/ram/authorize";
import { recordEvent, type AuditService } from "@/lib/audit/record-event";
import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { eventId } from "@/lib/ids";

export type OperationSpec = {
  service: AuditService;
  /** The API name, e.g. "CreateDisk"; the RAM action is `<service>:<action>`. */
  action: string;
  resourceArn: string;
  conditions?: RequestConditions;
  keyId?: string;
  /** False for reads of the trail itself, which would otherwise fill it with themselves. */
  audit?: boolean;
};

/** What a running operation may refine: the resource it created, the key it used. */
export type Operation = { eventId: string; resourceArn: string; keyId?: string };

/**
 * The frame of every service operation (STYLE.md guard order): authorize first, then the
 * operation's own lookups and guards, then the audit event with the result — success or the
 * error code — recorded before the caller gets its answer. `op.eventId` is what operations
 * this one causes (ECS's KMS calls) name as their `causedBy`.
 */
export async function operation<T>(
  ctx: RequestContext,
  spec: OperationSpec,
  run: (op: Operation) => Promise<T>,
): Promise<T> {
  const op: Operation = { eventId: eventId(), resourceArn: spec.resourceArn, keyId: spec.keyId };
  let result = "Success";
  try {
    await authorize(ctx, `${spec.service}:${spec.action}`, spec.resourceArn, spec.conditions);
    return await run(op);
  } catch (error) {
    result = isAppError(error) ? error.code : "InternalError";
    throw error;
  } finally {
    if (spec.audit !== false) {
      await recordEvent(ctx, {
        eventId: op.eventId,
        service: spec.service,
        action: spec.action,
        resourceArn: op.resourceArn,
        keyId: op.keyId,
        result,
      });
    }
  }
}

/** `acs:<service>:<region>:<account>:<type>/<id>`; region is empty for global services. */
export function arn(service: string, regionId: string, accountId: string, resource: string): string {
  return `acs:${service}:${regionId}:${accountId}:${resource}`;
}
