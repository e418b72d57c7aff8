import type { ActionDefinition } from "@/lib/openapi/action";
import { diskApiActions } from "@/lib/ecs/disks/actions";
import { encryptionByDefaultActions } from "@/lib/ecs/encryption/actions";
import { tagActions } from "@/lib/ecs/tags/actions";

/**
 * The disks domain's ECS 2014-05-26 actions, wired into the ECS product by
 * lib/openapi/products.ts: CreateDisk, DescribeDisks, DeleteDisk, ModifyDiskAttribute,
 * ResizeDisk, the tag actions (disks and instances), and encryption by default.
 */
export const diskActions: Record<string, ActionDefinition> = {
  ...diskApiActions,
  ...tagActions,
  ...encryptionByDefaultActions,
};
