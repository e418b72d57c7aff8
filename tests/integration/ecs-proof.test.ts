import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSimplePng } from "@/lib/ecs/hypervisor/png";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import {
  describeInstance,
  diskseal,
  disksOf,
  finished,
  invocationResult,
  readMedia,
  REGION,
  refusal,
  runInstances,
  sendCommand,
  shell,
  until,
  waitForStatus,
  printServerOutputOnFailure,
} from "../helpers/ecs-instances";

/**
 * The proof story of the encryption guide, through the official SDKs against a real server: a
 * file written in the guest is ciphertext on the media (and plaintext on an unencrypted disk);
 * disabling the key leaves the running guest working; an in-guest reboot then hangs on I/O
 * (Running, black screenshot, console ending in I/O errors, commands that never finish); the
 * API refuses the calls that need the key; enabling the key lets the hung boot finish within
 * seconds, the file intact.
 */
let server: TestServer;
let kms: KmsCall;
let keyId: string;
const MARKER = `DISKSEAL-PROOF-${Date.now().toString(36)}-MARKER`;
const SCAN_BYTES = 16 * 1024 * 1024;

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  const created = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "proof story" });
  keyId = created.KeyMetadata.KeyId;
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

/** Decrypts stored sectors with node:crypto's aes-256-xts (plain64 tweak); never-written sectors stay zero. */
function decryptSectors(stored: Buffer, dataKey: Buffer, firstSector: number): Buffer {
  const plain = Buffer.alloc(stored.length);
  for (let offset = 0; offset < stored.length; offset += 4096) {
    const sector = stored.subarray(offset, offset + 4096);
    if (sector.every((b) => b === 0)) continue;
    const tweak = Buffer.alloc(16);
    tweak.writeBigUInt64LE(BigInt(firstSector + offset / 4096));
    const decipher = createDecipheriv("aes-256-xts", dataKey, tweak).setAutoPadding(false);
    Buffer.concat([decipher.update(sector), decipher.final()]).copy(plain, offset);
  }
  return plain;
}

async function dataKeyOf(diskId: string): Promise<Buffer> {
  const material = await diskseal(server).request<{ CiphertextBlob: string; EncryptionContext: string }>(
    "DescribeDiskEncryptionMaterial",
    { DiskId: diskId },
  );
  const { Plaintext } = await kms<{ Plaintext: string }>("Decrypt", {
    CiphertextBlob: material.CiphertextBlob,
    EncryptionContext: JSON.parse(material.EncryptionContext) as Record<string, string>,
  });
  return Buffer.from(Plaintext, "base64");
}

async function screenshot(instanceId: string): Promise<{ width: number; height: number; rgb: Buffer }> {
  const body = (await server.ecs.getInstanceScreenshot(new $Ecs.GetInstanceScreenshotRequest({ regionId: REGION, instanceId }))).body!;
  expect(body.instanceId).toBe(instanceId);
  return decodeSimplePng(Buffer.from(body.screenshot!, "base64"));
}

async function consoleOutput(instanceId: string): Promise<string> {
  const body = (await server.ecs.getInstanceConsoleOutput(new $Ecs.GetInstanceConsoleOutputRequest({ regionId: REGION, instanceId }))).body!;
  return Buffer.from(body.consoleOutput!, "base64").toString("utf8");
}

describe("the proof story", () => {
  it("encrypts at rest, survives a disabled key while running, hangs on reboot, recovers when enabled", async () => {
    const [instanceId, spareId] = await runInstances(server.ecs, {
      amount: 2,
      systemDisk: { category: "cloud_essd", encrypted: true, kmsKeyId: keyId },
      dataDisks: [
        { category: "cloud_essd", size: 20, encrypted: true, kmsKeyId: keyId },
        { category: "cloud_essd", size: 20 },
      ],
    });
    await waitForStatus(server.ecs, instanceId, "Running");
    const [system, secret, plain] = await disksOf(server.ecs, instanceId);
    expect([system.device, system.encrypted, system.KMSKeyId]).toEqual(["/dev/xvda", true, keyId]);
    expect([secret.device, secret.encrypted, secret.KMSKeyId]).toEqual(["/dev/xvdb", true, keyId]);
    expect([plain.device, plain.encrypted]).toEqual(["/dev/xvdc", false]);

    // 1. A file written in the guest is on the disk's sectors: ciphertext on the encrypted disk.
    await shell(
      server.ecs,
      instanceId,
      [
        `mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo ${MARKER} > /data/proof.txt && sync`,
        `mkfs.ext4 /dev/vdc && mkdir -p /plain && mount /dev/vdc /plain && echo ${MARKER} > /plain/proof.txt && sync`,
        `echo ${MARKER} > /root/proof.txt && sync`,
      ].join("\n"),
    );
    const encryptedMedia = await readMedia(server, secret.diskId!, 0, SCAN_BYTES);
    const plainMedia = await readMedia(server, plain.diskId!, 0, SCAN_BYTES);
    const systemMedia = await readMedia(server, system.diskId!, 0, SCAN_BYTES);
    expect(plainMedia.includes(MARKER)).toBe(true);
    expect(encryptedMedia.includes(MARKER)).toBe(false);
    expect(systemMedia.includes(MARKER)).toBe(false);
    // ... and that ciphertext is standard AES-256-XTS under the data key KMS Decrypt gives back.
    expect(decryptSectors(encryptedMedia, await dataKeyOf(secret.diskId!), 0).includes(MARKER)).toBe(true);

    // The spare instance is stopped before the key goes: StartInstance will need it.
    await waitForStatus(server.ecs, spareId, "Running");
    await server.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: spareId }));
    await waitForStatus(server.ecs, spareId, "Stopped");

    // 2. Disable the key: the running guest keeps its data keys and keeps working.
    await kms("DisableKey", { KeyId: keyId });
    expect(await shell(server.ecs, instanceId, "cat /data/proof.txt; echo more >> /data/proof.txt; sync; cat /root/proof.txt")).toBe(
      `${MARKER}\n${MARKER}\n`,
    );

    // 3. An in-guest reboot drops the keys and asks KMS again: the boot hangs on I/O.
    expect(await finished(server.ecs, await sendCommand(server.ecs, [instanceId], "sudo reboot"), instanceId)).toMatchObject({
      invocationStatus: "Success",
      exitCode: 0,
    });
    await until("the I/O errors", async () => ((await consoleOutput(instanceId)).includes("I/O error") ? true : undefined));
    const consoleLines = (await consoleOutput(instanceId)).trimEnd().split("\n");
    expect(consoleLines.slice(-5).join("\n")).toMatch(/I\/O error|blocked for more than/);
    expect(consoleLines.at(-3)).toMatch(/INFO: task .* blocked for more than \d+ seconds\./);
    expect((await describeInstance(server.ecs, instanceId))?.status).toBe("Running");
    const black = await screenshot(instanceId);
    expect([black.width, black.height]).toEqual([960, 450]);
    expect(black.rgb.every((b) => b === 0)).toBe(true);
    const stuck = await sendCommand(server.ecs, [instanceId], "mount /dev/vdb /data && cat /data/proof.txt");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await invocationResult(server.ecs, stuck, instanceId)).toMatchObject({
      invocationStatus: "Running",
      invokeRecordStatus: "Running",
    });

    // 4. What needs the key is refused at once; StopInstance would not be (see ecs-instances tests).
    const refusedReboot = await refusal(server.ecs.rebootInstance(new $Ecs.RebootInstanceRequest({ instanceId })));
    expect(refusedReboot).toMatchObject({ code: "InvalidParameter.KMSKeyId.CMKNotEnabled", statusCode: 403 });
    const refusedStart = await refusal(server.ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId: spareId })));
    expect(refusedStart).toMatchObject({ code: "InvalidParameter.KMSKeyId.CMKNotEnabled", statusCode: 403 });
    expect((await describeInstance(server.ecs, spareId))?.status).toBe("Stopped");

    // 5. Enable the key: the hung boot completes within seconds; the waiting command runs; the file is intact.
    await kms("EnableKey", { KeyId: keyId });
    const enabledAt = Date.now();
    const recovered = await finished(server.ecs, stuck, instanceId, 10_000);
    expect(Date.now() - enabledAt).toBeLessThan(5_000);
    expect(recovered).toMatchObject({ invocationStatus: "Success", output: `${MARKER}\nmore\n` });
    const screen = await screenshot(instanceId);
    expect(screen.rgb.some((b) => b !== 0)).toBe(true);
    expect(await shell(server.ecs, instanceId, "cat /root/proof.txt /data/proof.txt")).toBe(`${MARKER}\n${MARKER}\nmore\n`);

    // The audit trail: ECS asked KMS for the data keys, as itself, on behalf of each call.
    type Event = { EventId: string; Action: string; Result: string; Source: string; Principal: string; CausedBy?: string };
    const events = async (action: string) =>
      (await diskseal(server).request<{ Events: Event[] }>("LookupEvents", { EventName: action, MaxResults: 100 })).Events;
    const [run] = await events("RunInstances");
    const [start] = await events("StartInstance");
    const decrypts = await events("Decrypt");
    const causedBy = (event: Event) => decrypts.filter((d) => d.CausedBy === event.EventId);
    expect(causedBy(run).length).toBe(4);
    expect(causedBy(run).every((d) => d.Source === "ecs-service" && d.Principal === "ecs.aliyuncs.com" && d.Result === "Success")).toBe(true);
    expect(start.Result).toBe("InvalidParameter.KMSKeyId.CMKNotEnabled");
    expect(causedBy(start).map((d) => d.Result)).toEqual(["Rejected.Disabled"]);

    // The spare starts again now that the key is back.
    await server.ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId: spareId }));
    await waitForStatus(server.ecs, spareId, "Running");
    expect(await shell(server.ecs, spareId, "cat /etc/hostname")).toMatch(/^iZ/);
  });
});
