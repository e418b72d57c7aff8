"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { cancelExecution, startExecution } from "@/lib/oos/executions";
import { getExecutionView, previewBulkEncryption } from "@/lib/oos/console-queries";
import { bulkEncryptFormSchema, parametersOf, targetsFormSchema } from "@/lib/oos/console-schemas";
import { TEMPLATE_NAME } from "@/lib/oos/template";
import { inRegion, regionInputSchema } from "../kms/keys/action-inputs";

/**
 * OOS › Bulk encrypt system disks: the same services the OOS API calls — StartExecution of
 * ACS-ECS-BulkyEncryptSystemDisk, ListTaskExecutions, CancelExecution — in the page's region.
 */
export const previewBulkEncrypt = consoleAction(
  regionInputSchema.extend({ targets: targetsFormSchema }),
  (ctx, input) => previewBulkEncryption(ctx, input.targets),
  inRegion,
);

export const startBulkEncrypt = consoleAction(
  bulkEncryptFormSchema.extend(regionInputSchema.shape),
  async (ctx, input) => {
    const execution = await startExecution(ctx, {
      templateName: TEMPLATE_NAME,
      parameters: JSON.stringify(parametersOf(input, input.regionId)),
      safetyCheck: "Skip",
    });
    return { executionId: execution.id };
  },
  inRegion,
);

const executionInput = regionInputSchema.extend({ executionId: z.string().min(1).max(64) });

export const pollExecution = consoleAction(executionInput, (ctx, input) => getExecutionView(ctx, input), inRegion);

export const cancelBulkEncrypt = consoleAction(executionInput, (ctx, input) => cancelExecution(ctx, input), inRegion);
