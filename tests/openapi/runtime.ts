import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { boot, shutdown } from "@/lib/boot";
import { readConfig } from "@/lib/config";

/** A booted runtime on a fresh data dir, with a root AccessKey the tests know. */
export const TEST_CREDENTIALS = {
  accessKeyId: "LTAItestOpenApi0000000001",
  accessKeySecret: "secretOpenApi0000000000000001",
};

export async function bootTestRuntime(): Promise<{ dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-openapi-"));
  const env = {
    DISKSEAL_DATA_DIR: dataDir,
    DISKSEAL_ROOT_KEY: Buffer.alloc(32, 7).toString("base64"),
    DISKSEAL_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    DISKSEAL_ACCESS_KEY_SECRET: TEST_CREDENTIALS.accessKeySecret,
  };
  await boot(readConfig(env as unknown as NodeJS.ProcessEnv));
  return { dataDir };
}

export async function shutdownTestRuntime(dataDir: string): Promise<void> {
  await shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
