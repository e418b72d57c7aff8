import { z } from "zod";
import { MAX_ALIAS_NAME_LENGTH } from "./alias-name";
import { KEY_ORIGINS, KEY_SPECS, KEY_USAGES, PROTECTION_LEVELS } from "./key-specs";
import { parseRotationInterval } from "./rotation-interval";
import { MAX_KEY_DESCRIPTION_LENGTH, PENDING_WINDOW_DAYS } from "./limits";

/**
 * Input schemas for the console's server actions (pure: forms may import them too) (consoleAction parses with these, the forms
 * validate with them), in the services' own camelCase shapes. The API's schemas (wire names,
 * Alibaba's error codes) are in ./actions/; both use the same limits and enumerations, and the
 * services check the rules that need more than one field (invalidKeySetting, aliases).
 */
export const keyIdInputSchema = z.object({ keyId: z.string().min(1).max(2048) });

export const createKeyInputSchema = z
  .object({
    description: z.string().max(MAX_KEY_DESCRIPTION_LENGTH).optional(),
    keySpec: z.enum(KEY_SPECS).optional(),
    keyUsage: z.enum(KEY_USAGES).optional(),
    origin: z.enum(KEY_ORIGINS).optional(),
    protectionLevel: z.enum(PROTECTION_LEVELS).optional(),
    enableAutomaticRotation: z.boolean().optional(),
    /** As typed in the form: `365d`, `8760h`, … (7–730 days). */
    rotationInterval: z
      .string()
      .refine((text) => parseRotationInterval(text) !== undefined, "7 to 730 days, e.g. 365d")
      .optional(),
  })
  .transform(({ rotationInterval, ...rest }) => ({
    ...rest,
    rotationIntervalSeconds:
      rotationInterval === undefined ? undefined : parseRotationInterval(rotationInterval),
  }));

export const scheduleKeyDeletionInputSchema = z.object({
  keyId: z.string().min(1).max(2048),
  pendingWindowInDays: z
    .number()
    .int()
    .min(PENDING_WINDOW_DAYS.min)
    .max(PENDING_WINDOW_DAYS.max)
    .default(PENDING_WINDOW_DAYS.consoleDefault),
});

export const aliasInputSchema = z.object({
  aliasName: z.string().min(1).max(MAX_ALIAS_NAME_LENGTH),
  keyId: z.string().min(1).max(2048),
});
