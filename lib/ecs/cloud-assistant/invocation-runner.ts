import { now } from "@/lib/clock";
import { getRuntime, processSingleton } from "@/lib/runtime";
import { GuestNotRunningError, SessionClosedError, type RunResult } from "@/lib/ecs/guest";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import {
  ERROR_INFO,
  STORED_OUTPUT_LIMIT_BYTES,
  tailBytes,
  type InstanceInvocationStatus,
  type InvocationErrorCode,
} from "@/lib/ecs/cloud-assistant/invocation-status";

/** What one invocation runs: the command's script as plain text, where, and for how long. */
export type InvocationJob = {
  invokeId: string;
  type: string;
  script: string;
  workingDir: string;
  timeoutSeconds: number;
};

type Live = { output: string; controller: AbortController };

/** Invocations running in this process, by `<invokeId>/<instanceId>`: output so far, and their abort. */
const live = processSingleton("cloudAssistant.live", () => new Map<string, Live>());

const keyOf = (invokeId: string, instanceId: string) => `${invokeId}/${instanceId}`;

/** The output a running invocation has produced so far (DescribeInvocationResults while Running). */
export function liveOutput(invokeId: string, instanceId: string): string | undefined {
  return live.get(keyOf(invokeId, instanceId))?.output;
}

/** ResetEmulator: every running invocation is abandoned. */
export function abortAllInvocations(): void {
  for (const entry of live.values()) entry.controller.abort("reset");
  live.clear();
}

/**
 * Sends the job to each instance, in the background. A Running (or starting) instance runs it
 * in a new session of its guest — which waits while the guest boots or hangs, so a command sent
 * to a hung instance stays Running until its timeout. A stopped one fails it at once
 * (`InstanceNotRunning`).
 */
export function dispatchInvocation(job: InvocationJob, targets: readonly { instanceId: string; status: string }[]): void {
  for (const target of targets) {
    void runOnInstance(job, target.instanceId, target.status).catch((error: unknown) =>
      console.error(`Cloud Assistant ${job.invokeId} on ${target.instanceId}`, error),
    );
  }
}

type Outcome = {
  status: InstanceInvocationStatus;
  exitCode: number | null;
  output: string;
  errorCode?: InvocationErrorCode;
  finishedAt?: Date;
};

async function runOnInstance(job: InvocationJob, instanceId: string, instanceStatus: string): Promise<void> {
  const hypervisor = getHypervisor();
  // A starting instance's guest is set up once what is queued before it (a stop) is done.
  if (instanceStatus === "Pending" || instanceStatus === "Starting") await hypervisor.settled(instanceId);
  const guest = hypervisor.guest(instanceId);
  if (!guest || instanceStatus === "Stopped" || instanceStatus === "Stopping") {
    return record(job.invokeId, instanceId, { status: "Aborted", exitCode: null, output: "", errorCode: "InstanceNotRunning" });
  }
  const startedAt = now();
  await update(job.invokeId, instanceId, { status: "Running", startedAt });
  const entry: Live = { output: "", controller: new AbortController() };
  const key = keyOf(job.invokeId, instanceId);
  live.set(key, entry);
  const timer = setTimeout(() => entry.controller.abort("timeout"), job.timeoutSeconds * 1000);
  timer.unref?.();
  let outcome: Outcome;
  try {
    const session = guest.openSession();
    const options = {
      signal: entry.controller.signal,
      onOutput: (chunk: string) => {
        entry.output += chunk;
      },
    };
    const cd = job.workingDir ? await session.run(`cd ${quote(job.workingDir, job.type)}`, options) : undefined;
    if (cd && cd.exitCode !== 0 && !cd.ended) {
      outcome = { status: "Failed", exitCode: cd.exitCode, output: entry.output, errorCode: "DirectoryNotExists" };
    } else {
      const scriptName = job.type === "RunShellScript" ? `/usr/local/share/aliyun-assist/work/script/${job.invokeId}.sh` : undefined;
      outcome = outcomeOf(await session.run(job.script, { ...options, scriptName }), entry.output, startedAt, job);
    }
    session.close();
  } catch (error) {
    if (error instanceof GuestNotRunningError) {
      outcome = { status: "Aborted", exitCode: null, output: entry.output, errorCode: "InstanceNotRunning" };
    } else if (error instanceof SessionClosedError) {
      outcome = { status: "Failed", exitCode: null, output: entry.output, errorCode: "InstanceRestarted" };
    } else {
      console.error(`Cloud Assistant ${job.invokeId} on ${instanceId}`, error);
      outcome = { status: "Error", exitCode: null, output: entry.output, errorCode: "ExecutionException" };
    }
  } finally {
    clearTimeout(timer);
    if (live.get(key) === entry) live.delete(key);
  }
  if (entry.controller.signal.reason === "reset") return;
  await record(job.invokeId, instanceId, outcome);
}

function outcomeOf(result: RunResult, output: string, startedAt: Date, job: InvocationJob): Outcome {
  if (result.ended === "aborted") {
    const finishedAt = new Date(startedAt.getTime() + job.timeoutSeconds * 1000);
    return { status: "Timeout", exitCode: result.exitCode, output, errorCode: "ExecutionTimeout", finishedAt };
  }
  if (result.ended === "terminated") return { status: "Failed", exitCode: result.exitCode, output, errorCode: "InstanceRestarted" };
  if (result.exitCode === 0) return { status: "Success", exitCode: 0, output };
  return { status: "Failed", exitCode: result.exitCode, output, errorCode: "ExitCodeNonzero" };
}

async function record(invokeId: string, instanceId: string, outcome: Outcome): Promise<void> {
  await update(invokeId, instanceId, {
    status: outcome.status,
    exitCode: outcome.exitCode,
    output: tailBytes(outcome.output, STORED_OUTPUT_LIMIT_BYTES).text,
    errorCode: outcome.errorCode ?? "",
    errorInfo: outcome.errorCode ? ERROR_INFO[outcome.errorCode] : "",
    finishedAt: outcome.finishedAt ?? now(),
  });
}

async function update(
  invokeId: string,
  instanceId: string,
  data: { status: string; startedAt?: Date; exitCode?: number | null; output?: string; errorCode?: string; errorInfo?: string; finishedAt?: Date },
): Promise<void> {
  // updateMany: a reset may have dropped the row meanwhile.
  await getRuntime().db.cloudInvocationResult.updateMany({ where: { invocationId: invokeId, instanceId }, data });
}

/** A working directory as one word: bash closes and reopens the quote, PowerShell doubles it. */
function quote(path: string, type: string): string {
  return type === "RunShellScript" ? `'${path.replace(/'/g, "'\\''")}'` : `'${path.replace(/'/g, "''")}'`;
}
