import { expect, test } from "@playwright/test";
import {
  BOOT_TIMEOUT,
  REGION,
  ZONE,
  screenshot,
  terminal,
  unique,
  valueOf,
} from "./instances-helpers";

test.describe("Instances", () => {
  test("create an instance with encrypted system and data disks, then initialize the data disk in the terminal", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const name = unique("e2e-vm");
    await page.goto(`/${REGION}/instances/create`);
    await expect(page.getByRole("heading", { level: 1, name: "Create instance" })).toBeVisible();
    await page.getByRole("combobox", { name: "Zone" }).selectOption(ZONE);
    await expect(page.getByRole("combobox", { name: "Instance type" })).toHaveValue("ecs.g7.large");
    await expect(page.getByRole("combobox", { name: "System disk category" })).toHaveValue(
      "cloud_essd",
    );

    // System disk: encrypted with the service key.
    await page.getByRole("checkbox", { name: "Encrypted", exact: true }).check();
    await expect(page.getByRole("combobox", { name: "KMS key", exact: true })).toHaveValue(
      "alias/acs/ecs",
    );
    await expect(
      page.getByRole("alert").filter({ hasText: "Encryption is irreversible" }),
    ).toBeVisible();
    // A restricted family is flagged once the system disk is encrypted.
    await page.getByRole("combobox", { name: "Instance type" }).selectOption("ecs.ebmg5.24xlarge");
    await expect(
      page.getByRole("alert").filter({ hasText: "cannot use an encrypted system disk" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Create instance" })).toBeDisabled();
    await page.getByRole("combobox", { name: "Instance type" }).selectOption("ecs.g7.large");

    // One encrypted data disk.
    await page.getByRole("button", { name: /Add data disk/ }).click();
    await page.getByRole("spinbutton", { name: "Data disk 1 size (GiB)" }).fill("20");
    await page.getByRole("checkbox", { name: "Encrypted (Data disk 1)" }).check();
    await expect(page.getByRole("combobox", { name: "KMS key (Data disk 1)" })).toHaveValue(
      "alias/acs/ecs",
    );
    await page.getByRole("textbox", { name: "Instance name" }).fill(name);
    await expect(page.getByRole("region", { name: "Price estimate" })).toContainText("Total");
    await screenshot(page, "instances-create-en.png");

    await page.getByRole("button", { name: "Create instance" }).click();
    const nextSteps = page.getByRole("status").filter({ hasText: "is being created" });
    await expect(nextSteps).toContainText("mkfs.ext4");
    await expect(nextSteps).toContainText("must be attached to the instance first");
    const link = nextSteps.getByRole("link", { name: /Go to instance i-/ });
    const instanceId = /(i-\S+)/.exec((await link.textContent()) ?? "")![1];
    await link.click();

    await expect(page.getByRole("heading", { level: 1, name: instanceId })).toBeVisible();
    await expect(valueOf(page, "Name")).toHaveText(name);
    await expect(valueOf(page, "Status")).toHaveText("Running", { timeout: BOOT_TIMEOUT });
    const disks = page.getByRole("table", { name: `Disks of ${instanceId}` });
    await expect(disks.getByRole("row").filter({ hasText: "/dev/xvda" })).toContainText(
      "Encrypted",
    );
    await expect(disks.getByRole("row").filter({ hasText: "/dev/xvdb" })).toContainText(
      "Encrypted",
    );

    const term = terminal(page);
    await term.waitForPrompt();
    await term.type("lsblk");
    await expect(term.log).toContainText("vdb");
    await term.type(
      "mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo hello-diskseal > /data/hello.txt && sync",
    );
    await term.type("cat /data/hello.txt");
    await expect(term.log).toContainText(/cat \/data\/hello\.txt\n+hello-diskseal/, {
      timeout: 30_000,
    });
    await screenshot(page, "instances-terminal-en.png");

    // The list shows it, Running, with its system disk encrypted.
    await page.goto(`/${REGION}/instances`);
    const row = page.getByRole("row").filter({ hasText: instanceId });
    await expect(row).toContainText("Running");
    await expect(row).toContainText("Encrypted");
    await expect(row).toContainText(name);
  });
});
