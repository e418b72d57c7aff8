import { expect, test } from "@playwright/test";
import { REGION, screenshot, unique, valueOf } from "./instances-helpers";
import { seed } from "./snapshots-helpers";

test.describe("Snapshots and disks from snapshots", () => {
  test("an encrypted disk from an unencrypted snapshot, with the rules as notices", async ({
    page,
    baseURL,
  }) => {
    const api = seed(baseURL!);
    const diskId = await api.createDisk({ Size: 30 });
    const snapshotId = await api.createSnapshot(diskId);

    // Snapshots › the row's Create disk opens Create disk with the snapshot preselected.
    await page.goto(`/${REGION}/snapshots?encrypted=false`);
    const row = page.getByRole("row", { name: new RegExp(snapshotId) });
    await expect(row).toContainText("Accomplished");
    await row.getByRole("link", { name: "Create disk" }).click();
    await expect(page).toHaveURL(new RegExp(`/disks/create\\?snapshotId=${snapshotId}`));
    await expect(page.getByLabel("Snapshot", { exact: true })).toHaveValue(snapshotId);
    // The console's 40 GiB is kept: at least the snapshot's 30.
    await expect(page.getByLabel("Size (GiB)")).toHaveValue("40");
    const encrypted = page.getByRole("checkbox", { name: "Encrypted" });
    await expect(encrypted).not.toBeChecked();

    await encrypted.check();
    await expect(page.getByText(`Snapshot ${snapshotId} is unencrypted`)).toBeVisible();
    await expect(page.getByRole("combobox", { name: "KMS key" })).toHaveValue("alias/acs/ecs");
    // Encrypting an unencrypted snapshot's disk: ESSD family only.
    await page.getByLabel("Disk category").selectOption("cloud_ssd");
    const essd = page.getByRole("alert").filter({ hasText: "only as an ESSD-family disk" });
    await expect(essd).toBeVisible();
    await expect(page.getByRole("button", { name: "Create", exact: true })).toBeDisabled();
    // At least the snapshot's size.
    await page.getByLabel("Disk category").selectOption("cloud_essd");
    await expect(essd).toHaveCount(0);
    await page.getByLabel("Size (GiB)").fill("25");
    await expect(page.getByRole("alert").filter({ hasText: "at least 30 GiB" })).toBeVisible();
    await screenshot(page, "create-disk-from-snapshot-notices-en.png");
    await page.getByLabel("Size (GiB)").fill("40");
    await page.getByRole("button", { name: "Create", exact: true }).click();

    await expect(page).toHaveURL(/\/disks\/d-[a-z0-9]+$/);
    const newDiskId = page.url().split("/").pop()!;
    const disk = await api.diskOf(newDiskId);
    expect(disk).toMatchObject({ Encrypted: true, SourceSnapshotId: snapshotId, Size: 40 });
  });

  test("an encrypted snapshot: its key preselected and locked on; a disabled key refused up front", async ({
    page,
    baseURL,
  }) => {
    const api = seed(baseURL!);
    const keyId = await api.createCmk();
    const diskId = await api.createDisk({ Encrypted: true, KMSKeyId: keyId });
    const snapshotId = await api.createSnapshot(diskId);

    await page.goto(`/${REGION}/disks/create?snapshotId=${snapshotId}`);
    const encrypted = page.getByRole("checkbox", { name: "Encrypted" });
    await expect(encrypted).toBeChecked();
    await expect(encrypted).toBeDisabled();
    await expect(page.getByRole("combobox", { name: "KMS key" })).toHaveValue(keyId);
    await expect(page.getByText(`Snapshot ${snapshotId} is encrypted`)).toBeVisible();
    await page.getByRole("combobox", { name: "KMS key" }).selectOption("alias/acs/ecs");
    await expect(page.getByText("the data is re-encrypted under a new data key")).toBeVisible();

    await api.kms("DisableKey", { KeyId: keyId });
    await page.reload();
    await expect(
      page.getByRole("alert").filter({ hasText: `key ${keyId} is Disabled` }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Create", exact: true })).toBeDisabled();
    await api.kms("EnableKey", { KeyId: keyId });

    // The key association check lists the snapshot.
    await page.goto(`/${REGION}/kms/keys/${keyId}`);
    await expect(page.getByRole("table", { name: `Resources that use ${keyId}` })).toContainText(
      snapshotId,
    );
  });

  test("Copy and Encrypt in the region, then Delete", async ({ page, baseURL }) => {
    const api = seed(baseURL!);
    const diskId = await api.createDisk();
    const snapshotId = await api.createSnapshot(diskId);
    const copyName = unique("copy");

    await page.goto(`/${REGION}/snapshots/${snapshotId}`);
    // A plain copy within the region is refused as the API does: said before anything is sent.
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    let dialog = page.getByRole("dialog", { name: "Copy snapshot" });
    await expect(dialog.getByRole("alert")).toContainText("A plain copy within the same region");
    await expect(dialog.getByRole("button", { name: "Copy", exact: true })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Copy and Encrypt" }).click();
    dialog = page.getByRole("dialog", { name: "Copy and Encrypt" });
    await expect(dialog.getByRole("checkbox", { name: "Encrypted" })).toBeChecked();
    await expect(dialog.getByLabel("KMS key")).toHaveValue("alias/acs/ecs");
    await dialog.getByLabel("Copy name").fill(copyName);
    await screenshot(page, "snapshot-copy-encrypt-dialog-en.png", false);
    await dialog.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(dialog.getByRole("status")).toContainText("is being made in");
    await dialog.getByRole("link", { name: "View copy" }).click();
    await expect(page).not.toHaveURL(new RegExp(snapshotId));
    const copyId = page.url().split("/").pop()!;
    expect(copyId).not.toBe(snapshotId);
    await expect(valueOf(page, "Name")).toHaveText(copyName);
    await expect(page.locator("#snapshot-encryption")).toContainText("Encrypted");
    await expect(valueOf(page, "Status")).toHaveText("Accomplished", { timeout: 20_000 });

    // Delete the original: its copy stays.
    await page.goto(`/${REGION}/snapshots/${snapshotId}`);
    await page.getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete snapshot" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${REGION}/snapshots$`));
    await expect(page.getByRole("row", { name: new RegExp(snapshotId) })).toHaveCount(0);
    await expect(page.getByRole("row", { name: new RegExp(copyId) })).toBeVisible();
  });

  test("繁體中文: the new pages", async ({ page, baseURL, context }) => {
    const api = seed(baseURL!);
    const diskId = await api.createDisk();
    await api.createSnapshot(diskId);
    await context.addCookies([{ name: "diskseal-locale", value: "zh-TW", url: baseURL! }]);

    await page.goto(`/${REGION}/snapshots`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 1, name: "快照" })).toBeVisible();
    await expect(
      page.getByRole("columnheader", { name: "來源雲端硬碟", exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("table").getByText("已完成").first()).toBeVisible();
    await screenshot(page, "snapshots-list-zh-TW.png");

    await page.goto(`/${REGION}/images`);
    await expect(page.getByRole("heading", { level: 1, name: "鏡像" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "自訂鏡像" })).toBeVisible();
    await page.getByRole("tab", { name: "公共鏡像" }).click();
    await expect(page).toHaveURL(/tab=public/);
    await expect(page.getByRole("cell", { name: /Alibaba Cloud Linux/ }).first()).toBeVisible();

    await page.goto(`/${REGION}/disks/${diskId}/encrypt`);
    await expect(page.getByRole("heading", { level: 1, name: `加密 ${diskId}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "開始加密" })).toBeVisible();
    await expect(
      page.getByRole("listitem", { name: `1. 建立 ${diskId} 的快照: 等待中` }),
    ).toBeVisible();
    await screenshot(page, "encrypt-wizard-zh-TW.png");
  });
});
