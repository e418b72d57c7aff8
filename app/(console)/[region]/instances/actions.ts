"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { describeInstances } from "@/lib/ecs/instances/describe-instances";
import { runInstances } from "@/lib/ecs/instances/run-instances";
import { normalizeTags } from "@/lib/ecs/tags/tag-rules";
import { createInstanceFormSchema } from "@/components/instances/create-instance-schema";
import { inRegion, regionInputSchema } from "../kms/keys/action-inputs";

/** Instances › Create instance: the RunInstances service, one pay-as-you-go instance. */
export const createInstance = consoleAction(
  createInstanceFormSchema.extend(regionInputSchema.shape),
  async (ctx, input) => {
    const disk = (d: (typeof input)["systemDisk"]) => ({
      category: d.category,
      performanceLevel: d.category === "cloud_essd" ? d.performanceLevel : undefined,
      sizeGiB: d.sizeGiB,
      encrypted: d.encrypted,
      kmsKeyId: d.encrypted ? d.kmsKeyId : undefined,
      deleteWithInstance: d.deleteWithInstance,
    });
    const { instanceIds } = await runInstances(ctx, {
      amount: 1,
      zoneId: input.zoneId,
      instanceType: input.instanceType,
      imageId: input.imageId,
      instanceName: input.instanceName,
      systemDisk: disk(input.systemDisk),
      dataDisks: input.dataDisks.map(disk),
      tags: input.tags.length > 0 ? normalizeTags(input.tags) : undefined,
    });
    return { instanceId: instanceIds[0] };
  },
  inRegion,
);

/** The statuses the list polls while an instance is Pending, Starting or Stopping. */
export const pollInstanceStatuses = consoleAction(
  regionInputSchema.extend({ instanceIds: z.array(z.string().min(1).max(64)).max(100) }),
  async (ctx, input) => {
    const page = await describeInstances(ctx, {
      filter: { instanceIds: input.instanceIds },
      paging: { mode: "page", pageNumber: 1, pageSize: 100 },
    });
    return Object.fromEntries(page.instances.map((i) => [i.id, i.status]));
  },
  inRegion,
);
