/**
 * The `EncodedDiagnosticMessage` of an AccessDeniedDetail and RAM DecodeDiagnosticMessage's
 * answer. Alibaba's encoding is opaque (api-extras.md §4.1); here it is base64url JSON carrying
 * what RAM's decoded form shows. It names nothing the denied caller could not already see.
 */
export type DiagnosticInput = {
  AuthAction: string;
  AuthPrincipalType: string;
  AuthPrincipalDisplayName: string;
  AuthPrincipalOwnerId: string;
  PolicyType: string;
  NoPermissionType: string;
  resourceArn: string;
  conditions: Record<string, string[]>;
  decision: { policyName?: string; policyType?: string; statementIndex?: number };
};

export type DecodedDiagnosticMessage = {
  ExplicitDeny: boolean;
  NoPermissionPolicyType: string;
  AuthAction: string;
  AuthResource: string;
  AuthPrincipal: { AuthPrincipalType: string; AuthPrincipalOwnerId: string; AuthPrincipalDisplayName: string };
  AuthConditions: { ConditionKey: string; ConditionValues: string[] }[];
  MatchedPolicies: {
    AttachedEntityType: string;
    AttachedScope: string;
    Effect: string;
    PolicyIdentifier: string;
    PolicyType: string;
    PolicyVersion: string;
  }[];
};

const PREFIX = "DS1.";

export function encodeDiagnosticMessage(input: DiagnosticInput): string {
  const decoded: DecodedDiagnosticMessage = {
    ExplicitDeny: input.NoPermissionType === "ExplicitDeny",
    NoPermissionPolicyType: input.PolicyType,
    AuthAction: input.AuthAction,
    AuthResource: input.resourceArn,
    AuthPrincipal: {
      AuthPrincipalType: input.AuthPrincipalType,
      AuthPrincipalOwnerId: input.AuthPrincipalOwnerId,
      AuthPrincipalDisplayName: input.AuthPrincipalDisplayName,
    },
    AuthConditions: Object.entries(input.conditions).map(([key, values]) => ({ ConditionKey: key, ConditionValues: values })),
    // The deciding statement: an explicit Deny's (an implicit deny matched nothing).
    MatchedPolicies: input.decision.policyName
      ? [
          {
            AttachedEntityType: input.AuthPrincipalType === "AssumedRoleUser" ? "Role" : "User",
            AttachedScope: "Account",
            Effect: "Deny",
            PolicyIdentifier: input.decision.policyName,
            PolicyType: input.decision.policyType ?? "",
            PolicyVersion: "",
          },
        ]
      : [],
  };
  return PREFIX + Buffer.from(JSON.stringify(decoded)).toString("base64url");
}

export function decodeDiagnosticMessage(encoded: string): DecodedDiagnosticMessage | undefined {
  if (!encoded.startsWith(PREFIX)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(encoded.slice(PREFIX.length), "base64url").toString("utf8")) as unknown;
    return typeof value === "object" && value !== null && "AuthAction" in value ? (value as DecodedDiagnosticMessage) : undefined;
  } catch {
    return undefined;
  }
}
