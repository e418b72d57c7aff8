/**
 * Who is calling, from where, on behalf of what. Every service function takes one; the OpenAPI
 * endpoint, server actions, the guest shell, the OOS runner and tests each build theirs.
 */
export type Source = "console" | "api" | "guest" | "oos" | "ecs-service";

export type Principal =
  | { kind: "root"; accountId: string; accessKeyId?: string }
  | { kind: "user"; accountId: string; userName: string; accessKeyId?: string }
  | { kind: "role"; accountId: string; roleName: string; sessionName: string }
  | { kind: "service"; accountId: string; service: "ecs" | "oos" };

export type RequestContext = {
  principal: Principal;
  regionId: string;
  requestId: string;
  source: Source;
  /** The caller's socket address (acs:SourceIp). */
  sourceIp?: string;
  /** Whether the request came over TLS (acs:SecureTransport). */
  secureTransport?: boolean;
  /** The EventId of the operation that caused this one (a KMS Decrypt caused by StartInstance). */
  causedBy?: string;
  /**
   * The caller asked only to validate (`DryRun=true`): the service checks everything it would
   * check, then throws `dryRunPassed()` instead of acting.
   */
  dryRun?: boolean;
};

/** The principal's display name in the audit trail and the top bar. */
export function principalName(principal: Principal): string {
  switch (principal.kind) {
    case "root":
      return `root@${principal.accountId}`;
    case "user":
      return `${principal.userName}@${principal.accountId}.onaliyun.com`;
    case "role":
      return `${principal.roleName}/${principal.sessionName}`;
    case "service":
      return `${principal.service}.aliyuncs.com`;
  }
}

/** A context for work the emulated cloud does by itself (ECS using KMS, the scheduler). */
export function serviceContext(parent: RequestContext, service: "ecs" | "oos", causedBy?: string): RequestContext {
  return {
    principal: { kind: "service", accountId: parent.principal.accountId, service },
    regionId: parent.regionId,
    requestId: parent.requestId,
    source: "ecs-service",
    sourceIp: parent.sourceIp,
    causedBy,
  };
}
