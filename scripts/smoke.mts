// From a clean checkout: `npm start` on a fresh data dir with nothing configured, then the
// console and a signed DescribeRegions (with the generated credentials.json) must answer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PopCore } from "../tests/helpers/sdk.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-smoke-"));
const port = 3000 + Math.floor(Math.random() * 900) + 100;
const base = `http://127.0.0.1:${port}`;
// Nothing configured: the start must generate the root key, the account and credentials.json.
const env: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port), DISKSEAL_DATA_DIR: dataDir };
for (const name of ["DISKSEAL_ROOT_KEY", "DISKSEAL_ACCESS_KEY_ID", "DISKSEAL_ACCESS_KEY_SECRET", "DISKSEAL_ACCOUNT_ID"]) delete env[name];

const server = spawn("npm", ["start"], { env, stdio: "inherit", detached: true });
const fail = (message: string): never => {
  console.error(`smoke: FAILED: ${message}`);
  process.kill(-server.pid!, "SIGTERM");
  process.exit(1);
};

const deadline = Date.now() + 300_000;
for (;;) {
  if (Date.now() > deadline) fail("the server did not answer /_diskseal/health within 300 s");
  const health = await fetch(`${base}/_diskseal/health`).catch(() => undefined);
  if (health?.ok) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const home = await fetch(`${base}/`, { redirect: "manual" });
const location = home.headers.get("location") ?? "";
if (home.status < 300 || home.status >= 400 || !location.includes("/overview")) fail(`GET / answered ${home.status} → ${location}`);
const credentials = JSON.parse(fs.readFileSync(path.join(dataDir, "credentials.json"), "utf8"));
const mode = fs.statSync(path.join(dataDir, "credentials.json")).mode & 0o777;
if (mode !== 0o600) fail(`credentials.json has mode ${mode.toString(8)}, not 600`);
const console_ = await fetch(new URL(location, base));
const page = await console_.text();
if (!console_.ok || !page.includes(credentials.AccountId)) fail(`the console overview (${console_.status}) does not show the account id`);

const client = new PopCore({ accessKeyId: credentials.AccessKeyId, accessKeySecret: credentials.AccessKeySecret, endpoint: base, apiVersion: "2014-05-26" });
const regions = (await client.request("DescribeRegions", {}, { method: "POST" })) as { Regions: { Region: { RegionId: string }[] } };
if (regions.Regions.Region.length !== 27) fail(`DescribeRegions listed ${regions.Regions.Region.length} regions`);

console.log(`smoke: ok — console at ${location}, DescribeRegions listed 27 regions, account ${credentials.AccountId}`);
process.kill(-server.pid!, "SIGTERM");
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
