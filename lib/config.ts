import path from "node:path";
import { z } from "zod";

/**
 * The environment variables of the contract (reference/emulator-contract.md), read once.
 * README.md lists the same set; keep both in step.
 */
const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DISKSEAL_DATA_DIR: z.string().min(1).default("./data"),
  DISKSEAL_ROOT_KEY: z.string().optional(),
  DISKSEAL_ACCOUNT_ID: z
    .string()
    .regex(/^[1-9]\d{15}$/, "DISKSEAL_ACCOUNT_ID must be 16 digits")
    .optional(),
  DISKSEAL_ACCESS_KEY_ID: z.string().min(1).optional(),
  DISKSEAL_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  DISKSEAL_TRANSITION_MS: z.coerce.number().int().min(0).max(600_000).default(1500),
  DISKSEAL_DEFAULT_REGION: z.string().min(1).default("cn-hangzhou"),
  DISKSEAL_CONSOLE_AUTH: z.enum(["auto-root", "required"]).optional(),
});

/**
 * How the console knows who is using it: `auto-root` opens it as the root account (a RAM user
 * may still sign in from the identity menu); `required` shows a sign-in page first.
 */
export type ConsoleAuthMode = "auto-root" | "required";

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  databaseFile: string;
  rootKeyBase64?: string;
  accountId?: string;
  rootAccessKey?: { id: string; secret: string };
  transitionMs: number;
  defaultRegionId: string;
  consoleAuth: ConsoleAuthMode;
};

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.DISKSEAL_ACCESS_KEY_ID) !== Boolean(e.DISKSEAL_ACCESS_KEY_SECRET)) {
    throw new Error("Set both DISKSEAL_ACCESS_KEY_ID and DISKSEAL_ACCESS_KEY_SECRET, or neither.");
  }
  const dataDir = path.resolve(e.DISKSEAL_DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databaseFile: path.join(dataDir, "diskseal.db"),
    rootKeyBase64: e.DISKSEAL_ROOT_KEY,
    accountId: e.DISKSEAL_ACCOUNT_ID,
    rootAccessKey: e.DISKSEAL_ACCESS_KEY_ID
      ? { id: e.DISKSEAL_ACCESS_KEY_ID, secret: e.DISKSEAL_ACCESS_KEY_SECRET! }
      : undefined,
    transitionMs: e.DISKSEAL_TRANSITION_MS,
    defaultRegionId: e.DISKSEAL_DEFAULT_REGION,
    consoleAuth: e.DISKSEAL_CONSOLE_AUTH ?? (isLoopback(e.HOST) ? "auto-root" : "required"),
  };
}

function emptyAsUnset(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}

/** Only a console nobody else can reach may open as root without signing in. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
