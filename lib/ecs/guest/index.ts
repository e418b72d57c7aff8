/**
 * The guest: what runs inside an instance. The hypervisor creates one per instance over the
 * disks' BlockDevices, boots it, and hands its sessions to Cloud Assistant and its terminal to
 * the console. See README.md for the interfaces and the on-disk format.
 */
import type { GuestOptions } from "@/lib/ecs/guest/guest-options";
import { createLinuxGuest, type LinuxGuest } from "@/lib/ecs/guest/linux-guest";
import { createWindowsGuest, type WindowsGuest } from "@/lib/ecs/guest/windows-guest";

export { createLinuxGuest, LinuxGuest } from "@/lib/ecs/guest/linux-guest";
export { createWindowsGuest, WindowsGuest } from "@/lib/ecs/guest/windows-guest";
export type { GuestOptions, GuestState } from "@/lib/ecs/guest/guest-options";
export type { DiskAttachment } from "@/lib/ecs/guest/devices";
export { installImage, type InstallImageOptions } from "@/lib/ecs/guest/images";
export {
  GuestNotRunningError,
  Session,
  SessionClosedError,
  type RunEnd,
  type RunOptions,
  type RunResult,
} from "@/lib/ecs/guest/session";
export { Terminal, type TerminalOptions } from "@/lib/ecs/guest/terminal";
export { probeFilesystem } from "@/lib/ecs/guest/fs/mkfs";
export { profileForImage, type OsProfile } from "@/lib/ecs/guest/profiles";

export type Guest = LinuxGuest | WindowsGuest;

/** A guest for the image's OS type ("linux" or "windows", as DescribeImages' OSType says). */
export function createGuest(osType: "linux" | "windows", options: GuestOptions): Guest {
  return osType === "windows" ? createWindowsGuest(options) : createLinuxGuest(options);
}
