import { AppError } from "@/lib/errors";
import { findInstanceFamily, type InstanceFamily } from "@/lib/ecs/catalog/instance-families";

/**
 * Instance types of the catalog: a few real sizes of every family in instance-families.ts,
 * with the vCPU, memory and network figures of Alibaba's family pages. Every zone of every
 * region offers all of them (the emulator has no stock to run out of).
 */
export type InstanceType = {
  instanceTypeId: string;
  familyId: string;
  cpuCores: number;
  memoryGiB: number;
  /** Baseline bandwidth, Gbit/s, both directions. */
  bandwidthGbps: number;
  /** Packets per second, thousands, both directions. */
  ppsThousands: number;
  eniQuantity: number;
  privateIpsPerEni: number;
  gpu?: { amount: number; spec: string; memoryGiB: number };
  localStorage?: {
    category: "local_ssd_pro" | "local_hdd_pro" | "ephemeral_ssd";
    amount: number;
    capacityGiB: number;
  };
};

type Network = [
  bandwidthGbps: number,
  ppsThousands: number,
  eniQuantity: number,
  privateIpsPerEni: number,
];

function type(
  instanceTypeId: string,
  familyId: string,
  cpuCores: number,
  memoryGiB: number,
  [bandwidthGbps, ppsThousands, eniQuantity, privateIpsPerEni]: Network,
  extra: Pick<InstanceType, "gpu" | "localStorage"> = {},
): InstanceType {
  return {
    instanceTypeId,
    familyId,
    cpuCores,
    memoryGiB,
    bandwidthGbps,
    ppsThousands,
    eniQuantity,
    privateIpsPerEni,
    ...extra,
  };
}

// Network figures by size, shared by the g7/c7/r7 trio (they differ in memory only).
const SEVENTH_GEN_NETWORK: Record<string, Network> = {
  large: [2, 900, 3, 6],
  xlarge: [3, 1000, 4, 15],
  "2xlarge": [5, 1600, 4, 15],
  "4xlarge": [10, 3000, 8, 30],
};

function seventhGeneration(family: "g7" | "c7" | "r7", memoryPerCore: number): InstanceType[] {
  const sizes: [string, number][] = [
    ["large", 2],
    ["xlarge", 4],
    ["2xlarge", 8],
    ["4xlarge", 16],
  ];
  return sizes.map(([size, cores]) =>
    type(
      `ecs.${family}.${size}`,
      `ecs.${family}`,
      cores,
      cores * memoryPerCore,
      SEVENTH_GEN_NETWORK[size],
    ),
  );
}

export const INSTANCE_TYPES: readonly InstanceType[] = [
  ...seventhGeneration("g7", 4),
  ...seventhGeneration("c7", 2),
  ...seventhGeneration("r7", 8),
  type("ecs.g8i.large", "ecs.g8i", 2, 8, [2.5, 1000, 3, 6]),
  type("ecs.g8i.xlarge", "ecs.g8i", 4, 16, [4, 1200, 4, 15]),
  type("ecs.g8i.2xlarge", "ecs.g8i", 8, 32, [6, 1600, 4, 15]),
  type("ecs.u1-c1m2.large", "ecs.u1", 2, 4, [1, 300, 2, 6]),
  type("ecs.u1-c1m4.large", "ecs.u1", 2, 8, [1, 300, 2, 6]),
  type("ecs.u1-c1m2.xlarge", "ecs.u1", 4, 8, [1.5, 500, 3, 10]),
  type("ecs.u1-c1m4.xlarge", "ecs.u1", 4, 16, [1.5, 500, 3, 10]),
  type("ecs.e-c1m1.large", "ecs.e", 2, 2, [0.5, 100, 2, 6]),
  type("ecs.e-c1m2.large", "ecs.e", 2, 4, [0.5, 100, 2, 6]),
  type("ecs.e-c1m4.large", "ecs.e", 2, 8, [0.5, 100, 2, 6]),
  type("ecs.e-c1m2.xlarge", "ecs.e", 4, 8, [1, 150, 3, 10]),
  // Restricted families (restrictions.ts): bare metal, GPU bare metal, super computing cluster.
  type("ecs.ebmg5.24xlarge", "ecs.ebmg5", 96, 384, [10, 4000, 32, 10]),
  type("ecs.ebmgn5t.24xlarge", "ecs.ebmgn5t", 96, 768, [10, 4000, 32, 10], {
    gpu: { amount: 8, spec: "NVIDIA P100", memoryGiB: 16 },
  }),
  type("ecs.ebmi3.24xlarge", "ecs.ebmi3", 96, 768, [10, 4000, 32, 10], {
    localStorage: { category: "local_ssd_pro", amount: 8, capacityGiB: 1788 },
  }),
  type("ecs.sccg5.24xlarge", "ecs.sccg5", 96, 384, [10, 4500, 32, 10]),
  type("ecs.scch5.16xlarge", "ecs.scch5", 64, 192, [10, 4500, 32, 10]),
  type("ecs.ebmc4.8xlarge", "ecs.ebmc4", 32, 64, [6, 1200, 12, 10]),
  type("ecs.ebmhfg5.2xlarge", "ecs.ebmhfg5", 8, 32, [6, 1500, 32, 10]),
];

const TYPES_BY_ID = new Map(INSTANCE_TYPES.map((t) => [t.instanceTypeId, t]));

export function findInstanceType(instanceTypeId: string): InstanceType | undefined {
  return TYPES_BY_ID.get(instanceTypeId);
}

/** RunInstances' answer to a type it does not offer (reference/alibaba-api-notes.md). */
export function getInstanceTypeOrThrow(instanceTypeId: string): InstanceType {
  const found = TYPES_BY_ID.get(instanceTypeId);
  if (!found) {
    throw new AppError(
      "InvalidInstanceType.ValueNotSupported",
      "The specified InstanceType does not exist or beyond the permitted range.",
      400,
    );
  }
  return found;
}

/** The family record of a catalog type (every catalog type's family exists; tests check it). */
export function familyOfInstanceType(instanceType: InstanceType): InstanceFamily {
  const family = findInstanceFamily(instanceType.familyId);
  if (!family)
    throw new Error(
      `Instance type ${instanceType.instanceTypeId} has no family ${instanceType.familyId}`,
    );
  return family;
}
