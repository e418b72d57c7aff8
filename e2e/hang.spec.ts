import { expect, test, type Page } from "@playwright/test";
import {
  BOOT_TIMEOUT,
  LINUX_IMAGE,
  REGION,
  ZONE,
  api,
  screenshot,
  terminal,
  unique,
  valueOf,
} from "./instances-helpers";

/** KMS › Keys: Disable (through its confirmation) or Enable the key; returns the dialog text. */
async function setKeyState(
  page: Page,
  keyId: string,
  action: "Disable" | "Enable",
  diskId: string,
) {
  await page.goto(`/${REGION}/kms/keys`);
  const row = page.getByRole("row").filter({ hasText: keyId });
  await row.getByRole("button", { name: action }).click();
  if (action === "Disable") {
    const dialog = page.getByRole("dialog", { name: "Disable key" });
    // The key association check lists the disk that uses it.
    await expect(dialog).toContainText(diskId);
    await dialog.getByRole("button", { name: "Disable" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(
    row.getByRole("cell", { name: action === "Disable" ? "Disabled" : "Enabled", exact: true }),
  ).toBeVisible();
}

test.describe("The hang journey", () => {
  test("disable the key → reboot → black screen → enable → the instance recovers, file intact", async ({
    page,
    baseURL,
    context,
  }) => {
    test.setTimeout(180_000);
    const kms = api(baseURL!, "2016-01-20");
    const ecs = api(baseURL!, "2014-05-26");
    const diskseal = api(baseURL!, "2026-11-28");
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {
      Description: unique("e2e hang cmk"),
    });
    const keyId = KeyMetadata.KeyId;
    await diskseal("GrantEcsDiskEncryptRole");
    const { InstanceIdSets } = await ecs<{ InstanceIdSets: { InstanceIdSet: string[] } }>(
      "RunInstances",
      {
        ZoneId: ZONE,
        InstanceType: "ecs.g7.large",
        ImageId: LINUX_IMAGE,
        InstanceName: unique("e2e-hang"),
        "SystemDisk.Category": "cloud_essd",
        "DataDisk.1.Category": "cloud_essd",
        "DataDisk.1.Size": 20,
        "DataDisk.1.Encrypted": "true",
        "DataDisk.1.KMSKeyId": keyId,
      },
    );
    const instanceId = InstanceIdSets.InstanceIdSet[0];
    const { Disks } = await ecs<{ Disks: { Disk: { DiskId: string; Type: string }[] } }>(
      "DescribeDisks",
      { InstanceId: instanceId, DiskType: "data" },
    );
    const diskId = Disks.Disk[0].DiskId;

    // A file on the CMK-encrypted data disk, written in the terminal.
    await page.goto(`/${REGION}/instances/${instanceId}`);
    await expect(valueOf(page, "Status")).toHaveText("Running", { timeout: BOOT_TIMEOUT });
    const term = terminal(page);
    await term.waitForPrompt();
    await term.type(
      "mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo hello-diskseal > /data/hello.txt && sync",
    );
    await term.type("cat /data/hello.txt");
    await expect(term.log).toContainText(/cat \/data\/hello\.txt\n+hello-diskseal/, {
      timeout: 30_000,
    });

    // Disable the key on the dashboard: the running instance keeps its data key.
    await setKeyState(page, keyId, "Disable", diskId);
    await page.goto(`/${REGION}/instances/${instanceId}`);
    await term.waitForPrompt();
    await term.type("ls /data");
    await expect(term.log).toContainText(/\nhello\.txt/);

    // An in-guest reboot asks KMS again: refused, so the boot hangs on I/O.
    await term.type("reboot");
    const hang = page.getByRole("alert").filter({ hasText: "I/O is waiting for the data key" });
    await expect(hang).toContainText(diskId, { timeout: BOOT_TIMEOUT });
    await expect(hang).toContainText(`KMS key ${keyId} is Disabled`);
    await expect(page.getByRole("img", { name: /Black screen/ })).toBeVisible();
    await expect(valueOf(page, "Status")).toHaveText("Running");
    await screenshot(page, "instances-hung-en.png");

    // Restart through the API needs the key: refused at once.
    await page.getByRole("button", { name: "Restart", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Restart instance" });
    await dialog.getByRole("button", { name: "Restart", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      "InvalidParameter.KMSKeyId.CMKNotEnabled",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Enable the key: the instance recovers by itself; the file is intact.
    await setKeyState(page, keyId, "Enable", diskId);
    await page.goto(`/${REGION}/instances/${instanceId}`);
    await expect(hang).toHaveCount(0, { timeout: BOOT_TIMEOUT });
    await term.waitForPrompt();
    await term.type("mkdir -p /data && mount /dev/vdb /data && cat /data/hello.txt");
    await expect(term.log).toContainText(/\nhello-diskseal/, { timeout: 30_000 });
    await screenshot(page, "instances-recovered-en.png");

    // The same page in 繁體中文.
    await context.addCookies([{ name: "diskseal-locale", value: "zh-TW", url: baseURL! }]);
    await page.goto(`/${REGION}/instances/${instanceId}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 2, name: "遠端終端" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "雲端硬碟" })).toBeVisible();
    await expect(valueOf(page, "狀態")).toHaveText("運行中");
    await screenshot(page, "instances-detail-zh-TW.png");
  });
});
