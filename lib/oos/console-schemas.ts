import { z } from "zod";

/**
 * The Bulk encrypt system disks form, shared by the page and its server actions: the targets
 * (instance ids or one tag), the key ("" is the service key), the rate control and the role.
 */
export const targetsFormSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ids"), instanceIds: z.array(z.string().regex(/^i-[a-z0-9]{4,40}$/)).min(1).max(100) }),
  z.object({ type: z.literal("tag"), key: z.string().min(1).max(128), value: z.string().max(128) }),
]);
export type TargetsForm = z.infer<typeof targetsFormSchema>;

export const bulkEncryptFormSchema = z.object({
  targets: targetsFormSchema,
  kmsKeyId: z.string().max(256),
  concurrency: z.number().int().min(1).max(1000),
  maxErrors: z.number().int().min(0).max(1000),
  role: z.string().max(64),
});
export type BulkEncryptForm = z.infer<typeof bulkEncryptFormSchema>;

/** Instance ids as a person types them: commas, spaces or new lines between. */
export function parseInstanceIds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((part) => part.trim()).filter(Boolean))];
}

/** The template's Parameters for the form. */
export function parametersOf(form: BulkEncryptForm, regionId: string) {
  const targets =
    form.targets.type === "ids"
      ? { Type: "ResourceIds", ResourceIds: form.targets.instanceIds, RegionId: regionId }
      : { Type: "Tags", Tags: [{ Key: form.targets.key, Value: form.targets.value }], RegionId: regionId };
  return {
    regionId,
    targets,
    KMSKeyId: form.kmsKeyId,
    rateControl: { Mode: "Concurrency", MaxErrors: form.maxErrors, Concurrency: form.concurrency },
    OOSAssumeRole: form.role,
  };
}
