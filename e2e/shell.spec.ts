import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");

/** The value a description list shows for a label (each `dd` is labelled by its `dt`). */
const valueOf = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test.describe("console shell", () => {
  test("/ opens the overview of the default region with the account id", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/cn-hangzhou\/overview$/);
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(valueOf(page, "Account ID")).toHaveText(/^\d{16}$/);
    await expect(page.getByRole("group", { name: "Signed-in identity" })).toContainText(
      "Root account",
    );
    await expect(
      page
        .getByRole("navigation", { name: "Console navigation" })
        .getByRole("link", { name: "Overview" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(
      page
        .getByRole("navigation", { name: "Console navigation" })
        .getByRole("link", { name: "Audit" }),
    ).toHaveAttribute("href", "/cn-hangzhou/audit");
  });

  test("the generated root AccessKey is shown once, until it is acknowledged", async ({ page }) => {
    const saved = JSON.parse(
      fs.readFileSync(path.join(process.env.DISKSEAL_E2E_DATA_DIR!, "credentials.json"), "utf8"),
    );
    await page.goto("/cn-hangzhou/overview");
    const panel = page.getByRole("region", { name: "Save your root AccessKey now" });
    await expect(panel).toBeVisible();
    await expect(valueOf(page, "AccountId")).toHaveText(saved.AccountId);
    await expect(valueOf(page, "AccessKeyId")).toHaveText(saved.AccessKeyId);
    await expect(valueOf(page, "AccessKeySecret")).toHaveText(saved.AccessKeySecret);
    await expect(panel).toContainText(
      path.join(process.env.DISKSEAL_E2E_DATA_DIR!, "credentials.json"),
    );
    await expect(page.getByText(/Local demo setup/)).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, "overview-en.png"), fullPage: true });

    await panel.getByRole("button", { name: "I have saved it" }).click();
    await expect(panel).toBeHidden();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Save your root AccessKey now" })).toHaveCount(0);
    await expect(page.getByText(saved.AccessKeySecret)).toHaveCount(0);
  });

  test("the region selector opens the same page in another region and is remembered", async ({
    page,
  }) => {
    await page.goto("/cn-hangzhou/overview");
    const region = page.getByRole("combobox", { name: "Region" });
    await expect(valueOf(page, "Current region")).toHaveText("China (Hangzhou)");

    await region.selectOption({ label: "Singapore" });
    await expect(page).toHaveURL(/\/ap-southeast-1\/overview$/);
    await expect(valueOf(page, "Current region")).toHaveText("Singapore");
    await expect(valueOf(page, "Region ID")).toHaveText("ap-southeast-1");
    await expect(region).toHaveValue("ap-southeast-1");

    await page.goto("/");
    await expect(page).toHaveURL(/\/ap-southeast-1\/overview$/);

    await page.goto("/ap-southeast-1/settings/emulator");
    await page.getByRole("combobox", { name: "Region" }).selectOption({ label: "Japan (Tokyo)" });
    await expect(page).toHaveURL(/\/ap-northeast-1\/settings\/emulator$/);
    await expect(page.getByRole("heading", { level: 1, name: "Emulator" })).toBeVisible();
  });

  test("an unknown region or page is a not-found page", async ({ page }) => {
    const response = await page.goto("/xx-nowhere-1/overview");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    await page.goto("/cn-hangzhou/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the overview" }).click();
    await expect(page).toHaveURL(/\/cn-hangzhou\/overview$/);
  });

  test("the console speaks 繁體中文 when asked, and remembers it", async ({ page }) => {
    await page.goto("/cn-hangzhou/overview");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByRole("button", { name: "Language: English" }).click();
    await page.getByRole("menuitemradio", { name: "繁體中文" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "概覽" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    const nav = page.getByRole("navigation", { name: "控制台導覽" });
    await expect(nav.getByRole("link", { name: "概覽" })).toBeVisible();
    for (const label of ["執行個體", "雲端硬碟", "快照", "鏡像", "密鑰管理服務"])
      await expect(nav).toContainText(label);
    await expect(nav.getByRole("link", { name: "設定" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "地區" })).toContainText("華東1（杭州）");
    await expect(valueOf(page, "目前地區")).toHaveText("華東1（杭州）");
    await expect(page.getByRole("heading", { name: "產品目錄" })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "概覽" })).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, "overview-zh-TW.png"), fullPage: true });

    await nav.getByRole("link", { name: "設定" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "模擬器" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "推進時鐘" })).toBeVisible();
    await page.screenshot({
      path: path.join(ARTIFACTS, "settings-emulator-zh-TW.png"),
      fullPage: true,
    });

    await page.getByRole("button", { name: "語言: 繁體中文" }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Emulator" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
