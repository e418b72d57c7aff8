import { now } from "@/lib/clock";
import { onEmulatorReset } from "@/lib/emulator/reset-emulator";
import { getRuntime } from "@/lib/runtime";
import { abortAllInvocations } from "@/lib/ecs/cloud-assistant/invocation-runner";
import { ERROR_INFO } from "@/lib/ecs/cloud-assistant/invocation-status";

/**
 * Starts Cloud Assistant (startInstances calls it): invocations a previous process left Pending
 * or Running were cut off by the server's end — their instances restart with it — and end as
 * Failed (`InstanceRestarted`); ResetEmulator abandons every running one.
 */
export function startCloudAssistant(): void {
  onEmulatorReset("ecs.cloudAssistant", async () => abortAllInvocations());
  void endOrphanedInvocations().catch((error: unknown) => console.error("Cloud Assistant: ending orphaned invocations", error));
}

export async function endOrphanedInvocations(): Promise<void> {
  await getRuntime().db.cloudInvocationResult.updateMany({
    where: { status: { in: ["Pending", "Running"] } },
    data: {
      status: "Failed",
      errorCode: "InstanceRestarted",
      errorInfo: ERROR_INFO.InstanceRestarted,
      finishedAt: now(),
    },
  });
}
