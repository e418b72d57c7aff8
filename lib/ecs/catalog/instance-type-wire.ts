import { AppError } from "@/lib/errors";
import { INSTANCE_FAMILIES } from "@/lib/ecs/catalog/instance-families";
import {
  familyOfInstanceType,
  INSTANCE_TYPES,
  type InstanceType,
} from "@/lib/ecs/catalog/instance-types";

/**
 * DescribeInstanceTypes and DescribeInstanceTypeFamilies: the catalog queries and their
 * bodies, with the wire names (and number/string/boolean types) of the official SDK models.
 */

/**
 * ECS's page-size cap since 2023-11-15 (reference/api-extras.md §7), also the default. The
 * SDK still documents MaxResults up to 1600, so larger values are accepted and capped here.
 */
export const MAX_INSTANCE_TYPES_PER_PAGE = 100;
export const MAX_RESULTS_ACCEPTED = 1600;

export type InstanceTypeQuery = {
  instanceTypes?: string[];
  instanceTypeFamily?: string;
  instanceTypeFamilies?: string[];
  instanceCategory?: string;
  instanceFamilyLevel?: string;
  cpuArchitecture?: string;
  minimumCpuCoreCount?: number;
  maximumCpuCoreCount?: number;
  minimumMemorySize?: number;
  maximumMemorySize?: number;
  maxResults?: number;
  nextToken?: string;
};

function matches(type: InstanceType, query: InstanceTypeQuery): boolean {
  const family = familyOfInstanceType(type);
  const checks = [
    !query.instanceTypes?.length || query.instanceTypes.includes(type.instanceTypeId),
    query.instanceTypeFamily === undefined || query.instanceTypeFamily === type.familyId,
    !query.instanceTypeFamilies?.length || query.instanceTypeFamilies.includes(type.familyId),
    query.instanceCategory === undefined || query.instanceCategory === family.category,
    query.instanceFamilyLevel === undefined || query.instanceFamilyLevel === family.level,
    query.cpuArchitecture === undefined || query.cpuArchitecture === family.cpuArchitecture,
    query.minimumCpuCoreCount === undefined || type.cpuCores >= query.minimumCpuCoreCount,
    query.maximumCpuCoreCount === undefined || type.cpuCores <= query.maximumCpuCoreCount,
    query.minimumMemorySize === undefined || type.memoryGiB >= query.minimumMemorySize,
    query.maximumMemorySize === undefined || type.memoryGiB <= query.maximumMemorySize,
  ];
  return checks.every(Boolean);
}

/** NextToken is opaque to callers: the offset of the next page, base64url-encoded. */
function encodeNextToken(offset: number): string {
  return btoa(`offset:${offset}`).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function decodeNextToken(token: string): number {
  let decoded = "";
  try {
    decoded = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    // falls through to the error below
  }
  const match = /^offset:(\d{1,9})$/.exec(decoded);
  if (!match)
    throw new AppError(
      "InvalidParameter",
      'The specified parameter "NextToken" is not valid.',
      400,
    );
  return Number(match[1]);
}

export function queryInstanceTypes(query: InstanceTypeQuery): {
  instanceTypes: InstanceType[];
  nextToken: string;
} {
  const all = INSTANCE_TYPES.filter((type) => matches(type, query));
  const pageSize = Math.min(
    query.maxResults ?? MAX_INSTANCE_TYPES_PER_PAGE,
    MAX_INSTANCE_TYPES_PER_PAGE,
  );
  const start = query.nextToken ? decodeNextToken(query.nextToken) : 0;
  const page = all.slice(start, start + pageSize);
  const next = start + pageSize;
  return { instanceTypes: page, nextToken: next < all.length ? encodeNextToken(next) : "" };
}

const KBITS_PER_GBIT = 1024 * 1000;

export function toInstanceTypeWire(type: InstanceType) {
  const family = familyOfInstanceType(type);
  const queues = Math.min(type.cpuCores, 16);
  const isShared = family.category === "Shared";
  return {
    InstanceTypeId: type.instanceTypeId,
    InstanceTypeFamily: type.familyId,
    InstanceCategory: family.category,
    InstanceFamilyLevel: family.level,
    CpuCoreCount: type.cpuCores,
    MemorySize: type.memoryGiB,
    CpuArchitecture: family.cpuArchitecture,
    PhysicalProcessorModel: family.processorModel,
    CpuSpeedFrequency: family.baseFrequencyGHz,
    CpuTurboFrequency: family.turboFrequencyGHz,
    GPUAmount: type.gpu?.amount ?? 0,
    GPUSpec: type.gpu?.spec ?? "",
    GPUMemorySize: type.gpu?.memoryGiB ?? 0,
    LocalStorageCategory: type.localStorage?.category ?? "",
    LocalStorageAmount: type.localStorage?.amount ?? 0,
    LocalStorageCapacity: type.localStorage?.capacityGiB ?? 0,
    EniQuantity: type.eniQuantity,
    EniTotalQuantity: type.eniQuantity,
    EniPrivateIpAddressQuantity: type.privateIpsPerEni,
    EniIpv6AddressQuantity: type.privateIpsPerEni,
    EniTrunkSupported: false,
    EriQuantity: 0,
    InstanceBandwidthRx: Math.round(type.bandwidthGbps * KBITS_PER_GBIT),
    InstanceBandwidthTx: Math.round(type.bandwidthGbps * KBITS_PER_GBIT),
    InstancePpsRx: type.ppsThousands * 1000,
    InstancePpsTx: type.ppsThousands * 1000,
    DiskQuantity: family.maxDisks,
    NvmeSupport: family.nvmeSupport,
    PrimaryEniQueueNumber: queues,
    SecondaryEniQueueNumber: queues,
    TotalEniQueueQuantity: queues * type.eniQuantity,
    NetworkCardQuantity: 1,
    NetworkCards: { NetworkCardInfo: [{ NetworkCardIndex: 0 }] },
    SupportedBootModes: { SupportedBootMode: [...family.bootModes] },
    CpuOptions: {
      Core: isShared ? type.cpuCores : type.cpuCores / 2,
      ThreadsPerCore: isShared ? 1 : 2,
      CoreFactor: isShared ? 1 : 2,
      HyperThreadingAdjustable: !isShared,
      SupportedTopologyTypes: { SupportedTopologyType: [] as string[] },
    },
  };
}

export function buildDescribeInstanceTypesBody(query: InstanceTypeQuery) {
  const { instanceTypes, nextToken } = queryInstanceTypes(query);
  return {
    NextToken: nextToken,
    InstanceTypes: { InstanceType: instanceTypes.map(toInstanceTypeWire) },
  };
}

/** DescribeInstanceTypeFamilies, optionally of one generation (`ecs-6`). */
export function buildDescribeInstanceTypeFamiliesBody(generation?: string) {
  const families = INSTANCE_FAMILIES.filter(
    (f) => generation === undefined || f.generation === generation,
  );
  return {
    InstanceTypeFamilies: {
      InstanceTypeFamily: families.map((f) => ({
        InstanceTypeFamilyId: f.familyId,
        Generation: f.generation,
      })),
    },
  };
}
