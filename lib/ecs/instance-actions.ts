import type { ActionDefinition } from "@/lib/openapi/action";
import { cloudAssistantActions } from "@/lib/ecs/cloud-assistant/actions";
import { instanceLifecycleActions } from "@/lib/ecs/instances/actions";

/**
 * The instances domain's ECS 2014-05-26 actions, wired into the ECS product by
 * lib/openapi/products.ts next to `diskActions`: RunInstances, DescribeInstances,
 * DescribeInstanceStatus, Start/Stop/Reboot/DeleteInstance, ModifyInstanceAttribute,
 * AttachDisk, DetachDisk, GetInstanceScreenshot, GetInstanceConsoleOutput, and Cloud Assistant
 * (RunCommand, CreateCommand, InvokeCommand, DescribeInvocations, DescribeInvocationResults,
 * DescribeCommands).
 */
export const instanceActions: Record<string, ActionDefinition> = {
  ...instanceLifecycleActions,
  ...cloudAssistantActions,
};
