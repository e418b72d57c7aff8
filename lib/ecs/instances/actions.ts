import { acceptingDryRun, defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { isoSeconds } from "@/lib/clock";
import { normalizeTags } from "@/lib/ecs/tags/tag-rules";
import { attachDisk, detachDisk } from "@/lib/ecs/instances/attach-detach";
import { deleteInstance, modifyInstanceAttribute } from "@/lib/ecs/instances/delete-modify";
import {
  describeInstances,
  describeInstanceStatus,
  INSTANCE_PAGE_SIZE,
  parseInstanceIds,
  type InstancePaging,
} from "@/lib/ecs/instances/describe-instances";
import { getInstanceConsoleOutput, getInstanceScreenshot } from "@/lib/ecs/instances/instance-screen";
import { toInstanceWire } from "@/lib/ecs/instances/instance-wire";
import { basePublicImageId } from "@/lib/ecs/images/base-image";
import { rebootInstance, startInstance, stopInstance } from "@/lib/ecs/instances/power-actions";
import { replaceSystemDisk } from "@/lib/ecs/instances/replace-system-disk";
import { runInstances } from "@/lib/ecs/instances/run-instances";
import {
  attachDiskParams,
  consoleOutputParams,
  deleteInstanceParams,
  describeInstanceStatusParams,
  describeInstancesParams,
  detachDiskParams,
  instanceParams,
  modifyInstanceAttributeParams,
  rebootInstanceParams,
  replaceSystemDiskParams,
  runInstancesParams,
  screenshotParams,
  stopInstanceParams,
} from "@/lib/ecs/instances/schemas";

type WireDisk = {
  Category?: string;
  Size?: number;
  Encrypted?: boolean;
  KMSKeyId?: string;
  PerformanceLevel?: "PL0" | "PL1" | "PL2" | "PL3";
  DiskName?: string;
  Description?: string;
  DeleteWithInstance?: boolean;
  SnapshotId?: string;
};

const diskRequestOf = (disk: WireDisk = {}) => ({
  category: disk.Category || undefined,
  sizeGiB: disk.Size,
  performanceLevel: disk.PerformanceLevel,
  encrypted: disk.Encrypted,
  kmsKeyId: disk.KMSKeyId || undefined,
  deleteWithInstance: disk.DeleteWithInstance,
  name: disk.DiskName,
  description: disk.Description,
  snapshotId: disk.SnapshotId || undefined,
});

/** The actions that take DryRun: their services check everything, then answer DryRunOperation. */
const dryRunActions: Record<string, ActionDefinition> = acceptingDryRun({
  RunInstances: defineAction(runInstancesParams, async (ctx, p) => {
    const { instanceIds } = await runInstances(ctx, {
      amount: p.Amount,
      instanceType: p.InstanceType,
      imageId: p.ImageId,
      zoneId: p.ZoneId || undefined,
      systemDisk: diskRequestOf(p.SystemDisk),
      dataDisks: p.DataDisk?.map(diskRequestOf),
      instanceName: p.InstanceName,
      hostName: p.HostName,
      description: p.Description,
      tags: p.Tag ? normalizeTags(p.Tag.map((t) => ({ key: t.Key, value: t.Value }))) : undefined,
      clientToken: p.ClientToken,
    });
    return { InstanceIdSets: { InstanceIdSet: instanceIds } };
  }),

  DescribeInstances: defineAction(describeInstancesParams, async (ctx, p) => {
    const paging: InstancePaging =
      p.NextToken || p.MaxResults !== undefined
        ? { mode: "token", nextToken: p.NextToken || undefined, maxResults: p.MaxResults ?? INSTANCE_PAGE_SIZE.default }
        : { mode: "page", pageNumber: p.PageNumber ?? 1, pageSize: p.PageSize ?? INSTANCE_PAGE_SIZE.default };
    const page = await describeInstances(ctx, {
      filter: {
        instanceIds: p.InstanceIds !== undefined ? parseInstanceIds(p.InstanceIds) : undefined,
        zoneId: p.ZoneId || undefined,
        status: p.Status,
        instanceName: p.InstanceName || undefined,
        instanceType: p.InstanceType || undefined,
        imageId: p.ImageId || undefined,
        tags: p.Tag?.filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value })),
      },
      paging,
    });
    // An instance of a custom image names its OS after the public image that image descends from.
    const osImages = await Promise.all(page.instances.map((i) => basePublicImageId(i.imageId)));
    return {
      Instances: { Instance: page.instances.map((i, n) => toInstanceWire(i, i.tags, osImages[n])) },
      TotalCount: page.totalCount,
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      NextToken: page.nextToken,
    };
  }),

  StartInstance: defineAction(instanceParams, async (ctx, p) => {
    await startInstance(ctx, { instanceId: p.InstanceId });
    return {};
  }),

  StopInstance: defineAction(stopInstanceParams, async (ctx, p) => {
    await stopInstance(ctx, { instanceId: p.InstanceId, forceStop: p.ForceStop });
    return {};
  }),

  RebootInstance: defineAction(rebootInstanceParams, async (ctx, p) => {
    await rebootInstance(ctx, { instanceId: p.InstanceId, forceStop: p.ForceStop });
    return {};
  }),

  DeleteInstance: defineAction(deleteInstanceParams, async (ctx, p) => {
    await deleteInstance(ctx, { instanceId: p.InstanceId, force: p.Force });
    return {};
  }),
});

/**
 * The instances domain's ECS 2014-05-26 actions (zod schemas and wire shapes only; the rules
 * live in the services). Cloud Assistant's are in lib/ecs/cloud-assistant/actions.ts.
 */
export const instanceLifecycleActions: Record<string, ActionDefinition> = {
  ...dryRunActions,

  DescribeInstanceStatus: defineAction(describeInstanceStatusParams, async (ctx, p) => {
    const pageNumber = p.PageNumber ?? 1;
    const pageSize = p.PageSize ?? 10;
    const { statuses, totalCount } = await describeInstanceStatus(ctx, {
      instanceIds: p.InstanceId,
      zoneId: p.ZoneId || undefined,
      pageNumber,
      pageSize,
    });
    return {
      InstanceStatuses: { InstanceStatus: statuses.map((s) => ({ InstanceId: s.instanceId, Status: s.status })) },
      TotalCount: totalCount,
      PageNumber: pageNumber,
      PageSize: pageSize,
    };
  }),

  ModifyInstanceAttribute: defineAction(modifyInstanceAttributeParams, async (ctx, p) => {
    await modifyInstanceAttribute(ctx, {
      instanceId: p.InstanceId,
      instanceName: p.InstanceName,
      description: p.Description,
      hostName: p.HostName,
    });
    return {};
  }),

  AttachDisk: defineAction(attachDiskParams, async (ctx, p) => {
    await attachDisk(ctx, {
      instanceId: p.InstanceId,
      diskId: p.DiskId,
      deleteWithInstance: p.DeleteWithInstance,
      bootable: p.Bootable,
    });
    return {};
  }),

  ReplaceSystemDisk: defineAction(replaceSystemDiskParams, async (ctx, p) => {
    const { diskId } = await replaceSystemDisk(ctx, {
      instanceId: p.InstanceId,
      imageId: p.ImageId,
      encrypted: p.Encrypted,
      kmsKeyId: p.KMSKeyId || undefined,
      sizeGiB: p.SystemDisk?.Size,
    });
    return { DiskId: diskId };
  }),

  DetachDisk: defineAction(detachDiskParams, async (ctx, p) => {
    await detachDisk(ctx, { instanceId: p.InstanceId, diskId: p.DiskId, deleteWithInstance: p.DeleteWithInstance });
    return {};
  }),

  GetInstanceScreenshot: defineAction(screenshotParams, async (ctx, p) => {
    const { instanceId, screenshot } = await getInstanceScreenshot(ctx, { instanceId: p.InstanceId });
    return { InstanceId: instanceId, Screenshot: screenshot.toString("base64") };
  }),

  GetInstanceConsoleOutput: defineAction(consoleOutputParams, async (ctx, p) => {
    const output = await getInstanceConsoleOutput(ctx, { instanceId: p.InstanceId, removeSymbols: p.RemoveSymbols });
    return {
      InstanceId: output.instanceId,
      ConsoleOutput: Buffer.from(output.consoleOutput, "utf8").toString("base64"),
      LastUpdateTime: isoSeconds(output.lastUpdateTime),
    };
  }),
};
