import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import { describeInstance, diskseal, disksOf, printServerOutputOnFailure, runInstances, shell, until, waitForStatus } from "../helpers/ecs-instances";
import { inventory } from "../helpers/ecs-snapshots";
import { byIds, oos, popRefusal, TEMPLATE, type Execution } from "../helpers/oos";

/**
 * OOS ACS-ECS-BulkyEncryptSystemDisk through pop-core (npm has no OOS SDK): the instances'
 * system disks end encrypted under the key, Running, with the files written before; a kill -9
 * mid-execution is resumed after the restart; MaxErrors stops the rollout; Cancel; a role
 * without ECS permissions; the API's shapes and errors. Transitions are slow enough (300 ms)
 * for the kill to land mid-execution.
 */
let server: TestServer;
let kms: KmsCall;
let keyId: string;

beforeAll(async () => {
  server = await startTestServer({ env: { DISKSEAL_TRANSITION_MS: "300" } });
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  keyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "bulk" })).KeyMetadata.KeyId;
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

const api = () => oos(server);
/** Each test boots instances and runs whole executions: minutes on a loaded machine. */
const SLOW = { timeout: 300_000 };

/** Instances with an ESSD system disk, Running, each with a marker file in /root. */
async function instancesWithMarkers(count: number, extra: Parameters<typeof runInstances>[1] = {}): Promise<Map<string, string>> {
  const ids = await runInstances(server.ecs, { amount: count, systemDisk: { category: "cloud_essd" }, ...extra });
  const markers = new Map<string, string>();
  for (const id of ids) {
    await waitForStatus(server.ecs, id, "Running");
    const marker = `OOS-${id}-${Date.now().toString(36)}`;
    await shell(server.ecs, id, `echo ${marker} > /root/marker.txt && sync`);
    markers.set(id, marker);
  }
  return markers;
}

async function systemDisk(instanceId: string) {
  return (await disksOf(server.ecs, instanceId)).find((d) => d.type === "system")!;
}

async function expectEncryptedAndIntact(markers: Map<string, string>) {
  for (const [id, marker] of markers) {
    expect((await describeInstance(server.ecs, id))?.status).toBe("Running");
    const disk = await systemDisk(id);
    expect(disk).toMatchObject({ encrypted: true, KMSKeyId: keyId, status: "In_use" });
    expect(await shell(server.ecs, id, "cat /root/marker.txt")).toBe(`${marker}\n`);
  }
}

describe("ACS-ECS-BulkyEncryptSystemDisk", () => {
  it("encrypts the system disks of three instances, skipping the one already encrypted", SLOW, async () => {
    const before = await inventory(server.ecs);
    const markers = await instancesWithMarkers(2);
    const [encryptedOne] = await runInstances(server.ecs, { systemDisk: { category: "cloud_essd", encrypted: true, kmsKeyId: keyId } });
    await waitForStatus(server.ecs, encryptedOne, "Running");
    const originalDisk = (await systemDisk(encryptedOne)).diskId;
    const ids = [...markers.keys(), encryptedOne];

    const started = await api().start(byIds(ids, keyId));
    expect(started.ExecutionId).toMatch(/^exec-[a-z0-9]+$/);
    expect(started).toMatchObject({ TemplateName: TEMPLATE, Mode: "Automatic", SafetyCheck: "ConfirmEveryHighRiskAction", EndDate: "" });
    expect(["Started", "Running"]).toContain(started.Status);
    // StartExecution's Parameters is a JSON string; ListExecutions' an object.
    expect(typeof started.Parameters).toBe("string");
    expect(JSON.parse(started.Parameters as string)).toMatchObject({ KMSKeyId: keyId, rateControl: { Concurrency: 10, MaxErrors: 0 } });

    const ended = await api().ended(started.ExecutionId);
    expect(ended).toMatchObject({ Status: "Success", Counters: { Total: 3, Success: 2, Failed: 0, Skipped: 1 } });
    expect(ended.Parameters).toMatchObject({ targets: { Type: "ResourceIds", ResourceIds: ids } });
    expect(ended.StartDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(ended.EndDate).toMatch(/Z$/);
    expect(JSON.parse(ended.Outputs)).toEqual({ systemDiskEncryptedInstances: ids });

    const tasks = await api().tasks(started.ExecutionId);
    expect(tasks.map((t) => [t.TaskName, t.LoopItem, t.Status])).toEqual([
      ["getInstance", "", "Success"],
      ["encryptSystemDisk", ids[0], "Success"],
      ["encryptSystemDisk", ids[1], "Success"],
      ["encryptSystemDisk", ids[2], "Skipped"],
    ]);
    expect(tasks[1]).toMatchObject({ TaskAction: "ACS::ECS::EncryptSystemDisk", ExtraData: { CurrentStep: "deleteResources", Progress: 100 } });
    expect(JSON.parse(tasks[1].Outputs)).toEqual({ systemDiskEncryptedInstance: ids[0] });

    await expectEncryptedAndIntact(markers);
    expect((await systemDisk(encryptedOne)).diskId).toBe(originalDisk);
    // The temporary snapshots and images are gone; the old system disks were released.
    const after = await inventory(server.ecs);
    expect(after.images).toBe(before.images);
    expect(after.snapshots).toBe(before.snapshots);
  });

  it("resumes after the server is killed mid-execution, without repeating a step", SLOW, async () => {
    const before = await inventory(server.ecs);
    const markers = await instancesWithMarkers(2);
    const ids = [...markers.keys()];
    const started = await api().start(byIds(ids, keyId, { Concurrency: 2 }));
    // Kill once a task has stopped its instance (the riskiest place to die).
    await until(
      "a task past stopInstance",
      async () => ((await api().tasks(started.ExecutionId)).some((t) => t.ExtraData.StepIndex >= 9 && t.Status === "Running") ? true : undefined),
      180_000,
    );
    await server.kill();
    server = await server.restart();
    kms = kmsClients(server).sdk;

    const ended = await api().ended(started.ExecutionId);
    expect(ended.Status).toBe("Success");
    expect(JSON.parse(ended.Outputs)).toEqual({ systemDiskEncryptedInstances: ids });
    await expectEncryptedAndIntact(markers);
    const after = await inventory(server.ecs);
    expect(after.images).toBe(before.images);
    expect(after.snapshots).toBe(before.snapshots);
    // One system disk per instance: nothing was replaced twice, nothing left behind.
    expect(after.disks).toBe(before.disks + 2);
  });

  it("stops the rollout when MaxErrors is exceeded, every instance keeping a working system disk", SLOW, async () => {
    const dataKeyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "data disk" })).KeyMetadata.KeyId;
    const first = await instancesWithMarkers(1);
    const failing = await instancesWithMarkers(1, { dataDisks: [{ category: "cloud_essd", size: 20, encrypted: true, kmsKeyId: dataKeyId }] });
    const last = await instancesWithMarkers(1);
    const [a] = first.keys();
    const [b] = failing.keys();
    const [c] = last.keys();
    const cDisk = (await systemDisk(c)).diskId;
    await kms("DisableKey", { KeyId: dataKeyId });

    const started = await api().start(byIds([a, b, c], keyId, { Concurrency: 1, MaxErrors: 0 }));
    const ended = await api().ended(started.ExecutionId);
    expect(ended).toMatchObject({ Status: "Failed", Counters: { Total: 3, Success: 1, Failed: 1, Cancelled: 1 } });
    expect(JSON.parse(ended.Outputs)).toEqual({ systemDiskEncryptedInstances: [a, b] });
    const tasks = await api().tasks(started.ExecutionId);
    expect(tasks.slice(1).map((t) => t.Status)).toEqual(["Success", "Failed", "Cancelled"]);
    expect(tasks[2].StatusMessage).toMatch(/^startInstance: InvalidParameter\.KMSKeyId\.CMKNotEnabled/);

    // a: done. b: stopped on its new, encrypted system disk, which boots once its data key is back.
    await expectEncryptedAndIntact(first);
    expect((await describeInstance(server.ecs, b))?.status).toBe("Stopped");
    expect(await systemDisk(b)).toMatchObject({ encrypted: true, KMSKeyId: keyId, status: "In_use" });
    await kms("EnableKey", { KeyId: dataKeyId });
    await server.ecs.startInstance(new (await import("../helpers/sdk")).$Ecs.StartInstanceRequest({ instanceId: b }));
    await waitForStatus(server.ecs, b, "Running");
    expect(await shell(server.ecs, b, "cat /root/marker.txt")).toBe(`${failing.get(b)}\n`);
    // c: never touched.
    expect(await systemDisk(c)).toMatchObject({ diskId: cDisk, encrypted: false });
    expect((await describeInstance(server.ecs, c))?.status).toBe("Running");
  });

  it("cancels cleanly: nothing half-replaced, the temporary resources gone", SLOW, async () => {
    const before = await inventory(server.ecs);
    const markers = await instancesWithMarkers(2);
    const ids = [...markers.keys()];
    const disksBefore = await Promise.all(ids.map(async (id) => (await systemDisk(id)).diskId));
    const started = await api().start(byIds(ids, keyId, { Concurrency: 1 }));
    await until("the first task under way", async () => ((await api().tasks(started.ExecutionId)).some((t) => t.ExtraData.StepIndex >= 3) ? true : undefined));
    await api().request("CancelExecution", { RegionId: "cn-hangzhou", ExecutionId: started.ExecutionId });
    const ended = await api().ended(started.ExecutionId);
    expect(ended.Status).toBe("Cancelled");
    const tasks = await api().tasks(started.ExecutionId);
    expect(tasks.slice(1).map((t) => t.Status)).toEqual(["Cancelled", "Cancelled"]);
    for (const [i, id] of ids.entries()) {
      expect((await describeInstance(server.ecs, id))?.status).toBe("Running");
      expect(await systemDisk(id)).toMatchObject({ diskId: disksBefore[i], encrypted: false });
      expect(await shell(server.ecs, id, "cat /root/marker.txt")).toBe(`${markers.get(id)}\n`);
    }
    const after = await inventory(server.ecs);
    expect(after.images).toBe(before.images);
    expect(after.snapshots).toBe(before.snapshots);
    // Cancelling again changes nothing.
    await api().request("CancelExecution", { RegionId: "cn-hangzhou", ExecutionId: started.ExecutionId });
    expect((await api().execution(started.ExecutionId)).Status).toBe("Cancelled");
  });

  it("acts as the OOSAssumeRole: a role without ECS permissions fails with Forbidden.RAM", SLOW, async () => {
    const ram = server.pop("2015-05-01");
    const trust = { Version: "1", Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["oos.aliyuncs.com"] } }] };
    await ram.request("CreateRole", { RoleName: "OOSKmsOnly", AssumeRolePolicyDocument: JSON.stringify(trust) });
    await ram.request("AttachPolicyToRole", { PolicyType: "System", PolicyName: "AliyunKMSReadOnlyAccess", RoleName: "OOSKmsOnly" });
    const markers = await instancesWithMarkers(1);
    const [id] = markers.keys();
    const started = await api().start(byIds([id], keyId, {}, "OOSKmsOnly"));
    const ended = await api().ended(started.ExecutionId);
    expect(ended).toMatchObject({ Status: "Failed", RamRole: "OOSKmsOnly" });
    const tasks = await api().tasks(started.ExecutionId);
    expect(tasks[0]).toMatchObject({ TaskName: "getInstance", Status: "Failed" });
    expect(tasks[0].StatusMessage).toMatch(/^Forbidden\.RAM: /);
    expect((await systemDisk(id)).encrypted).toBe(false);

    // With ECS read-only permissions it selects the instance, and its task fails at the first write.
    await ram.request("AttachPolicyToRole", { PolicyType: "System", PolicyName: "AliyunECSReadOnlyAccess", RoleName: "OOSKmsOnly" });
    const readOnly = await api().ended((await api().start(byIds([id], keyId, {}, "OOSKmsOnly"))).ExecutionId);
    expect(readOnly).toMatchObject({ Status: "Failed", Counters: { Total: 1, Failed: 1 } });
    const [, task] = await api().tasks(readOnly.ExecutionId);
    expect(task).toMatchObject({ LoopItem: id, Status: "Failed" });
    expect(task.StatusMessage).toMatch(/^createSnapshot: Forbidden\.RAM: /);
    expect((await describeInstance(server.ecs, id))?.status).toBe("Running");

    // With ECS permissions the same role does the work.
    await ram.request("AttachPolicyToRole", { PolicyType: "System", PolicyName: "AliyunECSFullAccess", RoleName: "OOSKmsOnly" });
    const again = await api().ended((await api().start(byIds([id], keyId, {}, "OOSKmsOnly"))).ExecutionId);
    expect(again.Status).toBe("Success");
    await expectEncryptedAndIntact(markers);

    // A role that does not exist is refused at once.
    expect(await popRefusal(api().start(byIds([id], keyId, {}, "NoSuchRole")))).toMatchObject({ code: "EntityNotExist.Role", statusCode: 404 });
  });

  it("answers the templates and the errors as OOS does", async () => {
    const listed = await api().request<{ Templates: { TemplateName: string; CreatedBy: string; ShareType: string }[] }>("ListTemplates", {
      RegionId: "cn-hangzhou",
      TemplateName: "BulkyEncrypt",
    });
    expect(listed.Templates).toEqual([expect.objectContaining({ TemplateName: TEMPLATE, CreatedBy: "ACS", ShareType: "Public", TemplateType: "Automation" })]);
    const got = await api().request<{ Content: string; Template: { Hash: string; TemplateVersion: string } }>("GetTemplate", { RegionId: "cn-hangzhou", TemplateName: TEMPLATE });
    const content = JSON.parse(got.Content) as { Parameters: Record<string, unknown>; Outputs: Record<string, unknown> };
    expect(Object.keys(content.Parameters)).toEqual(["regionId", "targets", "KMSKeyId", "rateControl", "OOSAssumeRole"]);
    expect(Object.keys(content.Outputs)).toEqual(["systemDiskEncryptedInstances"]);
    expect(got.Template.Hash).toMatch(/^[0-9a-f]{64}$/);

    expect(await popRefusal(api().request("GetTemplate", { RegionId: "cn-hangzhou", TemplateName: "ACS-ECS-Nothing" }))).toMatchObject({
      code: "EntityNotExists.Template",
      statusCode: 404,
    });
    expect(await popRefusal(api().request("ListTaskExecutions", { RegionId: "cn-hangzhou", ExecutionId: "exec-nope" }))).toMatchObject({
      code: "EntityNotExists.Execution",
      statusCode: 404,
      message: "The specified execution does not exist.",
    });
    expect(await popRefusal(api().request("CancelExecution", { RegionId: "cn-hangzhou", ExecutionId: "exec-nope" }))).toMatchObject({ code: "EntityNotExists.Execution" });
    expect(await popRefusal(api().start({ targets: { Type: "Nope" } }))).toMatchObject({ code: "InvalidParameter", statusCode: 400, message: "The parameter is invalid." });
    expect(await popRefusal(api().start(byIds(["i-x"], keyId), { TemplateName: "Other" }))).toMatchObject({ code: "EntityNotExists.Template" });
    const none = await api().request<{ Executions: Execution[] }>("ListExecutions", { RegionId: "cn-hangzhou", ExecutionId: "exec-nope" });
    expect(none.Executions).toEqual([]);
  });
});
