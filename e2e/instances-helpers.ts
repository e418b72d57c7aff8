import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { PopCore } from "../tests/helpers/sdk";

/** What the instance specs share: the API with the root AccessKey, the terminal's controls. */
export const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");
export const REGION = "cn-hangzhou";
export const ZONE = "cn-hangzhou-h";
export const LINUX_IMAGE = "aliyun_3_x64_20G_alibase_20240819.vhd";
/** Boots take a few transitions plus the guest's own boot: generous, never a fixed sleep. */
export const BOOT_TIMEOUT = 60_000;

export const unique = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** One product of the endpoint through pop-core with the root AccessKey (credentials.json). */
export function api(baseURL: string, apiVersion: string, regionId = REGION) {
  // The slow-transitions emulator (playwright.config.ts) has a data dir of its own.
  const dataDir =
    baseURL === process.env.DISKSEAL_E2E_SLOW_BASE_URL
      ? process.env.DISKSEAL_E2E_SLOW_DATA_DIR!
      : process.env.DISKSEAL_E2E_DATA_DIR!;
  const saved = JSON.parse(fs.readFileSync(path.join(dataDir, "credentials.json"), "utf8"));
  const client = new PopCore({
    accessKeyId: saved.AccessKeyId,
    accessKeySecret: saved.AccessKeySecret,
    endpoint: baseURL,
    apiVersion,
  });
  return <T = Record<string, unknown>>(action: string, params: Record<string, unknown> = {}) =>
    client.request(action, { RegionId: regionId, ...params }, { method: "POST" }) as Promise<T>;
}

/** The value beside a label of a description list (`aria-labelledby` ties them). */
export const valueOf = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The remote terminal's accessible controls: the text mirror, and Command + Run. */
export function terminal(page: Page) {
  const log = page.getByRole("log", { name: "Terminal text" });
  const command = page.getByRole("textbox", { name: "Command", exact: true });
  const run = page.getByRole("button", { name: "Run", exact: true });
  return {
    log,
    /** Waits for the shell's prompt, as a user would before typing. */
    async waitForPrompt() {
      await expect(log).toContainText("]#", { timeout: BOOT_TIMEOUT });
    },
    async type(line: string) {
      await command.fill(line);
      await run.click();
      await expect(command).toHaveValue("");
    },
  };
}

/** A screenshot into e2e/.artifacts, from the page's top. */
export async function screenshot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage });
}
