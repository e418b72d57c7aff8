import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import { getHypervisor, renderScreenshot } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import { getInstanceOrThrow, instanceArn } from "@/lib/ecs/instances/instance-lookup";

/** What the instance's screen shows: black when hung on I/O (or not running), else its text. */
export type InstanceScreen = { isBlack: boolean; text: string };

/** The screen of a Running instance, for GetInstanceScreenshot and the console (no audit of its own). */
export function screenOf(instanceId: string): InstanceScreen {
  return getHypervisor().guest(instanceId)?.screen() ?? { isBlack: true, text: "" };
}

/**
 * ECS GetInstanceScreenshot: a PNG of the instance's screen — the terminal's text, or every
 * pixel (0, 0, 0) while it hangs on I/O. Only a Running instance has one (403
 * IncorrectInstanceStatus otherwise).
 */
export function getInstanceScreenshot(
  ctx: RequestContext,
  input: { instanceId: string },
): Promise<{ instanceId: string; screenshot: Buffer; screen: InstanceScreen }> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action: "GetInstanceScreenshot", resourceArn }, async () => {
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    if (instance.status !== "Running") throw instanceErrors.incorrectStatus();
    const screen = screenOf(instance.id);
    return { instanceId: instance.id, screenshot: renderScreenshot(screen), screen };
  });
}

/**
 * ECS GetInstanceConsoleOutput: the serial console of the latest boot (kept after a stop):
 * kernel and systemd lines, the login banner — and, while the instance hangs on a disk whose key
 * is not Enabled, the kernel's I/O errors, last. `removeSymbols` drops control characters.
 */
export function getInstanceConsoleOutput(
  ctx: RequestContext,
  input: { instanceId: string; removeSymbols?: boolean },
): Promise<{ instanceId: string; consoleOutput: string; lastUpdateTime: Date }> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action: "GetInstanceConsoleOutput", resourceArn }, async () => {
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    const text = getHypervisor().consoleOutput(instance.id);
    const consoleOutput = input.removeSymbols ? withoutSymbols(text) : text;
    return { instanceId: instance.id, consoleOutput, lastUpdateTime: now() };
  });
}

/** Terminal escape sequences first, then the other control characters (tabs and newlines stay). */
function withoutSymbols(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
}
