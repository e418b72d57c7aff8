import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, oneOf } from "@/lib/openapi/params";
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicyDescription, type PolicyView, type PolicyVersionView } from "@/lib/ram/policies";
import {
  createPolicyVersion,
  deletePolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  setDefaultPolicyVersion,
} from "@/lib/ram/policy-versions";
import { attachPolicy, detachPolicy, listEntitiesForPolicy, listPoliciesFor, type PrincipalType } from "@/lib/ram/attachments";
import { date, markerInput, markerParams, name, optionalText, pageWire, text } from "./wire";

const policyWire = (policy: PolicyView, detail: "create" | "full") => ({
  PolicyName: policy.policyName,
  PolicyType: policy.policyType,
  Description: policy.description,
  DefaultVersion: policy.defaultVersion,
  ...(detail === "full" ? { AttachmentCount: policy.attachmentCount } : {}),
  CreateDate: date(policy.createdAt),
  ...(detail === "full" ? { UpdateDate: date(policy.updatedAt) } : {}),
});

const versionWire = (version: PolicyVersionView) => ({
  VersionId: version.versionId,
  IsDefaultVersion: version.isDefaultVersion,
  PolicyDocument: version.policyDocument,
  CreateDate: date(version.createdAt),
});

/** The three Attach/Detach/List actions per principal type share one shape. */
function attachmentActions(type: PrincipalType): Record<string, ActionDefinition> {
  const param = `${type}Name` as const;
  const schema = z.object({ PolicyType: name(), PolicyName: name(), [param]: name() });
  const input = (p: Record<string, string>) => ({
    principalType: type,
    principalName: p[param],
    policyType: p.PolicyType,
    policyName: p.PolicyName,
  });
  return {
    [`AttachPolicyTo${type}`]: defineAction(schema, async (ctx, p) => {
      await attachPolicy(ctx, input(p as Record<string, string>));
      return {};
    }),
    [`DetachPolicyFrom${type}`]: defineAction(schema, async (ctx, p) => {
      await detachPolicy(ctx, input(p as Record<string, string>));
      return {};
    }),
    [`ListPoliciesFor${type}`]: defineAction(z.object({ [param]: name() }), async (ctx, p) => {
      const policies = await listPoliciesFor(ctx, { principalType: type, principalName: (p as Record<string, string>)[param] });
      return {
        Policies: {
          Policy: policies.map((a) => ({
            PolicyName: a.policyName,
            PolicyType: a.policyType,
            Description: a.description,
            DefaultVersion: a.defaultVersion,
            AttachDate: date(a.attachDate),
          })),
        },
      };
    }),
  };
}

/** Policies, their versions and attachments (RAM 2015-05-01). */
export const policyActions: Record<string, ActionDefinition> = {
  CreatePolicy: defineAction(
    z.object({ PolicyName: name(), PolicyDocument: text(), Description: optionalText() }),
    async (ctx, p) => ({
      Policy: policyWire(await createPolicy(ctx, { policyName: p.PolicyName, policyDocument: p.PolicyDocument, description: p.Description }), "create"),
    }),
  ),

  GetPolicy: defineAction(z.object({ PolicyType: name(), PolicyName: name() }), async (ctx, p) => {
    const { policy, defaultVersion } = await getPolicy(ctx, { policyType: p.PolicyType, policyName: p.PolicyName });
    return {
      Policy: { ...policyWire(policy, "full"), PolicyDocument: defaultVersion.policyDocument },
      DefaultPolicyVersion: versionWire(defaultVersion),
    };
  }),

  ListPolicies: defineAction(z.object({ PolicyType: name().optional(), ...markerParams }), async (ctx, p) => {
    const page = await listPolicies(ctx, { policyType: p.PolicyType, ...markerInput(p) });
    return { Policies: { Policy: page.items.map((policy) => policyWire(policy, "full")) }, ...pageWire(page) };
  }),

  UpdatePolicyDescription: defineAction(z.object({ PolicyName: name(), NewDescription: text() }), async (ctx, p) => ({
    Policy: policyWire(await updatePolicyDescription(ctx, { policyName: p.PolicyName, newDescription: p.NewDescription }), "full"),
  })),

  DeletePolicy: defineAction(z.object({ PolicyName: name(), CascadingDelete: bool().optional() }), async (ctx, p) => {
    await deletePolicy(ctx, { policyName: p.PolicyName, cascadingDelete: p.CascadingDelete });
    return {};
  }),

  CreatePolicyVersion: defineAction(
    z.object({
      PolicyName: name(),
      PolicyDocument: text(),
      SetAsDefault: bool().optional(),
      RotateStrategy: oneOf(["None", "DeleteOldestNonDefaultVersionWhenLimitExceeded"]).optional(),
    }),
    async (ctx, p) => ({
      PolicyVersion: versionWire(
        await createPolicyVersion(ctx, {
          policyName: p.PolicyName,
          policyDocument: p.PolicyDocument,
          setAsDefault: p.SetAsDefault,
          rotateStrategy: p.RotateStrategy,
        }),
      ),
    }),
  ),

  GetPolicyVersion: defineAction(z.object({ PolicyType: name(), PolicyName: name(), VersionId: name() }), async (ctx, p) => ({
    PolicyVersion: versionWire(await getPolicyVersion(ctx, { policyType: p.PolicyType, policyName: p.PolicyName, versionId: p.VersionId })),
  })),

  ListPolicyVersions: defineAction(z.object({ PolicyType: name(), PolicyName: name() }), async (ctx, p) => ({
    PolicyVersions: { PolicyVersion: (await listPolicyVersions(ctx, { policyType: p.PolicyType, policyName: p.PolicyName })).map(versionWire) },
  })),

  SetDefaultPolicyVersion: defineAction(z.object({ PolicyName: name(), VersionId: name() }), async (ctx, p) => {
    await setDefaultPolicyVersion(ctx, { policyName: p.PolicyName, versionId: p.VersionId });
    return {};
  }),

  DeletePolicyVersion: defineAction(z.object({ PolicyName: name(), VersionId: name() }), async (ctx, p) => {
    await deletePolicyVersion(ctx, { policyName: p.PolicyName, versionId: p.VersionId });
    return {};
  }),

  ...attachmentActions("User"),
  ...attachmentActions("Group"),
  ...attachmentActions("Role"),

  ListEntitiesForPolicy: defineAction(z.object({ PolicyType: name(), PolicyName: name() }), async (ctx, p) => {
    const entities = await listEntitiesForPolicy(ctx, { policyType: p.PolicyType, policyName: p.PolicyName });
    return {
      Users: {
        User: entities.users.map((u) => ({ UserId: u.userId, UserName: u.userName, DisplayName: u.displayName, AttachDate: date(u.attachDate) })),
      },
      Groups: { Group: entities.groups.map((g) => ({ GroupName: g.groupName, Comments: g.comments, AttachDate: date(g.attachDate) })) },
      Roles: {
        Role: entities.roles.map((r) => ({
          RoleId: r.roleId,
          RoleName: r.roleName,
          Arn: r.arn,
          Description: r.description,
          AttachDate: date(r.attachDate),
        })),
      },
    };
  }),
};
