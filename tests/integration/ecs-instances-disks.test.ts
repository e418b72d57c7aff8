import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSimplePng } from "@/lib/ecs/hypervisor/png";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import {
  diskStatus,
  disksOf,
  diskseal,
  finished,
  REGION,
  refusal,
  runInstances,
  sendCommand,
  shell,
  until,
  waitForStatus,
  WINDOWS_IMAGE,
  ZONE,
  printServerOutputOnFailure,
} from "../helpers/ecs-instances";

/**
 * AttachDisk and DetachDisk (lowest free letter, data kept across detach/attach, the key they
 * need), GetInstanceScreenshot and GetInstanceConsoleOutput, and a Windows instance, through
 * the official ECS SDK against a real server.
 */
let server: TestServer;
let kms: KmsCall;
let instanceId: string;

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  [instanceId] = await runInstances(server.ecs, { dataDisks: [{ size: 20 }] });
  await waitForStatus(server.ecs, instanceId, "Running");
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

const ecs = () => server.ecs;

async function createDisk(params: ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0] = {}): Promise<string> {
  const body = (
    await ecs().createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", size: 20, ...params }))
  ).body!;
  await until("the disk Available", async () => ((await diskStatus(ecs(), body.diskId!)) === "Available" ? true : undefined));
  return body.diskId!;
}

const attach = (diskId: string, target = instanceId) => ecs().attachDisk(new $Ecs.AttachDiskRequest({ instanceId: target, diskId }));
const detach = (diskId: string, target = instanceId) => ecs().detachDisk(new $Ecs.DetachDiskRequest({ instanceId: target, diskId }));
const waitDisk = (diskId: string, status: string) =>
  until(`${diskId} ${status}`, async () => ((await diskStatus(ecs(), diskId)) === status ? true : undefined));

describe("AttachDisk and DetachDisk", () => {
  it("attaches at the lowest free letter, keeps the data across detach and attach", async () => {
    const first = await createDisk();
    const second = await createDisk({ encrypted: true });
    await attach(first);
    expect(["Attaching", "In_use"]).toContain(await diskStatus(ecs(), first));
    await waitDisk(first, "In_use");
    await attach(second);
    await waitDisk(second, "In_use");
    const devices = Object.fromEntries((await disksOf(ecs(), instanceId)).map((d) => [d.diskId, d.device]));
    expect([devices[first], devices[second]]).toEqual(["/dev/xvdc", "/dev/xvdd"]);
    expect(await shell(ecs(), instanceId, "ls -1 /dev | grep ^vd")).toBe("vda\nvdb\nvdc\nvdd\n");
    await shell(ecs(), instanceId, "mkfs.ext4 -q /dev/vdc && mkdir -p /mnt/c && mount /dev/vdc /mnt/c && echo persisted > /mnt/c/a.txt");

    await detach(first);
    await waitDisk(first, "Available");
    expect(await shell(ecs(), instanceId, "ls -1 /dev | grep ^vd; mount | grep -c /mnt/c || true")).toBe("vda\nvdb\nvdd\n0\n");
    await attach(first);
    await waitDisk(first, "In_use");
    const again = (await disksOf(ecs(), instanceId)).find((d) => d.diskId === first);
    expect(again?.device).toBe("/dev/xvdc");
    expect(await shell(ecs(), instanceId, "mount /dev/vdc /mnt/c && cat /mnt/c/a.txt")).toBe("persisted\n");
  });

  it("refuses what AttachDisk and DetachDisk refuse", async () => {
    const elsewhere = await createDisk({ zoneId: "cn-hangzhou-i" });
    expect(await refusal(attach(elsewhere))).toMatchObject({ code: "ResourcesNotInSameZone", statusCode: 403 });
    expect(await refusal(attach("d-doesnotexist000000"))).toMatchObject({ code: "InvalidDiskId.NotFound", statusCode: 404 });
    expect(await refusal(attach(elsewhere, "i-doesnotexist000000"))).toMatchObject({ code: "InvalidInstanceId.NotFound", statusCode: 404 });
    const [system, data] = await disksOf(ecs(), instanceId);
    expect(await refusal(attach(data.diskId!))).toMatchObject({ code: "InvalidDisk.InUse", statusCode: 404 });
    expect(await refusal(detach(elsewhere))).toMatchObject({ code: "InvalidDisk.AlreadyDetached", statusCode: 404 });
    expect(await refusal(detach(system.diskId!))).toMatchObject({ code: "IncorrectInstanceStatus", statusCode: 403 });
    const [other] = await runInstances(ecs());
    await waitForStatus(ecs(), other, "Running");
    expect(await refusal(detach(data.diskId!, other))).toMatchObject({ code: "DependencyViolation", statusCode: 403 });

    // An encrypted disk needs its key to be attached; detaching never does.
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {});
    const locked = await createDisk({ encrypted: true, KMSKeyId: KeyMetadata.KeyId });
    const attachedLocked = await createDisk({ encrypted: true, KMSKeyId: KeyMetadata.KeyId });
    await attach(attachedLocked, other);
    await waitDisk(attachedLocked, "In_use");
    await kms("DisableKey", { KeyId: KeyMetadata.KeyId });
    expect(await refusal(attach(locked, other))).toMatchObject({
      code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
      statusCode: 403,
      message: "The CMK needs to be enabled.",
    });
    await detach(attachedLocked, other);
    await waitDisk(attachedLocked, "Available");
    await kms("EnableKey", { KeyId: KeyMetadata.KeyId });
    await attach(locked, other);
    await waitDisk(locked, "In_use");

    // A stopped instance takes the disk at its next start.
    await ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: other }));
    await waitForStatus(ecs(), other, "Stopped");
    await attach(attachedLocked, other);
    await waitDisk(attachedLocked, "In_use");
    await ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: other }));
    await waitForStatus(ecs(), other, "Running");
    expect(await shell(ecs(), other, "ls -1 /dev | grep ^vd")).toBe("vda\nvdb\nvdc\n");
  });
});

describe("the system disk", () => {
  it("leaves a Stopped instance, which cannot start without it, and goes back with Bootable", async () => {
    const [id] = await runInstances(ecs());
    await waitForStatus(ecs(), id, "Running");
    await shell(ecs(), id, "echo mine > /root/mine.txt");
    const [system] = await disksOf(ecs(), id);
    await ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    await waitForStatus(ecs(), id, "Stopped");
    await detach(system.diskId!, id);
    await waitDisk(system.diskId!, "Available");
    expect(await refusal(ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id })))).toMatchObject({
      code: "IncorrectInstanceStatus",
      statusCode: 403,
    });
    await ecs().attachDisk(new $Ecs.AttachDiskRequest({ instanceId: id, diskId: system.diskId, bootable: true }));
    await waitDisk(system.diskId!, "In_use");
    expect((await disksOf(ecs(), id))[0].device).toBe("/dev/xvda");
    await ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id }));
    await waitForStatus(ecs(), id, "Running");
    expect(await shell(ecs(), id, "cat /root/mine.txt")).toBe("mine\n");
  });
});

describe("GetInstanceScreenshot and GetInstanceConsoleOutput", () => {
  it("shows the terminal's text on a PNG and the boot log", async () => {
    const shot = (await ecs().getInstanceScreenshot(new $Ecs.GetInstanceScreenshotRequest({ regionId: REGION, instanceId }))).body!;
    expect(shot.screenshot!.startsWith("iVBORw0KGgo")).toBe(true);
    const png = decodeSimplePng(Buffer.from(shot.screenshot!, "base64"));
    expect(png.rgb.some((b) => b !== 0)).toBe(true);
    const body = (await ecs().getInstanceConsoleOutput(new $Ecs.GetInstanceConsoleOutputRequest({ regionId: REGION, instanceId }))).body!;
    const output = Buffer.from(body.consoleOutput!, "base64").toString("utf8");
    expect(output).toMatch(/^\[\s+0\.000000\] Linux version /);
    expect(output).toContain("login:");
    expect(body.lastUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await refusal(ecs().getInstanceScreenshot(new $Ecs.GetInstanceScreenshotRequest({ regionId: REGION, instanceId: "i-nope" })))).toMatchObject({
      code: "InvalidInstanceId.NotFound",
      statusCode: 404,
    });
  });
});

describe("a Windows instance", () => {
  it("takes PowerShell, refuses shell scripts, and comes with its data disk initialized", async () => {
    const [windows] = await runInstances(ecs(), { imageId: WINDOWS_IMAGE, dataDisks: [{ size: 20 }] });
    await waitForStatus(ecs(), windows, "Running");
    expect(await refusal(sendCommand(ecs(), [windows], "ls"))).toMatchObject({ code: "InvalidInstance.NotMatch", statusCode: 403 });
    expect(await refusal(sendCommand(ecs(), [instanceId], "Get-Volume", { type: "RunPowerShellScript" }))).toMatchObject({
      code: "InvalidInstance.NotMatch",
      statusCode: 403,
    });
    const result = await finished(
      ecs(),
      await sendCommand(ecs(), [windows], "Set-Content -Path D:\\proof.txt -Value windows-data\nGet-Content D:\\proof.txt", {
        type: "RunPowerShellScript",
      }),
      windows,
    );
    expect(result).toMatchObject({ invocationStatus: "Success", exitCode: 0 });
    expect(result.output.replace(/\r/g, "")).toBe("windows-data\n");
  });
});
