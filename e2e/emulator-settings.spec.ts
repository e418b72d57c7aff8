import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");

const offset = (page: Page) => page.getByLabel("Offset from real time", { exact: true });

// One emulator clock for the whole file: advance, then reset.
test.describe.configure({ mode: "serial" });

test.describe("Settings › Emulator", () => {
  test("advances the clock by a day", async ({ page }) => {
    await page.goto("/cn-hangzhou/overview");
    await page
      .getByRole("navigation", { name: "Console navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    await expect(page).toHaveURL(/\/cn-hangzhou\/settings\/emulator$/);
    await expect(page.getByRole("heading", { level: 1, name: "Emulator" })).toBeVisible();
    await expect(offset(page)).toContainText("None (real time)");

    await page.getByRole("spinbutton", { name: "Amount" }).fill("1");
    await page.getByRole("combobox", { name: "Unit" }).selectOption("days");
    await page.getByRole("button", { name: "Advance clock" }).click();

    await expect(
      page.getByRole("status").filter({ hasText: "The clock moved forward by 1 day." }),
    ).toBeVisible();
    await expect(offset(page)).toContainText("1 day ahead");
    await expect(offset(page)).toContainText("OffsetSeconds: 86400");
    await page.screenshot({
      path: path.join(ARTIFACTS, "settings-emulator-en.png"),
      fullPage: true,
    });

    // The overview shows the same clock.
    await page.getByRole("link", { name: "Overview" }).click();
    await expect(offset(page)).toContainText("1 day ahead");
  });

  for (const { amount, unit, error } of [
    { amount: "0", unit: "seconds", error: "Enter a whole number of at least 1." },
    { amount: "1.5", unit: "hours", error: "Enter a whole number of at least 1." },
    { amount: "3661", unit: "days", error: "At most 3,660 days per step." },
  ]) {
    test(`refuses ${amount} ${unit}`, async ({ page }) => {
      await page.goto("/cn-hangzhou/settings/emulator");
      const amountField = page.getByRole("spinbutton", { name: "Amount" });
      await amountField.fill(amount);
      await page.getByRole("combobox", { name: "Unit" }).selectOption(unit);
      await page.getByRole("button", { name: "Advance clock" }).click();
      await expect(amountField).toHaveAccessibleDescription(error);
      await expect(amountField).toHaveAttribute("aria-invalid", "true");
      await expect(offset(page)).toContainText("1 day ahead");
    });
  }

  test("resets only after confirmation", async ({ page }) => {
    await page.goto("/cn-hangzhou/settings/emulator");
    await expect(offset(page)).toContainText("1 day ahead");

    await page.getByRole("button", { name: "Reset emulator" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset the emulator?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Every resource of every region");
    await expect(dialog).toContainText("RAM users");
    await expect(dialog).toContainText("The account ID");
    await expect(dialog).toContainText("The root AccessKey");
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-reset-dialog-en.png") });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(offset(page)).toContainText("1 day ahead");

    await page.getByRole("button", { name: "Reset emulator" }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Reset emulator" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole("status").filter({ hasText: "The emulator was reset." }),
    ).toBeVisible();
    await expect(offset(page)).toContainText("None (real time)");
    await expect(offset(page)).toContainText("OffsetSeconds: 0");
  });
});
