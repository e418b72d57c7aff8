import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients } from "../helpers/kms-clients";
import {
  describeInstance,
  diskseal,
  REGION,
  finished,
  invocationResult,
  runInstances,
  sendCommand,
  shell,
  until,
  waitForStatus,
  printServerOutputOnFailure,
} from "../helpers/ecs-instances";

/**
 * kill -9 of the server while a guest appends and syncs in a loop (Cloud Assistant) on an
 * encrypted data disk: after the restart — a restart of the instance, its data key asked of KMS
 * again — the filesystem mounts and every write the guest had synced is there. The loop prints
 * `synced N` only after `sync` returned, so the output read before the kill says which lines
 * must survive. A graceful stop (SIGTERM) lets the guests commit first; a restart with a key
 * that is not Enabled hangs that instance until the key is back; ResetEmulator powers
 * everything off.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

const LOOP = 'i=0; while true; do i=$((i+1)); echo "line $i" >> /data/log.txt; sync; echo "synced $i"; done';

function lastSynced(output: string): number {
  const numbers = [...output.matchAll(/^synced (\d+)$/gm)].map((m) => Number(m[1]));
  return numbers.length ? Math.max(...numbers) : 0;
}

describe("a crash of the server", () => {
  it("keeps every synced write, and the filesystem mounts", async () => {
    const [instanceId] = await runInstances(server.ecs, {
      systemDisk: { category: "cloud_essd", encrypted: true },
      dataDisks: [{ category: "cloud_essd", size: 20, encrypted: true }],
    });
    await waitForStatus(server.ecs, instanceId, "Running");
    await shell(server.ecs, instanceId, "mkfs.ext4 -q /dev/vdb && mkdir -p /data && mount /dev/vdb /data");

    const loop = await sendCommand(server.ecs, [instanceId], LOOP, { timeout: 600 });
    const before = await until("40 synced writes", async () => {
      const result = await invocationResult(server.ecs, loop, instanceId);
      return lastSynced(result.output) >= 40 ? result : undefined;
    });
    expect(before.invocationStatus).toBe("Running");
    await server.kill();
    const synced = lastSynced(before.output);

    server = await server.restart();
    await waitForStatus(server.ecs, instanceId, "Running");
    expect((await describeInstance(server.ecs, instanceId))?.status).toBe("Running");
    const log = await shell(server.ecs, instanceId, "mount /dev/vdb /data && cat /data/log.txt");
    const lines = log.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(synced);
    expect(lines).toEqual(lines.map((_, n) => `line ${n + 1}`));

    // The invocation the crash cut off is over: its instance restarted.
    expect(await finished(server.ecs, loop, instanceId)).toMatchObject({
      invocationStatus: "Failed",
      errorCode: "InstanceRestarted",
    });
  });

  it("commits what the guests wrote at a graceful stop (SIGTERM), even without sync", async () => {
    const [instanceId] = await runInstances(server.ecs, { dataDisks: [{ category: "cloud_essd", size: 20, encrypted: true }] });
    await waitForStatus(server.ecs, instanceId, "Running");
    await shell(server.ecs, instanceId, "mkfs.ext4 -q /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo unsynced > /data/late.txt");
    await server.stop();
    server = await server.restart();
    await waitForStatus(server.ecs, instanceId, "Running");
    expect(await shell(server.ecs, instanceId, "mount /dev/vdb /data && cat /data/late.txt")).toBe("unsynced\n");
  });

  it("restarts an instance whose key is disabled as hung; it can be stopped, and starts once the key is enabled", async () => {
    await diskseal(server).request("GrantEcsDiskEncryptRole");
    const kms = kmsClients(server).sdk;
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {});
    const [instanceId] = await runInstances(server.ecs, {
      systemDisk: { category: "cloud_essd", encrypted: true, kmsKeyId: KeyMetadata.KeyId },
    });
    await waitForStatus(server.ecs, instanceId, "Running");
    await shell(server.ecs, instanceId, "echo before > /root/before.txt && sync");
    await kms("DisableKey", { KeyId: KeyMetadata.KeyId });
    await server.stop();
    server = await server.restart();
    const output = async () =>
      Buffer.from(
        (await server.ecs.getInstanceConsoleOutput(new $Ecs.GetInstanceConsoleOutputRequest({ regionId: REGION, instanceId }))).body!
          .consoleOutput!,
        "base64",
      ).toString();
    await until("the hang", async () => ((await output()).includes("I/O error") ? true : undefined));
    expect((await describeInstance(server.ecs, instanceId))?.status).toBe("Running");
    // Stopping never needs the key: a hung instance can be stopped (its waiting command ends with it).
    const waiting = await sendCommand(server.ecs, [instanceId], "cat /root/before.txt");
    await server.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId }));
    await waitForStatus(server.ecs, instanceId, "Stopped");
    expect(await finished(server.ecs, waiting, instanceId)).toMatchObject({ invocationStatus: "Failed", errorCode: "InstanceRestarted" });
    await kmsClients(server).sdk("EnableKey", { KeyId: KeyMetadata.KeyId });
    await server.ecs.startInstance(new $Ecs.StartInstanceRequest({ instanceId }));
    await waitForStatus(server.ecs, instanceId, "Running");
    expect(await shell(server.ecs, instanceId, "cat /root/before.txt")).toBe("before\n");
  });

  it("powers every instance off at ResetEmulator", async () => {
    const [instanceId] = await runInstances(server.ecs, { dataDisks: [{ size: 20, encrypted: true }] });
    await waitForStatus(server.ecs, instanceId, "Running");
    await diskseal(server).request("ResetEmulator");
    expect(await describeInstance(server.ecs, instanceId)).toBeUndefined();
    const [fresh] = await runInstances(server.ecs);
    await waitForStatus(server.ecs, fresh, "Running");
    expect(await shell(server.ecs, fresh, "echo alive")).toBe("alive\n");
  });
});
