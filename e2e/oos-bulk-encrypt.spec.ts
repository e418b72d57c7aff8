import { expect, test } from "@playwright/test";
import { api, BOOT_TIMEOUT, LINUX_IMAGE, REGION, screenshot, unique, ZONE } from "./instances-helpers";

/**
 * OOS › Bulk encrypt system disks: two unencrypted instances and one already encrypted are
 * picked by id, previewed (two will restart, one is skipped, a non-ESSD one is flagged), run;
 * the execution page's progress bars fill while it runs and end at 100% with Success.
 */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = BOOT_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runningInstances(baseURL: string, params: Record<string, unknown>): Promise<string[]> {
  const ecs = api(baseURL, "2014-05-26");
  const { InstanceIdSets } = await ecs<{ InstanceIdSets: { InstanceIdSet: string[] } }>("RunInstances", {
    ZoneId: ZONE,
    InstanceType: "ecs.g7.large",
    ImageId: LINUX_IMAGE,
    InstanceName: unique("e2e-oos"),
    ...params,
  });
  const ids = InstanceIdSets.InstanceIdSet;
  await until(`${ids.join(",")} Running`, async () => {
    const { Instances } = await ecs<{ Instances: { Instance: { Status: string }[] } }>("DescribeInstances", { InstanceIds: JSON.stringify(ids) });
    return Instances.Instance.every((i) => i.Status === "Running") ? true : undefined;
  });
  return ids;
}

test("bulk encrypts system disks from the console and shows the progress to the end", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const plain = await runningInstances(baseURL!, { Amount: 2, "SystemDisk.Category": "cloud_essd" });
  const [encrypted] = await runningInstances(baseURL!, { "SystemDisk.Category": "cloud_essd", "SystemDisk.Encrypted": "true" });
  const [efficiency] = await runningInstances(baseURL!, { "SystemDisk.Category": "cloud_efficiency" });

  await page.goto(`/${REGION}/oos`);
  await expect(page.getByRole("heading", { level: 1, name: "Bulk encrypt system disks" })).toBeVisible();
  await page.getByRole("link", { name: "Bulk encrypt system disks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create execution" })).toBeVisible();
  await expect(page.getByText("the instance is restarted", { exact: false })).toBeVisible();
  await expect(page.getByLabel("KMS key used to encrypt the image")).toHaveValue("");

  await page.getByLabel("Instance IDs", { exact: true }).fill([...plain, encrypted, efficiency].join("\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("table", { name: "Instances the execution selects" });
  for (const id of plain) await expect(preview.getByRole("row", { name: new RegExp(id) })).toContainText("Will be encrypted and restarted");
  await expect(preview.getByRole("row", { name: new RegExp(encrypted) })).toContainText("Already encrypted: skipped");
  await expect(preview.getByRole("row", { name: new RegExp(efficiency) })).toContainText("the system disk is not an ESSD");
  await expect(page.getByText("2 will restart · 1 already encrypted · 1 cannot be encrypted")).toBeVisible();
  await screenshot(page, "oos-preview.png");

  // Run without the instance that cannot be encrypted.
  await page.getByLabel("Instance IDs", { exact: true }).fill([...plain, encrypted].join(", "));
  await page.getByLabel("Concurrency").fill("2");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page).toHaveURL(/\/oos\/executions\/exec-/);
  await expect(page.getByRole("heading", { level: 1, name: /^Execution exec-/ })).toBeVisible();

  const overall = page.getByRole("progressbar", { name: /^Overall:/ });
  await expect(overall).toBeVisible();
  // While it runs, rows show their current step.
  await expect(page.getByRole("table", { name: "One task per instance" }).getByRole("row")).toHaveCount(4);
  await expect(overall).toHaveAttribute("aria-valuenow", "100", { timeout: 120_000 });
  await expect(page.getByText("Success", { exact: true }).first()).toBeVisible();
  for (const id of [...plain, encrypted]) {
    await expect(page.getByRole("progressbar", { name: `${id}: 100%` })).toHaveAttribute("aria-valuenow", "100");
  }
  const tasks = page.getByRole("table", { name: "One task per instance" });
  await expect(tasks.getByRole("row", { name: new RegExp(encrypted) })).toContainText("Skipped");
  await expect(page.getByText([...plain, encrypted].join(", "))).toBeVisible();
  await screenshot(page, "oos-execution.png");

  // The system disks are encrypted (the API agrees with the page), and the history lists the run.
  const ecs = api(baseURL!, "2014-05-26");
  const { Disks } = await ecs<{ Disks: { Disk: { InstanceId: string; Encrypted: boolean; Type: string }[] } }>("DescribeDisks", { DiskType: "system", MaxResults: 100 });
  for (const id of plain) expect(Disks.Disk.find((d) => d.InstanceId === id)?.Encrypted).toBe(true);
  await page.getByRole("link", { name: "Bulk encrypt system disks" }).first().click();
  const history = page.getByRole("table", { name: /Executions of ACS-ECS-BulkyEncryptSystemDisk/ });
  await expect(history.getByRole("row").nth(1)).toContainText("Success");
  await expect(history.getByRole("row").nth(1)).toContainText("2 succeeded · 1 skipped · 0 failed of 3");
});
