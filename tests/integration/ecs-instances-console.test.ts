import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { policyEvaluator, type RequestConditions } from "@/lib/ram/authorize";
import { grantEcsDiskEncryptRole } from "@/lib/ram/roles";
import { advanceClock } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { startDisks } from "@/lib/ecs/disks/start-disks";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { getInstanceDetail } from "@/lib/ecs/instances/console-queries";
import { runInstances } from "@/lib/ecs/instances/run-instances";
import { startInstances } from "@/lib/ecs/instances/start-instances";
import {
  closeTerminalSession,
  openTerminalSession,
  sendTerminalInput,
  subscribeTerminal,
  terminalText,
  type TerminalEnd,
} from "@/lib/ecs/instances/terminal-sessions";
import { startInProcessEndpoint, type InProcessEndpoint } from "../helpers/in-process-endpoint";
import { until } from "../helpers/ecs-instances";

/**
 * In process, what the console and RAM see of instances: the RAM condition values RunInstances
 * is authorized with (effective encryption of every disk), the instance detail with the reason
 * of a hang (which key, its state), and the remote terminal's session API.
 */
let endpoint: InProcessEndpoint;
const ecs = () => endpoint.pop("2014-05-26");
const kms = () => endpoint.pop("2016-01-20");
let root: RequestContext;

beforeAll(async () => {
  endpoint = await startInProcessEndpoint();
  (getRuntime().config as { transitionMs: number }).transitionMs = 50;
  startInstances();
  startDisks();
  root = endpoint.rootContext();
  await grantEcsDiskEncryptRole(root);
});

afterAll(async () => {
  await endpoint?.close();
});

async function runningInstance(params: Record<string, unknown>): Promise<string> {
  const answer = await ecs().request<{ InstanceIdSets: { InstanceIdSet: string[] } }>("RunInstances", {
    RegionId: "cn-hangzhou",
    ZoneId: "cn-hangzhou-h",
    InstanceType: "ecs.g7.large",
    ImageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
    ...params,
  });
  const id = answer.InstanceIdSets.InstanceIdSet[0];
  await until("Running, its guest up", async () => {
    const row = await getRuntime().db.instance.findUnique({ where: { id } });
    return row?.status === "Running" && getHypervisor().guest(id)?.state === "running" ? true : undefined;
  });
  return id;
}

describe("asynchronous states, on the emulator clock", () => {
  it("go Pending → Starting → Running, Stopping → Stopped, one DISKSEAL_TRANSITION_MS each", async () => {
    const config = getRuntime().config as { transitionMs: number };
    config.transitionMs = 60_000;
    try {
      const { InstanceIdSets } = await ecs().request<{ InstanceIdSets: { InstanceIdSet: string[] } }>("RunInstances", {
        RegionId: "cn-hangzhou",
        InstanceType: "ecs.g7.large",
        ImageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
      });
      const id = InstanceIdSets.InstanceIdSet[0];
      const status = async () => (await getRuntime().db.instance.findUnique({ where: { id } }))?.status;
      expect(await status()).toBe("Pending");
      await advanceClock(60);
      expect(await status()).toBe("Starting");
      // The database never runs ahead of the hypervisor: Running once the guest is set up.
      await getHypervisor().settled(id);
      await advanceClock(60);
      expect(await status()).toBe("Running");
      await ecs().request("StopInstance", { RegionId: "cn-hangzhou", InstanceId: id });
      expect(await status()).toBe("Stopping");
      await getHypervisor().settled(id);
      await advanceClock(60);
      expect(await status()).toBe("Stopped");
    } finally {
      config.transitionMs = 50;
    }
  });
});

describe("RAM conditions of RunInstances", () => {
  it("carry the effective encryption of each disk and the instance type", async () => {
    const { KeyId } = (await kms().request<{ KeyMetadata: { KeyId: string } }>("CreateKey", {})).KeyMetadata;
    const seen: RequestConditions[] = [];
    policyEvaluator.current = async (_ctx, action, _resource, conditions) => {
      if (action === "ecs:RunInstances") seen.push(conditions);
      return { effect: "Deny", type: "ImplicitDeny" };
    };
    const user: RequestContext = { ...root, principal: { kind: "user", accountId: getRuntime().accountId, userName: "alice" } };
    const input = {
      instanceType: "ecs.g7.large",
      imageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
      systemDisk: { category: "cloud_essd", encrypted: true },
      dataDisks: [{ sizeGiB: 20, encrypted: true, kmsKeyId: KeyId }, { sizeGiB: 20 }],
    };
    try {
      await expect(runInstances(user, input)).rejects.toMatchObject({ code: "Forbidden.RAM", httpStatus: 403 });
      await ecs().request("EnableDiskEncryptionByDefault", { RegionId: "cn-hangzhou" });
      await expect(runInstances(user, { ...input, systemDisk: { category: "cloud_essd" }, dataDisks: [{ sizeGiB: 20 }] })).rejects.toMatchObject({
        code: "Forbidden.RAM",
      });
    } finally {
      policyEvaluator.current = undefined;
      await ecs().request("DisableDiskEncryptionByDefault", { RegionId: "cn-hangzhou" });
    }
    expect(seen[0]).toEqual({
      "ecs:InstanceType": ["ecs.g7.large"],
      "ecs:IsSystemDiskEncrypted": ["true"],
      "ecs:IsSystemDiskByokEncrypted": ["false"],
      "ecs:IsDiskEncrypted": ["true", "false"],
      "ecs:IsDiskByokEncrypted": ["true", "false"],
    });
    // Encryption by default: an omitted Encrypted is an encrypted disk.
    expect(seen[1]).toMatchObject({ "ecs:IsSystemDiskEncrypted": ["true"], "ecs:IsDiskEncrypted": ["true"] });
  });
});

describe("the console's view of an instance", () => {
  it("opens a terminal, streams its output, takes lines", async () => {
    const id = await runningInstance({});
    const session = await openTerminalSession(root, { instanceId: id });
    const chunks: string[] = [];
    let ended: TerminalEnd | undefined;
    const unsubscribe = subscribeTerminal(root, session.sessionId, 0, { onChunk: (c) => chunks.push(c.text), onEnd: (r) => (ended = r) });
    await until("the prompt", async () => (chunks.join("").includes("]# ") ? true : undefined));
    sendTerminalInput(root, session.sessionId, { line: "echo hello from the terminal" });
    await until("the answer", async () => (/^hello from the terminal$/m.test(chunks.join("")) ? true : undefined));
    const replay: string[] = [];
    subscribeTerminal(root, session.sessionId, 1, { onChunk: (c) => replay.push(c.text), onEnd: () => {} })();
    expect(replay.join("")).toBe(chunks.slice(1).join(""));
    expect(terminalText(root, session.sessionId).text).toBe(chunks.join(""));
    closeTerminalSession(root, session.sessionId);
    expect(ended).toBe("terminated");
    unsubscribe();
    const other = { ...root, principal: { kind: "user" as const, accountId: root.principal.accountId, userName: "bob" } };
    expect(() => terminalText(other, session.sessionId)).toThrow(/does not exist/);
  });

  it("says why a hung instance hangs: which disk, which key, its state", async () => {
    const { KeyId } = (await kms().request<{ KeyMetadata: { KeyId: string } }>("CreateKey", {})).KeyMetadata;
    const id = await runningInstance({ "SystemDisk.Category": "cloud_essd", "SystemDisk.Encrypted": "true", "SystemDisk.KMSKeyId": KeyId });
    const healthy = await getInstanceDetail(root, { instanceId: id });
    expect(healthy).toMatchObject({ guestState: "running", hangs: [], screen: { isBlack: false } });
    expect(healthy.disks.map((d) => [d.type, d.deviceLetter, d.kmsKeyId])).toEqual([["system", "a", KeyId]]);

    await kms().request("DisableKey", { KeyId });
    const session = await openTerminalSession(root, { instanceId: id });
    let ended: TerminalEnd | undefined;
    subscribeTerminal(root, session.sessionId, 0, { onChunk: () => {}, onEnd: (r) => (ended = r) });
    sendTerminalInput(root, session.sessionId, { line: "sudo reboot" });
    await until("the reboot", async () => (ended ? true : undefined));
    expect(ended).toBe("reboot");
    const hung = await until("the hang", async () => {
      const detail = await getInstanceDetail(root, { instanceId: id });
      return detail.hangs.length ? detail : undefined;
    });
    expect(hung).toMatchObject({
      guestState: "booting",
      screen: { isBlack: true, text: "" },
      hangs: [{ device: "/dev/vda", kmsKeyId: KeyId, keyState: "Disabled", code: "InvalidParameter.KMSKeyId.CMKNotEnabled" }],
    });
    await expect(openTerminalSession(root, { instanceId: "i-nope" })).rejects.toMatchObject({ code: "InvalidInstanceId.NotFound" });

    await kms().request("EnableKey", { KeyId });
    const recovered = await until("the recovery", async () => {
      const detail = await getInstanceDetail(root, { instanceId: id });
      return detail.guestState === "running" ? detail : undefined;
    }, 10_000);
    expect(recovered).toMatchObject({ hangs: [], screen: { isBlack: false } });
  });
});
