import { z } from "zod";
import { oosErrors } from "./errors";

/**
 * The template's parameters (template.ts), as StartExecution's `Parameters` JSON carries them.
 * Defaults as the template declares: regionId the request's region, rateControl
 * `{"Mode":"Concurrency","MaxErrors":0,"Concurrency":10}`, OOSAssumeRole "". KMSKeyId may be
 * empty: the copies are then encrypted under ECS's service key (alias/acs/ecs), as CopyImage
 * does with Encrypted=true and no key.
 */
const tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().max(128).default("") });

const targets = z.discriminatedUnion("Type", [
  z.object({
    Type: z.literal("ResourceIds"),
    ResourceIds: z.array(z.string().regex(/^i-[a-z0-9]{4,40}$/)).min(1).max(1000),
    RegionId: z.string().optional(),
  }),
  z.object({ Type: z.literal("Tags"), Tags: z.array(tag).min(1).max(20), RegionId: z.string().optional() }),
]);

/** An absolute count or a percentage of the targets ("10%"). */
const amount = z.union([z.number().int().min(0).max(1000), z.string().regex(/^(\d{1,3}%|\d{1,4})$/)]);

const rateControl = z.object({
  Mode: z.literal("Concurrency").default("Concurrency"),
  MaxErrors: amount.default(0),
  Concurrency: amount.default(10),
});

const schema = z.object({
  regionId: z.string().min(1).optional(),
  targets,
  KMSKeyId: z.string().max(256).default(""),
  rateControl: rateControl.default({ Mode: "Concurrency", MaxErrors: 0, Concurrency: 10 }),
  OOSAssumeRole: z.string().max(64).default(""),
});

export type BulkEncryptParameters = Omit<z.output<typeof schema>, "regionId"> & { regionId: string };
export type Targets = BulkEncryptParameters["targets"];

/** Parses the Parameters JSON text; a bad one is 400 InvalidParameter and nothing starts. */
export function parseParameters(text: string, defaultRegionId: string): BulkEncryptParameters {
  let raw: unknown;
  try {
    raw = JSON.parse(text || "{}");
  } catch {
    throw oosErrors.invalidParameter();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw oosErrors.invalidParameter();
  const regionId = parsed.data.regionId && parsed.data.regionId !== "{{ ACS::RegionId }}" ? parsed.data.regionId : defaultRegionId;
  if (parsed.data.targets.RegionId && parsed.data.targets.RegionId !== regionId) throw oosErrors.invalidParameter();
  return { ...parsed.data, regionId };
}

/** "10%" of `total` (at least 1 when the percentage is not 0), or the number itself. */
export function resolveAmount(value: number | string, total: number): number {
  if (typeof value === "number") return value;
  if (value.endsWith("%")) {
    const percent = Number(value.slice(0, -1));
    return percent === 0 ? 0 : Math.max(1, Math.floor((total * percent) / 100));
  }
  return Number(value);
}
