import { createHash } from "node:crypto";
import type { Instance } from "@/lib/generated/prisma/client";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import { findInstanceType } from "@/lib/ecs/catalog/instance-types";

/**
 * DescribeInstances' `Instance`, with the wire names and types of the official SDK model
 * (DescribeInstancesResponseBodyInstancesInstance). Pure. What the emulator has no notion of
 * (networks, billing, dedicated hosts) carries ECS's values for a pay-as-you-go VPC instance
 * without a public address; its private address is derived from its id.
 */
export type WireTag = { TagKey: string; TagValue: string };

/** ECS writes instance times to the minute: `2017-12-10T04:04Z`. */
export function instanceTime(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) + "Z" : "";
}

/** A stable private address in 172.16.0.0/12 and a MAC address, from the instance id. */
export function privateAddressOf(instanceId: string): { ip: string; mac: string; eniId: string } {
  const hash = createHash("sha256").update(instanceId).digest();
  const ip = `172.${16 + (hash[0] & 0x0f)}.${hash[1]}.${1 + (hash[2] % 253)}`;
  const mac = ["00", "16", "3e", ...[...hash.subarray(3, 6)].map((b) => b.toString(16).padStart(2, "0"))].join(":");
  return { ip, mac, eniId: `eni-${instanceId.slice(2, 22)}` };
}

/** `osImageId`: the public image the instance's image is (or descends from) — its OS names. */
export function toInstanceWire(instance: Instance, tags: readonly WireTag[], osImageId: string = instance.imageId) {
  const type = findInstanceType(instance.instanceType);
  const image = findPublicImage(osImageId);
  const { ip, mac, eniId } = privateAddressOf(instance.id);
  return {
    InstanceId: instance.id,
    InstanceName: instance.name,
    Description: instance.description,
    HostName: instance.hostName,
    ImageId: instance.imageId,
    InstanceType: instance.instanceType,
    InstanceTypeFamily: type?.familyId ?? "",
    Cpu: type?.cpuCores ?? 0,
    Memory: Math.round((type?.memoryGiB ?? 0) * 1024),
    GPUAmount: type?.gpu?.amount ?? 0,
    GPUSpec: type?.gpu?.spec ?? "",
    LocalStorageAmount: type?.localStorage?.amount ?? 0,
    LocalStorageCapacity: type?.localStorage ? type.localStorage.amount * type.localStorage.capacityGiB : 0,
    OSType: instance.osType,
    OSName: image?.osName["zh-CN"] ?? "",
    OSNameEn: image?.osName.en ?? "",
    Status: instance.status,
    RegionId: instance.regionId,
    ZoneId: instance.zoneId,
    CreationTime: instanceTime(instance.createdAt),
    StartTime: instanceTime(instance.startedAt),
    ExpiredTime: "2099-12-31T15:59Z",
    AutoReleaseTime: "",
    InstanceChargeType: "PostPaid",
    InternetChargeType: "PayByTraffic",
    InternetMaxBandwidthIn: 0,
    InternetMaxBandwidthOut: 0,
    InstanceNetworkType: "vpc",
    IoOptimized: true,
    DeviceAvailable: true,
    DeletionProtection: false,
    Recyclable: false,
    StoppedMode: instance.status === "Stopped" ? "KeepCharging" : "Not-applicable",
    SerialNumber: serialNumberOf(instance.id),
    SpotStrategy: "NoSpot",
    SpotPriceLimit: 0,
    SpotDuration: 0,
    SaleCycle: "",
    CreditSpecification: "",
    ResourceGroupId: "",
    KeyPairName: "",
    ClusterId: "",
    HpcClusterId: "",
    DeploymentSetId: "",
    VlanId: "",
    OperationLocks: { LockReason: [] as { LockReason: string; LockMsg: string }[] },
    Tags: { Tag: [...tags] },
    SecurityGroupIds: { SecurityGroupId: [] as string[] },
    InnerIpAddress: { IpAddress: [] as string[] },
    PublicIpAddress: { IpAddress: [] as string[] },
    RdmaIpAddress: { IpAddress: [] as string[] },
    EipAddress: { AllocationId: "", IpAddress: "", Bandwidth: 0, InternetChargeType: "", IsSupportUnassociate: true },
    VpcAttributes: { VpcId: "", VSwitchId: "", NatIpAddress: "", PrivateIpAddress: { IpAddress: [ip] } },
    NetworkInterfaces: {
      NetworkInterface: [
        {
          NetworkInterfaceId: eniId,
          MacAddress: mac,
          PrimaryIpAddress: ip,
          Type: "Primary",
          PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: ip, Primary: true }] },
        },
      ],
    },
    CpuOptions: { CoreCount: Math.max(1, Math.floor((type?.cpuCores ?? 2) / 2)), ThreadsPerCore: 2, Numa: "" },
    MetadataOptions: { HttpEndpoint: "enabled", HttpTokens: "optional", HttpPutResponseHopLimit: 1 },
    ImageOptions: { LoginAsNonRoot: false, CurrentOSNVMeSupported: image?.nvmeSupport === "supported" },
    HibernationOptions: { Configured: false },
    DedicatedHostAttribute: { DedicatedHostId: "", DedicatedHostName: "", DedicatedHostClusterId: "" },
    DedicatedInstanceAttribute: { Affinity: "", Tenancy: "" },
    EcsCapacityReservationAttr: { CapacityReservationId: "", CapacityReservationPreference: "" },
  };
}

export type InstanceWire = ReturnType<typeof toInstanceWire>;

function serialNumberOf(instanceId: string): string {
  const hex = createHash("sha256").update(`serial:${instanceId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
