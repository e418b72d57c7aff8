import { z } from "zod";
import { bool, coded, description, int, list, oneOf, resourceName, str } from "@/lib/openapi/params";
import { MAX_DATA_DISKS } from "@/lib/ecs/instances/instance-lookup";
import { MAX_AMOUNT } from "@/lib/ecs/instances/run-instances-plan";
import { INSTANCE_PAGE_SIZE, INSTANCE_STATUSES } from "@/lib/ecs/instances/describe-instances";
import {
  clientTokenField,
  kmsKeyIdField,
  performanceLevelField,
  tagListField,
} from "@/lib/ecs/disks/schemas";

/**
 * The instances domain's parameter schemas over the unflattened request. VSwitchId,
 * SecurityGroupId(s) and Password are checked for form only (emulator-contract.md: no
 * networks or logins here); the codes of those form errors are DiskSeal's choice.
 */
const instanceId = () => str({ min: 1, max: 64 });

/** 8–30 characters from at least three of: upper, lower, digits, ECS's special characters. */
const password = () =>
  z.string().refine((value) => {
    if (!/^[A-Za-z0-9()`~!@#$%^&*\-_+=|{}[\]:;'<>,.?/]{8,30}$/.test(value)) return false;
    const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
    return classes >= 3;
  }, coded("InvalidPassword.Malformed", 'The specified parameter "Password" is not valid.'));

const vSwitchId = () =>
  z.string().regex(/^vsw-[a-z0-9]{1,64}$/, coded("InvalidVSwitchId.Malformed", 'The specified parameter "VSwitchId" is not valid.'));
const securityGroupId = () =>
  z
    .string()
    .regex(/^sg-[a-z0-9]{1,64}$/, coded("InvalidSecurityGroupId.Malformed", 'The specified parameter "SecurityGroupId" is not valid.'));

const diskFields = {
  Category: str({ max: 64 }).optional(),
  Size: int().optional(),
  Encrypted: bool().optional(),
  KMSKeyId: kmsKeyIdField().optional(),
  PerformanceLevel: performanceLevelField().optional(),
  DiskName: resourceName().optional(),
  Description: description().optional(),
};

export const runInstancesParams = z.object({
  Amount: int({ min: 1, max: MAX_AMOUNT }).optional(),
  MinAmount: int({ min: 1, max: MAX_AMOUNT }).optional(),
  InstanceType: str({ min: 1, max: 64 }),
  ImageId: str({ min: 1, max: 256 }),
  ZoneId: str({ max: 64 }).optional(),
  SystemDisk: z.object(diskFields).optional(),
  DataDisk: list(
    z.object({ ...diskFields, DeleteWithInstance: bool().optional(), SnapshotId: str({ max: 64 }).optional() }),
    MAX_DATA_DISKS,
  ).optional(),
  InstanceName: resourceName().optional(),
  HostName: str({ max: 64 }).optional(),
  Description: description().optional(),
  Tag: tagListField().optional(),
  ClientToken: clientTokenField().optional(),
  VSwitchId: vSwitchId().optional(),
  SecurityGroupId: securityGroupId().optional(),
  SecurityGroupIds: list(securityGroupId(), 16).optional(),
  Password: password().optional(),
  InstanceChargeType: oneOf(["PostPaid"]).optional(),
  InternetChargeType: oneOf(["PayByBandwidth", "PayByTraffic"]).optional(),
  InternetMaxBandwidthOut: int({ min: 0, max: 100 }).optional(),
  IoOptimized: oneOf(["optimized", "none"]).optional(),
});

export const describeInstancesParams = z.object({
  InstanceIds: str({ max: 8192 }).optional(),
  ZoneId: str({ max: 64 }).optional(),
  Status: z
    .enum(INSTANCE_STATUSES, { message: coded("InvalidStatus.ValueNotSupported", "The specified instance status is not supported.") })
    .optional(),
  InstanceName: str({ max: 128 }).optional(),
  InstanceType: str({ max: 64 }).optional(),
  ImageId: str({ max: 256 }).optional(),
  Tag: tagListField().optional(),
  PageNumber: int({ min: 1, max: 1_000_000 }).optional(),
  PageSize: int({ min: 1, max: INSTANCE_PAGE_SIZE.max }).optional(),
  MaxResults: int({ min: 1, max: INSTANCE_PAGE_SIZE.max }).optional(),
  NextToken: str({ max: 256 }).optional(),
});

export const describeInstanceStatusParams = z.object({
  InstanceId: list(instanceId(), 100).optional(),
  ZoneId: str({ max: 64 }).optional(),
  PageNumber: int({ min: 1, max: 1_000_000 }).optional(),
  PageSize: int({ min: 1, max: 50 }).optional(),
});

export const instanceParams = z.object({ InstanceId: instanceId() });

/** ReplaceSystemDisk: Password, KeyPairName and the like are checked for form only (no logins here). */
export const replaceSystemDiskParams = z.object({
  InstanceId: instanceId(),
  ImageId: str({ min: 1, max: 256 }),
  SystemDisk: z.object({ Size: int().optional() }).optional(),
  Encrypted: bool().optional(),
  KMSKeyId: str({ max: 2048 }).optional(),
  EncryptAlgorithm: str({ max: 32 }).optional(),
  Password: str({ max: 30 }).optional(),
  PasswordInherit: bool().optional(),
  KeyPairName: str({ max: 128 }).optional(),
  SecurityEnhancementStrategy: str({ max: 32 }).optional(),
  ClientToken: str({ max: 64 }).optional(),
  Platform: str({ max: 64 }).optional(),
  Architecture: str({ max: 32 }).optional(),
  UseAdditionalService: bool().optional(),
});

export const stopInstanceParams = z.object({
  InstanceId: instanceId(),
  ForceStop: bool().optional(),
  ConfirmStop: bool().optional(),
  StoppedMode: oneOf(["StopCharging", "KeepCharging"]).optional(),
  Hibernate: bool().optional(),
});

export const rebootInstanceParams = z.object({ InstanceId: instanceId(), ForceStop: bool().optional() });

export const deleteInstanceParams = z.object({
  InstanceId: instanceId(),
  Force: bool().optional(),
  ForceStop: bool().optional(),
  TerminateSubscription: bool().optional(),
});

export const modifyInstanceAttributeParams = z.object({
  InstanceId: instanceId(),
  InstanceName: resourceName().optional(),
  Description: description().optional(),
  HostName: str({ max: 64 }).optional(),
  Password: password().optional(),
});

export const attachDiskParams = z.object({
  InstanceId: instanceId(),
  DiskId: str({ min: 1, max: 64 }),
  DeleteWithInstance: bool().optional(),
  Bootable: bool().optional(),
  Password: password().optional(),
  KeyPairName: str({ max: 128 }).optional(),
  Device: str({ max: 64 }).optional(),
  Force: bool().optional(),
});

export const detachDiskParams = z.object({
  InstanceId: instanceId(),
  DiskId: str({ min: 1, max: 64 }),
  DeleteWithInstance: bool().optional(),
});

export const screenshotParams = z.object({ InstanceId: instanceId(), WakeUp: bool().optional() });
export const consoleOutputParams = z.object({ InstanceId: instanceId(), RemoveSymbols: bool().optional() });
