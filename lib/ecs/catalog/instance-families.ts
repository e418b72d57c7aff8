/**
 * Instance families of the catalog: six current ones to run workloads on, and the seven that
 * reference/ecs-kms-semantics.md "Restrictions" names as unable to use encrypted system disks
 * (see restrictions.ts). Facts are those of Alibaba's instance family pages.
 *
 * `generation` is DescribeInstanceTypeFamilies' Generation. Alibaba documents ecs-1 … ecs-6
 * only (ecs-4: g5, ebmg5s…; ecs-5: g6, ebmg6…; ecs-6: hfc7, hfg7…), so the seventh- and
 * eighth-generation families are filed under ecs-6, the newest documented value.
 */
export type InstanceFamilyLevel = "EntryLevel" | "EnterpriseLevel" | "CreditEntryLevel";
export type NvmeSupport = "unsupported" | "supported" | "required";

export type InstanceFamily = {
  familyId: string;
  generation: string;
  /** DescribeInstanceTypes' InstanceCategory. */
  category: string;
  level: InstanceFamilyLevel;
  cpuArchitecture: "X86" | "ARM";
  processorModel: string;
  baseFrequencyGHz: number;
  turboFrequencyGHz: number;
  nvmeSupport: NvmeSupport;
  bootModes: readonly ("BIOS" | "UEFI")[];
  /** Disks an instance can have attached, system disk included (DiskQuantity). */
  maxDisks: number;
};

const ICE_LAKE = "Intel Xeon(Ice Lake) Platinum 8369B";
const SKYLAKE = "Intel Xeon(Skylake) Platinum 8163";
const BOTH_BOOT_MODES = ["BIOS", "UEFI"] as const;
const BIOS_ONLY = ["BIOS"] as const;

export const INSTANCE_FAMILIES: readonly InstanceFamily[] = [
  {
    familyId: "ecs.g7",
    generation: "ecs-6",
    category: "General-purpose",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: ICE_LAKE,
    baseFrequencyGHz: 2.7,
    turboFrequencyGHz: 3.5,
    nvmeSupport: "unsupported",
    bootModes: BOTH_BOOT_MODES,
    maxDisks: 17,
  },
  {
    familyId: "ecs.c7",
    generation: "ecs-6",
    category: "Compute-optimized",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: ICE_LAKE,
    baseFrequencyGHz: 2.7,
    turboFrequencyGHz: 3.5,
    nvmeSupport: "unsupported",
    bootModes: BOTH_BOOT_MODES,
    maxDisks: 17,
  },
  {
    familyId: "ecs.r7",
    generation: "ecs-6",
    category: "Memory-optimized",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: ICE_LAKE,
    baseFrequencyGHz: 2.7,
    turboFrequencyGHz: 3.5,
    nvmeSupport: "unsupported",
    bootModes: BOTH_BOOT_MODES,
    maxDisks: 17,
  },
  {
    familyId: "ecs.g8i",
    generation: "ecs-6",
    category: "General-purpose",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: "Intel Xeon(Sapphire Rapids) Platinum 8475B",
    baseFrequencyGHz: 2.7,
    turboFrequencyGHz: 3.2,
    nvmeSupport: "required",
    bootModes: BOTH_BOOT_MODES,
    maxDisks: 17,
  },
  {
    familyId: "ecs.u1",
    generation: "ecs-6",
    category: "General-purpose",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: "Intel Xeon(Cooper Lake) Platinum 8369HC",
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 3.3,
    nvmeSupport: "unsupported",
    bootModes: BOTH_BOOT_MODES,
    maxDisks: 17,
  },
  {
    familyId: "ecs.e",
    generation: "ecs-6",
    category: "Shared",
    level: "EntryLevel",
    cpuArchitecture: "X86",
    processorModel: "Intel Xeon Platinum",
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 3.2,
    nvmeSupport: "unsupported",
    bootModes: BOTH_BOOT_MODES,
    maxDisks: 17,
  },
  // The seven families that cannot use encrypted system disks or encrypted disks from snapshots.
  {
    familyId: "ecs.ebmg5",
    generation: "ecs-4",
    category: "ECS Bare Metal",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: SKYLAKE,
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 2.7,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
  {
    familyId: "ecs.ebmgn5t",
    generation: "ecs-4",
    category: "ECS Bare Metal",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: SKYLAKE,
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 2.7,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
  {
    familyId: "ecs.ebmi3",
    generation: "ecs-4",
    category: "ECS Bare Metal",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: SKYLAKE,
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 2.7,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
  {
    familyId: "ecs.sccg5",
    generation: "ecs-4",
    category: "Super Computing Cluster",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: SKYLAKE,
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 2.7,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
  {
    familyId: "ecs.scch5",
    generation: "ecs-4",
    category: "Super Computing Cluster",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: "Intel Xeon(Skylake) Gold 6149",
    baseFrequencyGHz: 3.1,
    turboFrequencyGHz: 3.1,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
  {
    familyId: "ecs.ebmc4",
    generation: "ecs-3",
    category: "ECS Bare Metal",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: "Intel Xeon(Broadwell) E5-2682 v4",
    baseFrequencyGHz: 2.5,
    turboFrequencyGHz: 2.9,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
  {
    familyId: "ecs.ebmhfg5",
    generation: "ecs-4",
    category: "ECS Bare Metal",
    level: "EnterpriseLevel",
    cpuArchitecture: "X86",
    processorModel: "Intel Xeon(Kaby Lake) E3-1240 v6",
    baseFrequencyGHz: 3.7,
    turboFrequencyGHz: 4.1,
    nvmeSupport: "unsupported",
    bootModes: BIOS_ONLY,
    maxDisks: 17,
  },
];

const FAMILIES_BY_ID = new Map(INSTANCE_FAMILIES.map((f) => [f.familyId, f]));

export function findInstanceFamily(familyId: string): InstanceFamily | undefined {
  return FAMILIES_BY_ID.get(familyId);
}

/** Generations in use, for the Generation filter and the console's family picker. */
export const INSTANCE_GENERATIONS: readonly string[] = [
  ...new Set(INSTANCE_FAMILIES.map((f) => f.generation)),
].sort();
