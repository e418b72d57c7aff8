import { expect, test, type Page } from "@playwright/test";
import {
  BOOT_TIMEOUT,
  LINUX_IMAGE,
  REGION,
  ZONE,
  screenshot,
  terminal,
  unique,
  valueOf,
} from "./instances-helpers";
import { seed } from "./snapshots-helpers";

type Disk = { DiskId: string; Type: string; Encrypted: boolean; Status: string };

async function runInstance(baseURL: string, params: Record<string, unknown> = {}) {
  const { ecs } = seed(baseURL);
  const { InstanceIdSets } = await ecs<{ InstanceIdSets: { InstanceIdSet: string[] } }>(
    "RunInstances",
    {
      ZoneId: ZONE,
      InstanceType: "ecs.g7.large",
      ImageId: LINUX_IMAGE,
      InstanceName: unique("e2e-wizard"),
      "SystemDisk.Category": "cloud_essd",
      ...params,
    },
  );
  return InstanceIdSets.InstanceIdSet[0];
}

async function disksOf(baseURL: string, instanceId: string): Promise<Disk[]> {
  const { ecs } = seed(baseURL);
  const { Disks } = await ecs<{ Disks: { Disk: Disk[] } }>("DescribeDisks", {
    InstanceId: instanceId,
  });
  return Disks.Disk;
}

/** The instance's page, Running, with the terminal at its prompt. */
async function openTerminal(page: Page, instanceId: string) {
  await page.goto(`/${REGION}/instances/${instanceId}`);
  await expect(valueOf(page, "Status")).toHaveText("Running", { timeout: BOOT_TIMEOUT });
  const term = terminal(page);
  await term.waitForPrompt();
  return term;
}

const finished = (page: Page) => page.getByRole("status").filter({ hasText: "Encrypted" });

test.describe("Encrypt this disk", () => {
  test("a data disk: snapshot → encrypted disk → swapped in; the guest's file is there after", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const instanceId = await runInstance(baseURL!, {
      "DataDisk.1.Category": "cloud_essd",
      "DataDisk.1.Size": 20,
    });
    const dataDisk = (await disksOf(baseURL!, instanceId)).find((d) => d.Type === "data")!;
    expect(dataDisk.Encrypted).toBe(false);

    let term = await openTerminal(page, instanceId);
    await term.type(
      "mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo before-encryption > /data/kept.txt && sync && umount /data",
    );
    await term.type("echo written");
    await expect(term.log).toContainText(/echo written\n+written/, { timeout: 30_000 });

    await page.goto(`/${REGION}/disks`);
    await page
      .getByRole("row", { name: new RegExp(dataDisk.DiskId) })
      .getByRole("link", { name: "Encrypt this disk" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/disks/${dataDisk.DiskId}/encrypt$`));
    const swap = page.getByRole("checkbox", { name: /Swap the attachment/ });
    await expect(swap).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Encrypted", exact: true })).toBeChecked();
    await expect(page.getByRole("combobox", { name: "KMS key" })).toHaveValue("alias/acs/ecs");
    await page.getByRole("button", { name: "Start encryption" }).click();

    await expect(finished(page)).toContainText(`in place of ${dataDisk.DiskId}`, {
      timeout: 90_000,
    });
    const steps = page.getByRole("list", { name: "Steps" });
    await expect(steps.getByRole("listitem", { name: /: Done$/ })).toHaveCount(4);
    const made = page.getByRole("region", { name: "Made so far" });
    await expect(made.getByRole("link", { name: /^s-/ })).toBeVisible();
    await screenshot(page, "encrypt-wizard-data-done-en.png");

    // The instance now has the encrypted copy; the original is detached and kept.
    const now = await disksOf(baseURL!, instanceId);
    const swapped = now.find((d) => d.Type === "data")!;
    expect(swapped.DiskId).not.toBe(dataDisk.DiskId);
    expect(swapped.Encrypted).toBe(true);
    const original = await seed(baseURL!).diskOf(dataDisk.DiskId);
    expect(original).toMatchObject({ Status: "Available", Encrypted: false });

    term = await openTerminal(page, instanceId);
    await term.type("mkdir -p /data && mount /dev/vdb /data && cat /data/kept.txt");
    await expect(term.log).toContainText(/\nbefore-encryption/, { timeout: 30_000 });
  });

  test("a system disk: image → encrypted copy → replace (stopped, with consent) → start; the file is there after", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const instanceId = await runInstance(baseURL!);
    const systemDisk = (await disksOf(baseURL!, instanceId)).find((d) => d.Type === "system")!;

    let term = await openTerminal(page, instanceId);
    await term.type("echo on-the-system-disk > /root/kept.txt && sync && cat /root/kept.txt");
    await expect(term.log).toContainText(/\non-the-system-disk/, { timeout: 30_000 });

    await page.goto(`/${REGION}/disks/${systemDisk.DiskId}`);
    await page.getByRole("link", { name: "Encrypt this disk" }).click();
    await expect(page.getByText(`releases the current one (${systemDisk.DiskId})`)).toBeVisible();
    const start = page.getByRole("button", { name: "Start encryption" });
    // Stopping the instance needs consent.
    await expect(start).toBeDisabled();
    await page
      .getByRole("checkbox", { name: `Stop ${instanceId} to replace its system disk` })
      .check();
    await start.click();

    await expect(finished(page)).toContainText("now runs from the encrypted system disk", {
      timeout: 180_000,
    });
    const steps = page.getByRole("list", { name: "Steps" });
    await expect(steps.getByRole("listitem", { name: /: Done$/ })).toHaveCount(5);
    await screenshot(page, "encrypt-wizard-system-done-en.png");

    const now = (await disksOf(baseURL!, instanceId)).find((d) => d.Type === "system")!;
    expect(now.DiskId).not.toBe(systemDisk.DiskId);
    expect(now.Encrypted).toBe(true);

    term = await openTerminal(page, instanceId);
    await term.type("cat /root/kept.txt");
    await expect(term.log).toContainText(/cat \/root\/kept\.txt\n+on-the-system-disk/, {
      timeout: 30_000,
    });
  });

  test("a refused step stops the wizard, the original untouched, what was made listed", async ({
    page,
    baseURL,
  }) => {
    const api = seed(baseURL!);
    const keyId = await api.createCmk();
    const diskId = await api.createDisk();

    await page.goto(`/${REGION}/disks/${diskId}/encrypt`);
    await page.getByRole("combobox", { name: "KMS key" }).selectOption(keyId);
    // The key is disabled after the page was read: the encrypted disk cannot be made.
    await api.kms("DisableKey", { KeyId: keyId });
    await page.getByRole("button", { name: "Start encryption" }).click();

    const stop = page.getByRole("alert").filter({ hasText: "Stopped at:" });
    await expect(stop).toContainText("Create an encrypted ESSD disk from the snapshot");
    await expect(stop).toContainText(`Nothing was lost: ${diskId} is untouched.`);
    await expect(stop).toContainText("InvalidParameter.KMSKeyId.CMKNotEnabled");
    const made = page.getByRole("region", { name: "Made so far" });
    const snapshotLink = made.getByRole("link", { name: /^s-/ });
    await expect(snapshotLink).toBeVisible();
    await expect(page.getByRole("listitem", { name: /^1\. .*: Done$/ })).toBeVisible();
    await expect(page.getByRole("listitem", { name: /^2\. .*: Failed$/ })).toBeVisible();
    await screenshot(page, "encrypt-wizard-failed-en.png");
    expect(await api.diskOf(diskId)).toMatchObject({ Status: "Available", Encrypted: false });

    // Enabled again, Resume goes on from the snapshot already made.
    await api.kms("EnableKey", { KeyId: keyId });
    const snapshotId = (await snapshotLink.textContent())!;
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(finished(page)).toContainText("holds the data of", { timeout: 60_000 });
    await expect(made.getByRole("link", { name: /^s-/ })).toHaveText(snapshotId);
  });
});
