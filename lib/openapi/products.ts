import type { ActionDefinition, Product } from "@/lib/openapi/action";
import { catalogActions } from "@/lib/ecs/catalog/actions";
import { diskActions } from "@/lib/ecs/disk-actions";
import { instanceActions } from "@/lib/ecs/instance-actions";
import { emulatorActions } from "@/lib/emulator/actions";
import { kmsActions } from "@/lib/kms/actions";
import { ramActions } from "@/lib/ram/actions";

/**
 * The products the endpoint serves, routed by API version (one endpoint serves them all, as the
 * SDKs accept any endpoint). Each product's `actions` is the domain's own map, referenced and
 * not copied, so actions registered there are served here. OOS has none yet: its
 * engineer replaces the `{}` with the domain's map.
 */
export const PRODUCTS: readonly Product[] = [
  {
    code: "ecs",
    version: "2014-05-26",
    hostId: "ecs.aliyuncs.com",
    recommendName: "Ecs",
    // Each ECS domain's table, merged once at load (tables are complete when their module loads).
    actions: { ...catalogActions, ...diskActions, ...instanceActions },
  },
  {
    code: "kms",
    version: "2016-01-20",
    hostId: "kms.aliyuncs.com",
    recommendName: "Kms",
    actions: kmsActions,
  },
  {
    code: "ram",
    version: "2015-05-01",
    hostId: "ram.aliyuncs.com",
    recommendName: "Ram",
    actions: ramActions,
  },
  {
    code: "oos",
    version: "2019-06-01",
    hostId: "oos.aliyuncs.com",
    recommendName: "Oos",
    actions: {},
  },
  {
    code: "diskseal",
    version: "2026-11-28",
    hostId: "diskseal.local",
    recommendName: "DiskSeal",
    actions: emulatorActions,
  },
];

/**
 * The product whose errors an unroutable request gets (no or an unknown Version): ECS, the
 * product most callers of this endpoint drive.
 */
export const FALLBACK_PRODUCT: Product = PRODUCTS[0];

export function productByVersion(version: string): Product | undefined {
  return PRODUCTS.find((product) => product.version === version);
}

/** The action by its exact name (own properties only: `constructor` is not an action). */
export function findAction(product: Product, action: string): ActionDefinition | undefined {
  return Object.hasOwn(product.actions, action) ? product.actions[action] : undefined;
}
