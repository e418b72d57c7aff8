import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * The console's journeys in Chromium against one DiskSeal started by `npm start` (which builds
 * first when the sources changed). Every spec shares that one emulator, so they run one at a
 * time; each starts from a data dir made fresh for this run. `*.slow.spec.ts` run against a
 * second one whose transitions take seconds, so progress can be seen.
 */
const PORT = Number(process.env.DISKSEAL_E2E_PORT ?? 3107);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/**
 * A second emulator whose asynchronous transitions take seconds, for the specs that show
 * progress as it happens (`*.slow.spec.ts`: snapshot progress bars, the wizard mid-way).
 */
const SLOW_PORT = PORT + 100;
const SLOW_BASE_URL = `http://127.0.0.1:${SLOW_PORT}`;
const SLOW_TRANSITION_MS = "4000";

// Playwright loads this file again in each worker: the data dir is made once, in the runner,
// and handed down through the environment.
process.env.DISKSEAL_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-e2e-"));
process.env.DISKSEAL_E2E_SLOW_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-e2e-slow-"));
process.env.DISKSEAL_E2E_SLOW_BASE_URL = SLOW_BASE_URL;

/** Debian's Chromium where there is one (this machine, CI); Playwright's own browser elsewhere. */
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    locale: "en-US",
    timezoneId: "UTC",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /\.slow\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1360, height: 900 } },
    },
    {
      name: "slow-transitions",
      testMatch: /\.slow\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1360, height: 900 },
        baseURL: SLOW_BASE_URL,
      },
    },
  ],
  // Started one after the other: the first builds when sources changed, the second reuses it.
  webServer: [
    {
      command: "npm start",
      url: `${BASE_URL}/_diskseal/health`,
      reuseExistingServer: false,
      // The first start builds the console (about a minute on two cores).
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        HOST: "127.0.0.1",
        PORT: String(PORT),
        DISKSEAL_DATA_DIR: process.env.DISKSEAL_E2E_DATA_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        DISKSEAL_TRANSITION_MS: "100",
      },
    },
    {
      command: "npm start -- --no-build",
      url: `${SLOW_BASE_URL}/_diskseal/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        HOST: "127.0.0.1",
        PORT: String(SLOW_PORT),
        DISKSEAL_DATA_DIR: process.env.DISKSEAL_E2E_SLOW_DATA_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        DISKSEAL_TRANSITION_MS: SLOW_TRANSITION_MS,
      },
    },
  ],
});
