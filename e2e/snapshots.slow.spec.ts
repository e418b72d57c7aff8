import { expect, test } from "@playwright/test";
import { REGION, screenshot, unique, valueOf } from "./instances-helpers";
import { seed } from "./snapshots-helpers";

/**
 * Against the emulator whose transitions take seconds (playwright.config.ts): what progress
 * looks like while it happens — a snapshot's bar, the wizard's steps mid-way.
 */
test.describe("Snapshots, as they progress", () => {
  test("Create snapshot from a disk: its page shows the progress bar, then Accomplished", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const api = seed(baseURL!);
    const diskId = await api.createDisk();
    const name = unique("snap");

    await page.goto(`/${REGION}/disks/${diskId}`);
    await page.getByRole("button", { name: "Create snapshot" }).click();
    const dialog = page.getByRole("dialog", { name: "Create snapshot" });
    await expect(dialog).toContainText("The disk is not encrypted, so neither is the snapshot.");
    await dialog.getByLabel("Snapshot name").fill(name);
    await dialog.getByRole("button", { name: "Create" }).click();

    await expect(page).toHaveURL(/\/snapshots\/s-[a-z0-9]+$/);
    const snapshotId = page.url().split("/").pop()!;
    await expect(valueOf(page, "Status")).toHaveText("Progressing");
    const bar = page.getByRole("progressbar", { name: "Progress" });
    await expect(bar).toBeVisible();
    // The bar moves while it progresses (the page polls and reads itself again).
    await expect
      .poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, "snapshot-detail-progress-en.png");
    await page.goto(`/${REGION}/snapshots`);
    const row = page.getByRole("row", { name: new RegExp(snapshotId) });
    await expect(row.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    await screenshot(page, "snapshots-list-progress-en.png");

    await expect(row).toContainText("Accomplished", { timeout: 20_000 });
    await expect(row.getByRole("progressbar")).toHaveCount(0);
    await expect(row).toContainText(diskId);
    await expect(row).toContainText("Not encrypted");
    await screenshot(page, "snapshots-list-en.png");
    await page.goto(`/${REGION}/snapshots/${snapshotId}`);
    await expect(valueOf(page, "Status")).toHaveText("Accomplished");
    await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
  });

  test("Encrypt this disk, mid-way: the running step shows its progress", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const api = seed(baseURL!);
    const diskId = await api.createDisk();

    await page.goto(`/${REGION}/disks/${diskId}`);
    await page.getByRole("link", { name: "Encrypt this disk" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Encrypt ${diskId}` })).toBeVisible();
    await page.getByRole("button", { name: "Start encryption" }).click();
    const steps = page.getByRole("list", { name: "Steps" });
    await expect(
      steps.getByRole("listitem", { name: `1. Create a snapshot of ${diskId}: In progress` }),
    ).toBeVisible();
    await expect(steps.getByRole("progressbar")).toBeVisible();
    await screenshot(page, "encrypt-wizard-midway-en.png");
    await expect(page.getByRole("status").filter({ hasText: "holds the data of" })).toBeVisible({
      timeout: 60_000,
    });
    await screenshot(page, "encrypt-wizard-done-unattached-en.png");
  });
});
