import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");
// A region of its own: while it is on, no spec may create an unencrypted disk here.
const REGION = "cn-shanghai";
const SETTINGS = `/${REGION}/settings/encryption`;

/** A screenshot into e2e/.artifacts; a full page from its top (the shell's header is sticky). */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: options.fullPage });
}

test.describe("Settings › Encryption by default", () => {
  test("enable in a region → Create disk shows Encrypted locked → disable", async ({ page }) => {
    await page.goto(SETTINGS);
    await expect(
      page.getByRole("heading", { level: 1, name: "Encryption by default" }),
    ).toBeVisible();
    const setting = page.getByRole("region", { name: "China (Shanghai)" });
    await expect(setting.getByLabel("Status", { exact: true })).toHaveText("Disabled");
    const regions = page.getByRole("table", { name: "Encryption by default by region" });
    const row = regions.getByRole("row").filter({ hasText: REGION });
    await expect(row).toContainText("Disabled");
    await expect(regions.getByRole("row").filter({ hasText: "cn-nanjing" })).toContainText(
      "Not supported",
    );

    await setting.getByRole("button", { name: "Enable encryption by default" }).click();
    await expect(setting.getByLabel("Status", { exact: true })).toHaveText("Enabled");
    await expect(setting.getByLabel("Default key", { exact: true }).first()).toHaveText(
      "Service key (alias/acs/ecs)",
    );
    await expect(row).toContainText("Enabled");
    await screenshot(page, "settings-encryption-en.png", { fullPage: true });

    // The Create disk page: ticked, locked, with the default key, and why.
    await page.goto(`/${REGION}/disks/create`);
    const encrypted = page.getByRole("checkbox", { name: "Encrypted" });
    await expect(encrypted).toBeChecked();
    await expect(encrypted).toBeDisabled();
    await expect(page.getByRole("combobox", { name: "KMS key" })).toHaveValue("alias/acs/ecs");
    const why = page.getByRole("alert").filter({ hasText: "Encryption by default is on in" });
    await expect(why).toContainText("Unencrypted disks cannot be created.");
    await expect(encrypted).toHaveAccessibleDescription(/Encryption by default is on/);
    await screenshot(page, "disks-create-encryption-by-default-en.png", { fullPage: true });

    // A category that cannot be encrypted cannot be created here at all.
    await page
      .getByRole("combobox", { name: "Disk category" })
      .selectOption({ label: "Elastic Ephemeral Disk (Premium)" });
    await expect(
      page.getByRole("alert").filter({ hasText: "every new disk must be encrypted" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Create", exact: true })).toBeDisabled();

    await why.getByRole("link", { name: "Settings › Encryption by default" }).click();
    await expect(page).toHaveURL(SETTINGS);
    await setting.getByRole("button", { name: "Disable encryption by default" }).click();
    await expect(setting.getByLabel("Status", { exact: true })).toHaveText("Disabled");

    await page.goto(`/${REGION}/disks/create`);
    await expect(encrypted).toBeEnabled();
    await expect(encrypted).not.toBeChecked();
  });

  test("a region without encrypted disks cannot turn it on", async ({ page }) => {
    await page.goto("/ap-northeast-2/settings/encryption");
    await expect(
      page.getByRole("alert").filter({
        hasText: "The current region does not support creating encrypted disks",
      }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Enable encryption by default" })).toHaveCount(0);
  });

  test("the settings page in 繁體中文", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "diskseal-locale", value: "zh-TW", url: baseURL! }]);
    await page.goto(SETTINGS);
    await expect(page.getByRole("heading", { level: 1, name: "預設加密" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "所有地區" })).toBeVisible();
    await expect(page.getByRole("button", { name: "開啟預設加密" })).toBeVisible();
    await screenshot(page, "settings-encryption-zh-TW.png", { fullPage: true });
  });
});
