import { expect, test } from "@playwright/test";
import { BOOT_TIMEOUT, LINUX_IMAGE, REGION, ZONE, screenshot, unique } from "./instances-helpers";
import { seed } from "./snapshots-helpers";

type Image = { ImageId: string; Status: string };

test.describe("Images and Replace system disk", () => {
  test("create an image of an instance, copy it with encryption, replace a system disk with it", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const api = seed(baseURL!);
    const { InstanceIdSets } = await api.ecs<{ InstanceIdSets: { InstanceIdSet: string[] } }>(
      "RunInstances",
      {
        ZoneId: ZONE,
        InstanceType: "ecs.g7.large",
        ImageId: LINUX_IMAGE,
        InstanceName: unique("e2e-image"),
        "SystemDisk.Category": "cloud_essd",
      },
    );
    const instanceId = InstanceIdSets.InstanceIdSet[0];
    const instanceStatus = async () =>
      (
        await api.ecs<{ Instances: { Instance: { Status: string }[] } }>("DescribeInstances", {
          InstanceIds: JSON.stringify([instanceId]),
        })
      ).Instances.Instance[0].Status;
    await expect.poll(instanceStatus, { timeout: BOOT_TIMEOUT }).toBe("Running");
    const imageName = unique("img");

    // Images › Create image from the instance.
    await page.goto(`/${REGION}/images`);
    await page.getByRole("button", { name: "Create image" }).click();
    const create = page.getByRole("dialog", { name: "Create custom image" });
    await create.getByRole("combobox", { name: "Instance" }).selectOption(instanceId);
    await create.getByLabel("Image name").fill(imageName);
    await create.getByRole("button", { name: "Create" }).click();
    await expect(create).toBeHidden();
    const row = page.getByRole("row").filter({ hasText: imageName });
    await expect(row).toContainText("Available", { timeout: 30_000 });
    await expect(row).toContainText("Not encrypted");

    // Copy image › Copy and Encrypt, in the region, with the service key.
    await row.getByRole("button", { name: "Copy image" }).click();
    const copy = page.getByRole("dialog", { name: "Copy image" });
    await copy.getByRole("radio", { name: /Copy and Encrypt/ }).check();
    await expect(copy.getByRole("checkbox", { name: "Encrypted", exact: true })).toBeChecked();
    const copyName = unique("enc");
    await copy.getByLabel("Copy name").fill(copyName);
    await copy.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(copy.getByRole("status")).toContainText("is being made in");
    await copy.getByRole("button", { name: "Close" }).last().click();
    await expect(copy).toBeHidden();
    const encryptedRow = page.getByRole("row").filter({ hasText: copyName });
    await expect(encryptedRow).toContainText("Available", { timeout: 30_000 });
    await expect(encryptedRow).toContainText("Encrypted");
    await screenshot(page, "images-list-en.png");
    const { Images } = await api.ecs<{ Images: { Image: (Image & { ImageName: string })[] } }>(
      "DescribeImages",
      { ImageOwnerAlias: "self", ImageName: copyName },
    );
    const encryptedImageId = Images.Image[0].ImageId;

    // Instance › Replace system disk: needs Stopped; the encrypted image locks encryption on.
    await page.goto(`/${REGION}/instances/${instanceId}`);
    await page.getByRole("button", { name: "Replace system disk" }).click();
    let dialog = page.getByRole("dialog", { name: "Replace system disk" });
    await expect(dialog.getByRole("alert").filter({ hasText: "must be stopped" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Replace" })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await api.ecs("StopInstance", { InstanceId: instanceId });
    await expect.poll(instanceStatus, { timeout: 30_000 }).toBe("Stopped");
    await page.reload();
    await page.getByRole("button", { name: "Replace system disk" }).click();
    dialog = page.getByRole("dialog", { name: "Replace system disk" });
    await dialog.getByRole("combobox", { name: "Image" }).selectOption(encryptedImageId);
    const encrypted = dialog.getByRole("checkbox", { name: "Encrypted", exact: true });
    await expect(encrypted).toBeChecked();
    await expect(encrypted).toBeDisabled();
    await expect(dialog).toContainText("is released once the new one is in use");
    await screenshot(page, "instance-replace-system-disk-en.png", false);
    await dialog.getByRole("button", { name: "Replace" }).click();
    await expect(dialog.getByRole("status")).toContainText("New system disk d-");
    const { Disks } = await api.ecs<{ Disks: { Disk: { Encrypted: boolean }[] } }>(
      "DescribeDisks",
      { InstanceId: instanceId, DiskType: "system" },
    );
    expect(Disks.Disk[0].Encrypted).toBe(true);

    // Delete the unencrypted image.
    await page.goto(`/${REGION}/images`);
    await page
      .getByRole("row")
      .filter({ hasText: imageName })
      .getByRole("button", { name: "Delete" })
      .click();
    await page
      .getByRole("dialog", { name: "Delete image" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: imageName })).toHaveCount(0);
  });
});
