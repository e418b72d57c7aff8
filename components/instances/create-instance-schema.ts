import { z } from "zod";
import { PERFORMANCE_LEVELS } from "@/lib/ecs/catalog/disk-categories";
import { MAX_TAGS_PER_REQUEST } from "@/lib/ecs/tags/tag-rules";

/**
 * The Create instance form's input, shared by the form (client) and its server action: the
 * zone, type and image, the system disk and up to 16 data disks (each with its encryption and
 * key), the name and tags. The service (RunInstances) checks every rule again.
 */
export const MAX_CONSOLE_DATA_DISKS = 16;

const diskInputSchema = z.object({
  category: z.string().min(1).max(64),
  performanceLevel: z.enum(PERFORMANCE_LEVELS).optional(),
  sizeGiB: z.number().int().positive(),
  encrypted: z.boolean(),
  /** `alias/acs/ecs` for the service key, else a customer master key's id. */
  kmsKeyId: z.string().min(1).max(128).optional(),
  deleteWithInstance: z.boolean().optional(),
});

export const createInstanceFormSchema = z.object({
  zoneId: z.string().min(1).max(64),
  instanceType: z.string().min(1).max(64),
  imageId: z.string().min(1).max(128),
  instanceName: z.string().min(2).max(128).optional(),
  systemDisk: diskInputSchema,
  dataDisks: z.array(diskInputSchema).max(MAX_CONSOLE_DATA_DISKS),
  tags: z
    .array(z.object({ key: z.string().min(1).max(128), value: z.string().max(128) }))
    .max(MAX_TAGS_PER_REQUEST),
});

export type CreateInstanceInput = z.infer<typeof createInstanceFormSchema>;
export type DiskInput = z.infer<typeof diskInputSchema>;
