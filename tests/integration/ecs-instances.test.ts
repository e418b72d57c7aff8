import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import {
  describeInstance,
  diskseal,
  disksOf,
  LINUX_IMAGE,
  REGION,
  refusal,
  runInstances,
  shell,
  until,
  waitForStatus,
  ZONE,
  printServerOutputOnFailure,
} from "../helpers/ecs-instances";

/**
 * RunInstances, DescribeInstances, DescribeInstanceStatus and the lifecycle actions through
 * the official ECS SDK against a real server: wire shapes (the SDK casts every field), the
 * asynchronous states, and every refusal with Alibaba's code and HTTP status.
 */
let server: TestServer;
let kms: KmsCall;

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

const ecs = () => server.ecs;
const request = (params: ConstructorParameters<typeof $Ecs.RunInstancesRequest>[0]) =>
  ecs().runInstances(new $Ecs.RunInstancesRequest({ regionId: REGION, zoneId: ZONE, instanceType: "ecs.g7.large", imageId: LINUX_IMAGE, ...params }));

describe("RunInstances and DescribeInstances", () => {
  it("creates an instance with the API's defaults, Pending → Starting → Running, in ECS's wire shape", async () => {
    const [id] = await runInstances(ecs(), { tags: [{ key: "team", value: "storage" }] });
    expect(id).toMatch(/^i-[a-z0-9]{20}$/);
    // The states in between are checked on the emulator clock in ecs-instances-console.test.ts.
    expect(["Pending", "Starting", "Running"]).toContain((await describeInstance(ecs(), id))?.status);
    await waitForStatus(ecs(), id, "Running");
    const instance = (await describeInstance(ecs(), id))!;
    expect(instance).toMatchObject({
      instanceId: id,
      instanceName: id,
      hostName: `iZ${id.slice(2)}Z`,
      imageId: LINUX_IMAGE,
      instanceType: "ecs.g7.large",
      instanceTypeFamily: "ecs.g7",
      cpu: 2,
      memory: 8192,
      OSType: "linux",
      OSNameEn: "Alibaba Cloud Linux 3.2104 LTS 64 bit",
      status: "Running",
      regionId: REGION,
      zoneId: ZONE,
      instanceChargeType: "PostPaid",
      instanceNetworkType: "vpc",
      ioOptimized: true,
      tags: { tag: [{ tagKey: "team", tagValue: "storage" }] },
    });
    expect(instance.creationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(instance.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(instance.vpcAttributes?.privateIpAddress?.ipAddress?.[0]).toMatch(/^172\.\d+\.\d+\.\d+$/);
    const [system] = await disksOf(ecs(), id);
    expect(system).toMatchObject({
      type: "system",
      category: "cloud_efficiency",
      size: 40,
      device: "/dev/xvda",
      status: "In_use",
      encrypted: false,
      deleteWithInstance: true,
      imageId: LINUX_IMAGE,
      instanceId: id,
    });
    expect(await shell(ecs(), id, "cat /etc/os-release | head -1; hostname")).toBe(`NAME="Alibaba Cloud Linux"\niZ${id.slice(2)}Z\n`);
  });

  it("creates Amount instances with their data disks, once per ClientToken", async () => {
    const params = {
      amount: 2,
      instanceName: "web-node",
      clientToken: `token-${Date.now()}`,
      dataDisks: [{ category: "cloud_essd", size: 20 }, { size: 30, deleteWithInstance: false }],
    };
    const ids = await runInstances(ecs(), params);
    expect(ids).toHaveLength(2);
    expect(await runInstances(ecs(), params)).toEqual(ids);
    for (const id of ids) {
      const disks = await disksOf(ecs(), id);
      expect(disks.map((d) => [d.device, d.category, d.size, d.deleteWithInstance])).toEqual([
        ["/dev/xvda", "cloud_efficiency", 40, true],
        ["/dev/xvdb", "cloud_essd", 20, true],
        ["/dev/xvdc", "cloud_efficiency", 30, false],
      ]);
      expect((await describeInstance(ecs(), id))?.instanceName).toBe("web-node");
    }
  });

  it("answers DryRun with DryRunOperation and creates nothing", async () => {
    const before = (await ecs().describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION }))).body!.totalCount;
    expect(await refusal(runInstances(ecs(), { dryRun: true }))).toMatchObject({ code: "DryRunOperation", statusCode: 400 });
    const after = (await ecs().describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION }))).body!.totalCount;
    expect(after).toBe(before);
  });

  it("filters by ids, status, name (with *), tag and zone, and pages by number or token", async () => {
    const ids = await runInstances(ecs(), { amount: 3, instanceName: "filter-me", tags: [{ key: "filter", value: "yes" }] });
    const filtered = async (params: ConstructorParameters<typeof $Ecs.DescribeInstancesRequest>[0]) =>
      (await ecs().describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION, ...params }))).body!;
    expect((await filtered({ instanceIds: JSON.stringify(ids) })).totalCount).toBe(3);
    expect((await filtered({ instanceName: "filter-*" })).instances?.instance?.map((i) => i.instanceId).sort()).toEqual([...ids].sort());
    expect((await filtered({ tag: [new $Ecs.DescribeInstancesRequestTag({ key: "filter", value: "yes" })] })).totalCount).toBe(3);
    expect((await filtered({ tag: [new $Ecs.DescribeInstancesRequestTag({ key: "filter", value: "no" })] })).totalCount).toBe(0);
    expect((await filtered({ zoneId: "cn-hangzhou-i", instanceName: "filter-me" })).totalCount).toBe(0);
    const page2 = await filtered({ instanceName: "filter-me", pageNumber: 2, pageSize: 2 });
    expect([page2.totalCount, page2.pageNumber, page2.pageSize, page2.instances?.instance?.length]).toEqual([3, 2, 2, 1]);
    const first = await filtered({ instanceName: "filter-me", maxResults: 2 });
    const second = await filtered({ instanceName: "filter-me", maxResults: 2, nextToken: first.nextToken });
    expect(second.nextToken).toBe("");
    const seen = [...first.instances!.instance!, ...second.instances!.instance!].map((i) => i.instanceId);
    expect(seen.sort()).toEqual([...ids].sort());
    await waitForStatus(ecs(), ids[0], "Running");
    expect((await filtered({ instanceIds: JSON.stringify(ids), status: "Running" })).instances?.instance?.every((i) => i.status === "Running")).toBe(true);
    const statuses = (
      await ecs().describeInstanceStatus(new $Ecs.DescribeInstanceStatusRequest({ regionId: REGION, instanceId: ids }))
    ).body!;
    expect(statuses.totalCount).toBe(3);
    expect(statuses.instanceStatuses?.instanceStatus?.map((s) => s.instanceId).sort()).toEqual([...ids].sort());
    expect(await refusal(filtered({ instanceIds: "not json" }))).toMatchObject({ code: "InvalidParameter", statusCode: 400 });
    expect(await refusal(filtered({ status: "Sleeping" }))).toMatchObject({ code: "InvalidStatus.ValueNotSupported", statusCode: 400 });
  });

  it("refuses what RunInstances refuses, with Alibaba's codes", async () => {
    const cases: [Parameters<typeof request>[0], string, number][] = [
      [{ imageId: "m-nope" }, "InvalidImageId.NotFound", 404],
      [{ instanceType: "ecs.nope.large" }, "InvalidInstanceType.ValueNotSupported", 400],
      [{ zoneId: "cn-beijing-a" }, "InvalidZoneId.NotFound", 404],
      [{ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "local_ssd_pro" }) }, "InvalidSystemDiskCategory.ValueNotSupported", 400],
      [{ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "cloud_essd", performanceLevel: "PL0", size: "10" }) }, "InvalidSystemDiskSize.LessThanImageSize", 404],
      [{ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ size: "4096" }) }, "InvalidSystemDiskSize.ValueNotSupported", 400],
      [{ dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ category: "cloud_essd" })] }, "MissingParameter", 400],
      [{ dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ category: "cloud_ssd", size: 5 })] }, "InvalidDataDiskSize.ValueNotSupported", 400],
      [{ dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ category: "floppy", size: 20 })] }, "InvalidDataDiskCategory.ValueNotSupported", 400],
      [{ dataDisk: Array.from({ length: 17 }, () => new $Ecs.RunInstancesRequestDataDisk({ size: 20 })) }, "InvalidParameter", 400],
      [{ amount: 101 }, "InvalidParameter", 400],
      [{ instanceName: "1-starts-with-a-digit" }, "InvalidParameter", 400],
      [{ hostName: "-bad-" }, "InvalidHostName.Malformed", 400],
      [{ password: "short" }, "InvalidPassword.Malformed", 400],
      [{ vSwitchId: "subnet-1" }, "InvalidVSwitchId.Malformed", 400],
      [{ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ encrypted: "true" }) }, "NotSupportSnapshotEncrypted.DiskCategory", 403],
      [
        { instanceType: "ecs.ebmg5.24xlarge", systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "cloud_essd", encrypted: "true" }) },
        "NotSupportSnapshotEncrypted.InstanceType",
        400,
      ],
      [{ systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "cloud_essd", KMSKeyId: "alias/acs/ecs" }) }, "InvalidParameter.EncryptedIllegal", 400],
      [{ regionId: "cn-nanjing", zoneId: undefined, systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "cloud_essd", encrypted: "true" }) }, "NotSupportSnapshotEncrypted.RegionId", 400],
      [{ dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ size: 20, encrypted: "true", KMSKeyId: "key-doesnotexist0000000000" })] }, "InvalidParameter.KMSKeyId.KMSUnauthorized", 403],
    ];
    for (const [params, code, statusCode] of cases) {
      expect(await refusal(request(params)), JSON.stringify(params)).toMatchObject({ code, statusCode });
    }
    expect(await refusal(ecs().runInstances(new $Ecs.RunInstancesRequest({ regionId: REGION, instanceType: "ecs.g7.large" })))).toMatchObject({
      code: "MissingParameter",
      statusCode: 400,
    });
  });

  it("uses a customer master key once ECS has its role, and refuses it when it is not Enabled", async () => {
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {});
    const withKey = { systemDisk: new $Ecs.RunInstancesRequestSystemDisk({ category: "cloud_essd", encrypted: "true", KMSKeyId: KeyMetadata.KeyId }) };
    expect(await refusal(request(withKey))).toMatchObject({ code: "InvalidParameter.KMSKeyId.KMSUnauthorized", statusCode: 403 });
    await diskseal(server).request("GrantEcsDiskEncryptRole");
    const [id] = (await request(withKey)).body!.instanceIdSets!.instanceIdSet!;
    await waitForStatus(ecs(), id, "Running");
    expect((await disksOf(ecs(), id))[0]).toMatchObject({ encrypted: true, KMSKeyId: KeyMetadata.KeyId });
    await kms("DisableKey", { KeyId: KeyMetadata.KeyId });
    expect(await refusal(request(withKey))).toMatchObject({ code: "InvalidParameter.KMSKeyId.CMKNotEnabled", statusCode: 403 });
    await kms("EnableKey", { KeyId: KeyMetadata.KeyId });
    const unknown = { dataDisk: [new $Ecs.RunInstancesRequestDataDisk({ size: 20, encrypted: "true", KMSKeyId: "key-doesnotexist0000000000" })] };
    expect(await refusal(request(unknown))).toMatchObject({ code: "InvalidParameter.KMSKeyId.NotFound", statusCode: 404 });
  });
});

describe("the lifecycle", () => {
  it("stops, starts, reboots and keeps the guest's files; refuses calls in the wrong state", async () => {
    const [id] = await runInstances(ecs(), { systemDisk: { category: "cloud_essd", encrypted: true } });
    await waitForStatus(ecs(), id, "Running");
    const call = {
      start: () => ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id })),
      stop: (forceStop?: boolean) => ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id, forceStop })),
      reboot: () => ecs().rebootInstance(new $Ecs.RebootInstanceRequest({ instanceId: id })),
    };
    expect(await refusal(call.start())).toMatchObject({ code: "IncorrectInstanceStatus", statusCode: 403 });
    expect(await refusal(ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id, dryRun: true })))).toMatchObject({
      code: "IncorrectInstanceStatus",
    });
    expect(await refusal(ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id, dryRun: true })))).toMatchObject({
      code: "DryRunOperation",
      statusCode: 400,
    });
    await shell(ecs(), id, "echo kept > /root/kept.txt");
    await call.stop();
    expect(["Stopping", "Stopped"]).toContain((await describeInstance(ecs(), id))?.status);
    await waitForStatus(ecs(), id, "Stopped");
    expect((await describeInstance(ecs(), id))?.stoppedMode).toBe("KeepCharging");
    expect(await refusal(call.stop())).toMatchObject({ code: "IncorrectInstanceStatus", statusCode: 403 });
    expect(await refusal(call.reboot())).toMatchObject({ code: "IncorrectInstanceStatus", statusCode: 403 });
    expect(await refusal(ecs().getInstanceScreenshot(new $Ecs.GetInstanceScreenshotRequest({ regionId: REGION, instanceId: id })))).toMatchObject({
      code: "IncorrectInstanceStatus",
      statusCode: 403,
    });
    await call.start();
    expect(["Starting", "Running"]).toContain((await describeInstance(ecs(), id))?.status);
    await waitForStatus(ecs(), id, "Running");
    expect(await shell(ecs(), id, "cat /root/kept.txt; echo again >> /root/kept.txt")).toBe("kept\n");
    await call.reboot();
    expect(["Starting", "Running"]).toContain((await describeInstance(ecs(), id))?.status);
    await waitForStatus(ecs(), id, "Running");
    expect(await shell(ecs(), id, "cat /root/kept.txt")).toBe("kept\nagain\n");
    await call.stop(true);
    await waitForStatus(ecs(), id, "Stopped");
    await call.start();
    await waitForStatus(ecs(), id, "Running");
    expect(await shell(ecs(), id, "cat /root/kept.txt")).toBe("kept\nagain\n");
  });

  it("stops when the guest powers off, and takes a new host name at its next start", async () => {
    const [id] = await runInstances(ecs());
    await waitForStatus(ecs(), id, "Running");
    await ecs().modifyInstanceAttribute(
      new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, instanceName: "renamed", description: "a test box", hostName: "box-1" }),
    );
    expect(await describeInstance(ecs(), id)).toMatchObject({ instanceName: "renamed", description: "a test box", hostName: "box-1" });
    expect(await shell(ecs(), id, "hostname")).toBe(`iZ${id.slice(2)}Z\n`);
    expect(await refusal(ecs().modifyInstanceAttribute(new $Ecs.ModifyInstanceAttributeRequest({ instanceId: id, instanceName: "x" })))).toMatchObject({
      code: "InvalidParameter",
      statusCode: 400,
    });
    await shell(ecs(), id, "poweroff");
    await waitForStatus(ecs(), id, "Stopped");
    await ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id }));
    await waitForStatus(ecs(), id, "Running");
    expect(await shell(ecs(), id, "hostname")).toBe("box-1\n");
  });

  it("deletes an instance with the disks marked DeleteWithInstance; keeps the others Available", async () => {
    const [id] = await runInstances(ecs(), { dataDisks: [{ size: 20 }, { size: 20, deleteWithInstance: false }] });
    await waitForStatus(ecs(), id, "Running");
    const [system, gone, kept] = await disksOf(ecs(), id);
    const remove = (force?: boolean) => ecs().deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force }));
    expect(await refusal(remove())).toMatchObject({ code: "IncorrectInstanceStatus", statusCode: 403 });
    expect(await refusal(ecs().deleteInstance(new $Ecs.DeleteInstanceRequest({ instanceId: id, force: true, dryRun: true })))).toMatchObject({
      code: "DryRunOperation",
    });
    await remove(true);
    expect(await describeInstance(ecs(), id)).toBeUndefined();
    const left = (await ecs().describeDisks(new $Ecs.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([system.diskId, gone.diskId, kept.diskId]) }))).body!;
    expect(left.disks?.disk?.map((d) => [d.diskId, d.status, d.instanceId, d.device])).toEqual([[kept.diskId, "Available", "", ""]]);
    expect(await refusal(remove(true))).toMatchObject({ code: "InvalidInstanceId.NotFound", statusCode: 404 });
    expect(await refusal(ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id })))).toMatchObject({
      code: "InvalidInstanceId.NotFound",
      statusCode: 404,
    });
    await until("the released media", async () => (fs.existsSync(path.join(server.dataDir, "media", gone.diskId!)) ? undefined : true));
    expect(fs.existsSync(path.join(server.dataDir, "media", kept.diskId!))).toBe(true);
  });
});
