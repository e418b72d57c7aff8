/**
 * lib/ecs/hypervisor — the instances running in this process, their guests and data keys
 * (how they are used: lib/ecs/instances/README.md).
 */
export { getHypervisor, type Hypervisor, type InstanceHang } from "@/lib/ecs/hypervisor/hypervisor";
export type { VmSpec } from "@/lib/ecs/hypervisor/vm";
export { ecsContext, KEY_RETRY_MS, type DiskHang, type KeySource } from "@/lib/ecs/hypervisor/data-keys";
export { renderScreenshot, SCREENSHOT_HEIGHT, SCREENSHOT_WIDTH } from "@/lib/ecs/hypervisor/screenshot";
