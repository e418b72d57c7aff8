import { z } from "zod";
import { isKnownRegion } from "@/lib/ecs/catalog/regions";
import { diskDescriptionField, diskNameField, kmsKeyIdField } from "@/lib/ecs/disks/schemas";

/**
 * The Copy / Copy and Encrypt dialog's request (`CopyRequest`), as both copy actions
 * (CopySnapshot, CopyImage) check it.
 */
export const copyRequestFields = {
  destinationRegionId: z.string().refine(isKnownRegion),
  name: diskNameField().optional(),
  description: diskDescriptionField().optional(),
  encrypted: z.boolean(),
  kmsKeyId: kmsKeyIdField().optional(),
};

/**
 * The API's Encrypted/KMSKeyId of a copy: Copy and Encrypt sends both; a plain Copy sends
 * neither (the copy is encrypted as its source is), whatever key the form still holds.
 */
export function copyEncryption(input: { encrypted: boolean; kmsKeyId?: string }) {
  return {
    encrypted: input.encrypted || undefined,
    kmsKeyId: input.encrypted ? input.kmsKeyId : undefined,
  };
}
