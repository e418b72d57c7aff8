import type { ActionDefinition } from "@/lib/openapi/action";
import { groupActions } from "./actions/group-actions";
import { policyActions } from "./actions/policy-actions";
import { roleActions } from "./actions/role-actions";
import { userActions } from "./actions/user-actions";

/**
 * The RAM 2015-05-01 actions, served by lib/openapi/products.ts. Wire shapes are the
 * @alicloud/ram20150501 models' PascalCase names; the rules are in the services they call.
 */
export const ramActions: Record<string, ActionDefinition> = {
  ...userActions,
  ...groupActions,
  ...policyActions,
  ...roleActions,
};
