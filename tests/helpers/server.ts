import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EcsClient, KmsClient, PopCore, RamClient, sdkConfig } from "./sdk";

export type TestServer = {
  baseUrl: string;
  endpointHost: string;
  port: number;
  dataDir: string;
  accessKeyId: string;
  accessKeySecret: string;
  rootKey: string;
  ecs: InstanceType<typeof EcsClient>;
  /** The ECS SDK signing with V1 HMAC-SHA1 (`signatureAlgorithm: 'v2'`). */
  ecsV2: InstanceType<typeof EcsClient>;
  kms: InstanceType<typeof KmsClient>;
  ram: InstanceType<typeof RamClient>;
  /** A pop-core RPC client for any product: OOS and DiskSeal have no SDK of their own. */
  pop: (version: string, method?: "GET" | "POST") => { request: <T = Record<string, unknown>>(action: string, params?: Record<string, unknown>) => Promise<T> };
  /** Graceful stop (SIGTERM); `kill()` is `kill -9`. Both leave the data dir for a restart. */
  stop: () => Promise<void>;
  kill: () => Promise<void>;
  /** Starts the server again on the same data dir and keys (after stop or kill). */
  restart: () => Promise<TestServer>;
  output: () => string;
};

export type TestServerOptions = { env?: Record<string, string>; dataDir?: string; rootKey?: string };

const READY = /DiskSeal listening on http:\/\/([\d.]+):(\d+)/;

/**
 * Starts the real server (`scripts/start.mts`, the same path as `npm start`) on a fresh data dir.
 * It serves the existing build: `npm test` builds once before the integration tests.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-it-"));
  const accessKeyId = options.env?.DISKSEAL_ACCESS_KEY_ID ?? "LTAI" + randomBytes(10).toString("hex");
  const accessKeySecret = options.env?.DISKSEAL_ACCESS_KEY_SECRET ?? randomBytes(15).toString("hex");
  const rootKey = options.rootKey ?? randomBytes(32).toString("base64");
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: "0",
    DISKSEAL_DATA_DIR: dataDir,
    DISKSEAL_ROOT_KEY: rootKey,
    DISKSEAL_ACCESS_KEY_ID: accessKeyId,
    DISKSEAL_ACCESS_KEY_SECRET: accessKeySecret,
    DISKSEAL_TRANSITION_MS: "50",
    ...options.env,
  };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.mts", "--no-build"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 120 s:\n${output}`)), 120_000);
    child.stdout!.on("data", () => {
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[2]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });

  const endpointHost = `127.0.0.1:${port}`;
  const credentials = { endpointHost, accessKeyId, accessKeySecret };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: TestServer = {
    baseUrl: `http://${endpointHost}`,
    endpointHost,
    port,
    dataDir,
    accessKeyId,
    accessKeySecret,
    rootKey,
    ecs: new EcsClient(sdkConfig(credentials)),
    ecsV2: new EcsClient(sdkConfig(credentials, { signatureAlgorithm: "v2" })),
    kms: new KmsClient(sdkConfig(credentials)),
    ram: new RamClient(sdkConfig(credentials)),
    pop: (version, method = "POST") => {
      const client = new PopCore({ accessKeyId, accessKeySecret, endpoint: `http://${endpointHost}`, apiVersion: version });
      return {
        request: (action, params = {}) =>
          client.request(action, params, { method, formatParams: false, timeout: 30_000 }) as never,
      };
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    restart: () => startTestServer({ ...options, dataDir, rootKey, env: { ...options.env, DISKSEAL_ACCESS_KEY_ID: accessKeyId, DISKSEAL_ACCESS_KEY_SECRET: accessKeySecret } }),
    output: () => output,
  };
  return server;
}
