"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { checkPolicyDocument } from "@/lib/ram/policy-documents";
import {
  createPolicy as createPolicyService,
  deletePolicy as deletePolicyService,
} from "@/lib/ram/policies";
import {
  createPolicyVersion as createPolicyVersionService,
  deletePolicyVersion as deletePolicyVersionService,
  setDefaultPolicyVersion as setDefaultPolicyVersionService,
} from "@/lib/ram/policy-versions";

const policyName = z.string().min(1).max(128);
/** The document is checked by the service's validator (MalformedPolicyDocument with the reason). */
const policyDocument = z.string().max(32 * 1024);

export const createPolicy = consoleAction(
  z.object({ policyName, description: z.string().max(1024).optional(), policyDocument }),
  async (ctx, input) => {
    const policy = await createPolicyService(ctx, {
      policyName: input.policyName,
      policyDocument: input.policyDocument,
      description: input.description || undefined,
    });
    return { policyName: policy.policyName };
  },
);

/** Edit policy: a new version, made the default (with five versions the oldest non-default goes, as the console offers). */
export const createPolicyVersion = consoleAction(
  z.object({ policyName, policyDocument, rotate: z.boolean() }),
  async (ctx, input) => {
    const version = await createPolicyVersionService(ctx, {
      policyName: input.policyName,
      policyDocument: input.policyDocument,
      setAsDefault: true,
      rotateStrategy: input.rotate ? "DeleteOldestNonDefaultVersionWhenLimitExceeded" : "None",
    });
    return { versionId: version.versionId };
  },
);

const versionRef = z.object({ policyName, versionId: z.string().min(1).max(8) });

export const setDefaultPolicyVersion = consoleAction(versionRef, async (ctx, input) => {
  await setDefaultPolicyVersionService(ctx, input);
  return null;
});

export const deletePolicyVersion = consoleAction(versionRef, async (ctx, input) => {
  await deletePolicyVersionService(ctx, input);
  return null;
});

/** Delete policy, detaching it from every user, group and role first (the console's confirmation says so). */
export const deletePolicy = consoleAction(z.object({ policyName }), async (ctx, input) => {
  await deletePolicyService(ctx, { policyName: input.policyName, cascadingDelete: true });
  return null;
});

/**
 * The editor's live check: RAM's own validator (the one CreatePolicy runs), so the reason shown
 * while typing is the reason CreatePolicy would refuse with. Reads and changes nothing.
 */
export const validatePolicyDocument = consoleAction(
  z.object({ policyDocument }),
  async (_ctx, input) => {
    checkPolicyDocument(input.policyDocument);
    return null;
  },
);
