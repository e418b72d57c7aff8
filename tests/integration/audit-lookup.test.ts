import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf, kmsClients, type KmsCall } from "../helpers/kms-clients";
import { accountOf, advanceClock, createDisk, diskseal, ecsPop } from "../helpers/ecs-disks";
import { runInstances, waitForStatus, diskStatus, until, REGION, ZONE } from "../helpers/ecs-instances";
import { $Ecs } from "../helpers/sdk";

/**
 * The audit trail through DiskSeal's LookupEvents (pop-core, 2026-11-28): the KMS calls each ECS
 * operation causes are recorded as the ECS service and linked to it by CausedBy, and every filter
 * of the console's Audit page narrows the same way.
 */
type Event = {
  EventId: string;
  EventTime: string;
  Principal: string;
  Source: string;
  Service: string;
  Action: string;
  ResourceArn: string;
  RegionId: string;
  KeyId: string | null;
  Result: string;
  RequestId: string;
  SourceIp: string | null;
  CausedBy: string | null;
};
type Page = { Events: Event[]; NextToken?: string };

let server: TestServer;
let kms: KmsCall;
let account = "";
let keyId = "";
let instanceId = "";

const lookup = (params: Record<string, unknown>) => diskseal(server).request<Page>("LookupEvents", params);
const latest = async (eventName: string, extra: Record<string, unknown> = {}) =>
  (await lookup({ EventName: eventName, MaxResults: 1, ...extra })).Events[0];
const caused = async (event: Event) => (await lookup({ CausedBy: event.EventId, MaxResults: 100 })).Events.reverse();
const ecs = (action: string, params: Record<string, unknown>) =>
  ecsPop(server).request<Record<string, string>>(action, { RegionId: REGION, ...params });

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).pop;
  account = await accountOf(server);
  keyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {})).KeyMetadata.KeyId;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
});
afterAll(async () => {
  await server?.stop();
});

const asEcs = { Source: "ecs-service", Principal: "ecs.aliyuncs.com", Service: "kms", Result: "Success" };

describe("the KMS calls an ECS operation causes", () => {
  it("CreateDisk: GenerateDataKeyWithoutPlaintext under the disk's key, as ECS, linked back", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: ZONE, size: 20, diskCategory: "cloud_essd", encrypted: true, KMSKeyId: keyId });
    const create = await latest("CreateDisk", { ResourceArn: `acs:ecs:${REGION}:${account}:disk/${diskId}` });
    expect(create).toMatchObject({ Service: "ecs", Source: "api", Principal: `root@${account}`, Result: "Success", KeyId: keyId, CausedBy: null });
    expect(create.SourceIp).toBe("127.0.0.1");
    // ECS checks the key, tags it as one ECS uses, then has the disk's data key generated.
    const children = await caused(create);
    expect(children.map((e) => e.Action)).toEqual(["DescribeKey", "TagResource", "GenerateDataKeyWithoutPlaintext"]);
    for (const child of children) {
      expect(child).toMatchObject({ ...asEcs, KeyId: keyId, RequestId: create.RequestId, ResourceArn: `acs:kms:${REGION}:${account}:key/${keyId}` });
    }
    // The link back: the caused event's CausedBy finds its cause by EventId.
    expect((await lookup({ EventId: children[2].CausedBy })).Events).toEqual([create]);
  });

  it("RunInstances, StartInstance, RebootInstance, AttachDisk: data keys generated, then Decrypt per encrypted disk", async () => {
    [instanceId] = await runInstances(server.ecs, {
      systemDisk: { category: "cloud_essd", encrypted: true, kmsKeyId: keyId },
      dataDisks: [{ category: "cloud_essd", size: 20, encrypted: true, kmsKeyId: keyId }],
    });
    const instanceArn = `acs:ecs:${REGION}:${account}:instance/${instanceId}`;
    const run = await latest("RunInstances");
    const runChildren = await caused(run);
    expect(runChildren.map((e) => e.Action)).toEqual([
      "DescribeKey",
      "DescribeKey",
      "GenerateDataKeyWithoutPlaintext",
      "GenerateDataKeyWithoutPlaintext",
      "Decrypt",
      "Decrypt",
    ]);
    expect(runChildren.every((e) => e.KeyId === keyId && e.Source === "ecs-service" && e.Result === "Success")).toBe(true);
    await waitForStatus(server.ecs, instanceId, "Running");

    await server.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId }));
    await waitForStatus(server.ecs, instanceId, "Stopped");
    await server.ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId }));
    const start = await latest("StartInstance", { ResourceArn: instanceArn });
    expect((await caused(start)).map((e) => [e.Action, e.KeyId])).toEqual([["Decrypt", keyId], ["Decrypt", keyId]]);
    await waitForStatus(server.ecs, instanceId, "Running");

    await server.ecs.rebootInstance(new $Ecs.RebootInstanceRequest({ instanceId }));
    const reboot = await latest("RebootInstance", { ResourceArn: instanceArn });
    expect((await caused(reboot)).map((e) => e.Action)).toEqual(["Decrypt", "Decrypt"]);
    await waitForStatus(server.ecs, instanceId, "Running");

    const extra = await createDisk(server.ecs, { zoneId: ZONE, size: 20, diskCategory: "cloud_essd", encrypted: true, KMSKeyId: keyId });
    await until("disk available", async () => ((await diskStatus(server.ecs, extra)) === "Available" ? true : undefined));
    await server.ecs.attachDisk(new $Ecs.AttachDiskRequest({ instanceId, diskId: extra }));
    const attach = await latest("AttachDisk");
    expect(attach.Result).toBe("Success");
    expect((await caused(attach)).map((e) => [e.Action, e.Principal])).toEqual([["Decrypt", "ecs.aliyuncs.com"]]);
  });

  it("snapshots and images: the key checked, data keys rewrapped or regenerated, as ECS", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: ZONE, size: 20, diskCategory: "cloud_essd", encrypted: true, KMSKeyId: keyId });
    await until("disk available", async () => ((await diskStatus(server.ecs, diskId)) === "Available" ? true : undefined));
    const { SnapshotId } = await ecs("CreateSnapshot", { DiskId: diskId });
    const snapshot = await latest("CreateSnapshot");
    expect(snapshot.ResourceArn).toBe(`acs:ecs:${REGION}:${account}:snapshot/${SnapshotId}`);
    expect((await caused(snapshot)).map((e) => [e.Action, e.KeyId, e.Source])).toEqual([["DescribeKey", keyId, "ecs-service"]]);
    await advanceClock(server, 5);

    // A disk from the snapshot under the same key: its data key rewrapped for the new disk.
    await ecs("CreateDisk", { ZoneId: ZONE, SnapshotId, DiskCategory: "cloud_essd", Encrypted: true, KMSKeyId: keyId });
    const fromSnapshot = await latest("CreateDisk");
    expect((await caused(fromSnapshot)).map((e) => e.Action)).toContain("ReEncrypt");
    expect((await caused(fromSnapshot)).every((e) => e.Principal === "ecs.aliyuncs.com" && e.Result === "Success")).toBe(true);

    // A copy under another key: the sectors re-encrypted — Decrypt the old data key, a new one generated.
    const otherKey = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {})).KeyMetadata.KeyId;
    await ecs("CopySnapshot", { SnapshotId, DestinationRegionId: REGION, Encrypted: true, KMSKeyId: otherKey });
    const copy = await latest("CopySnapshot");
    const copyChildren = await caused(copy);
    expect(copyChildren.filter((e) => e.Action === "Decrypt").map((e) => e.KeyId)).toEqual([keyId]);
    expect(copyChildren.filter((e) => e.Action.startsWith("GenerateDataKey")).map((e) => e.KeyId)).toEqual([otherKey]);

    // An image of the instance's encrypted system disk, from its snapshot.
    const systemDisk = (await ecs("DescribeDisks", { InstanceId: instanceId, DiskType: "system" })) as unknown as { Disks: { Disk: { DiskId: string }[] } };
    const { SnapshotId: systemSnapshot } = await ecs("CreateSnapshot", { DiskId: systemDisk.Disks.Disk[0].DiskId });
    await advanceClock(server, 5);
    await ecs("CreateImage", { SnapshotId: systemSnapshot, ImageName: "audit-image" });
    const image = await latest("CreateImage");
    expect(image.Result).toBe("Success");
    expect((await caused(image)).map((e) => [e.Action, e.KeyId, e.Principal])).toEqual([["DescribeKey", keyId, "ecs.aliyuncs.com"]]);
  });

  it("a refusal is recorded with its code, the key it named and the KMS calls made before it", async () => {
    const disabled = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {})).KeyMetadata.KeyId;
    await kms("DisableKey", { KeyId: disabled });
    const failure = await failureOf(server.ecs.createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, size: 20, diskCategory: "cloud_essd", encrypted: true, KMSKeyId: disabled })));
    expect(failure.code).toBe("InvalidParameter.KMSKeyId.CMKNotEnabled");
    const create = await latest("CreateDisk", { Result: "InvalidParameter.KMSKeyId.CMKNotEnabled" });
    expect(create.Source).toBe("api");
    const children = await caused(create);
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((e) => e.KeyId === disabled && e.Source === "ecs-service")).toBe(true);
  });
});

describe("LookupEvents filters", () => {
  it("by principal, action, resource, key (id or ARN) and result", async () => {
    const byKey = (await lookup({ KeyId: keyId, MaxResults: 100 })).Events;
    expect(byKey.length).toBeGreaterThan(5);
    expect(byKey.every((e) => e.KeyId === keyId)).toBe(true);
    const byArn = (await lookup({ KeyId: `acs:kms:${REGION}:${account}:key/${keyId}`, MaxResults: 100 })).Events;
    expect(byArn.map((e) => e.EventId)).toEqual(byKey.map((e) => e.EventId));

    const asService = (await lookup({ Principal: "ecs.aliyuncs.com", EventName: "Decrypt", MaxResults: 100 })).Events;
    expect(asService.length).toBeGreaterThanOrEqual(7);
    expect(asService.every((e) => e.Principal === "ecs.aliyuncs.com" && e.Action === "Decrypt")).toBe(true);
    expect((await lookup({ Principal: `root@${account}`, EventName: "Decrypt" })).Events).toEqual([]);

    const keyArn = `acs:kms:${REGION}:${account}:key/${keyId}`;
    const onKey = (await lookup({ ResourceArn: keyArn, MaxResults: 100 })).Events;
    expect(onKey.length).toBeGreaterThan(0);
    expect(onKey.every((e) => e.ResourceArn === keyArn && e.Service === "kms")).toBe(true);

    expect((await failureOf(kms("DescribeKey", { KeyId: "key-doesnotexist0000000000" }))).code).toBe("Forbidden.KeyNotFound");
    const failed = (await lookup({ Result: "Failed", MaxResults: 100 })).Events;
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((e) => e.Result !== "Success")).toBe(true);
    expect(failed.map((e) => e.Result)).toContain("InvalidParameter.KMSKeyId.CMKNotEnabled");
    const succeeded = (await lookup({ Result: "Success", EventName: "CreateDisk", MaxResults: 100 })).Events;
    expect(succeeded.length).toBeGreaterThanOrEqual(3);
    expect(succeeded.every((e) => e.Result === "Success")).toBe(true);
    const notFound = (await lookup({ Result: "Forbidden.KeyNotFound" })).Events;
    expect(notFound.map((e) => [e.Action, e.Result, e.Principal])).toEqual([["DescribeKey", "Forbidden.KeyNotFound", `root@${account}`]]);
  });

  it("by time on the emulator clock", async () => {
    const { Now } = await diskseal(server).request<{ Now: string }>("DescribeEmulatorClock");
    await advanceClock(server, 7200);
    await kms("Encrypt", { KeyId: keyId, Plaintext: "aGVsbG8=" });
    const later = (await lookup({ KeyId: keyId, StartTime: new Date(new Date(Now).getTime() + 3600_000).toISOString() })).Events;
    expect(later.map((e) => e.Action)).toEqual(["Encrypt"]);
    const earlier = (await lookup({ EndTime: Now, EventName: "Encrypt" })).Events;
    expect(earlier).toEqual([]);
    const failure = await failureOf(lookup({ StartTime: "2026-12-01T00:00:00Z", EndTime: "2026-11-01T00:00:00Z" }));
    expect(failure).toMatchObject({ code: "InvalidParameter", status: 400 });
    expect((await failureOf(lookup({ StartTime: "yesterday" }))).code).toBe("InvalidParameter");
  });

  it("pages newest first without gaps or repeats", async () => {
    const all = (await lookup({ KeyId: keyId, MaxResults: 100 })).Events;
    const seen: Event[] = [];
    let token: string | undefined;
    do {
      const page: Page = await lookup({ KeyId: keyId, MaxResults: 3, ...(token ? { NextToken: token } : {}) });
      expect(page.Events.length).toBeLessThanOrEqual(3);
      seen.push(...page.Events);
      token = page.NextToken;
    } while (token);
    expect(seen.map((e) => e.EventId)).toEqual(all.map((e) => e.EventId));
    const times = seen.map((e) => Date.parse(e.EventTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await failureOf(lookup({ NextToken: "bm90LWEtdG9rZW4" }))).toMatchObject({ code: "InvalidNextToken", status: 400 });
    expect((await failureOf(lookup({ MaxResults: 101 }))).code).toBe("InvalidParameter");
  });
});
