import { z } from "zod";
import { isKnownRegion } from "@/lib/ecs/catalog/regions";
import { keyIdInputSchema } from "@/lib/kms/console-schemas";

/**
 * What every KMS server action's input carries besides its own fields: the console page's
 * region (the action runs there) and, for one key, its id.
 */
export const regionInputSchema = z.object({
  regionId: z.string().refine(isKnownRegion, "The specified RegionId does not exist."),
});

export const keyRefInputSchema = keyIdInputSchema.extend(regionInputSchema.shape);

export const inRegion = { regionOf: (input: { regionId: string }) => input.regionId };
