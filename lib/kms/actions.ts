import { acceptingDryRun, type ActionDefinition } from "@/lib/openapi/action";
import { aliasActions } from "./actions/alias-actions";
import { cryptoActions } from "./actions/crypto-actions";
import { keyActions } from "./actions/key-actions";
import { versionActions } from "./actions/version-actions";

/**
 * The KMS 2016-01-20 actions, served by lib/openapi/products.ts. Parameter schemas and wire
 * shapes (the @alicloud/kms20160120 models' PascalCase names) are in ./actions/; the rules are
 * in the services they call. RegionId is the endpoint's (ctx.regionId); a KeyId ARN names its own.
 */
export const kmsActions: Record<string, ActionDefinition> = {
  ...keyActions,
  ...aliasActions,
  // The cryptographic operations take DryRun: checked like the real call, then not performed.
  ...acceptingDryRun(cryptoActions),
  ...versionActions,
};
