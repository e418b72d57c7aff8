import { expect, test } from "@playwright/test";
import { api, REGION, screenshot, unique, ZONE, LINUX_IMAGE } from "./instances-helpers";

/**
 * The pictures: a key's protection graph (key → disks, snapshots → instance) with links, its
 * use per hour from the audit trail, and the overview's encryption-by-region and billing charts.
 */
test.describe("Key graph and charts", () => {
  test("the key's graph, its use over time, and the overview's charts", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const kms = api(baseURL!, "2016-01-20");
    const ecs = api(baseURL!, "2014-05-26");
    const diskseal = api(baseURL!, "2026-11-28");
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {
      Description: unique("e2e graph"),
    });
    const keyId = KeyMetadata.KeyId;
    // The role ECS needs for a CMK (the disks spec, which shows its prompt, has run before).
    await diskseal("GrantEcsDiskEncryptRole");
    const { InstanceIdSets } = await ecs<{ InstanceIdSets: { InstanceIdSet: string[] } }>("RunInstances", {
      ZoneId: ZONE,
      InstanceType: "ecs.g7.large",
      ImageId: LINUX_IMAGE,
      InstanceName: unique("e2e-graph"),
      "SystemDisk.Category": "cloud_essd",
      "DataDisk.1.Category": "cloud_essd",
      "DataDisk.1.Size": 20,
      "DataDisk.1.Encrypted": "true",
      "DataDisk.1.KMSKeyId": keyId,
    });
    const instanceId = InstanceIdSets.InstanceIdSet[0];
    const { Disks } = await ecs<{ Disks: { Disk: { DiskId: string }[] } }>("DescribeDisks", {
      InstanceId: instanceId,
      DiskType: "data",
    });
    const diskId = Disks.Disk[0].DiskId;
    await expect
      .poll(async () => (await ecs<{ Instances: { Instance: { Status: string }[] } }>("DescribeInstances", { InstanceIds: JSON.stringify([instanceId]) })).Instances.Instance[0].Status, { timeout: 60_000 })
      .toBe("Running");
    const { SnapshotId: snapshotId } = await ecs<{ SnapshotId: string }>("CreateSnapshot", { DiskId: diskId });

    // The graph: key → disk → instance, key → snapshot; each resource a link to its page.
    await page.goto(`/${REGION}/kms/keys/${keyId}`);
    const graph = page.getByRole("group", { name: `What ${keyId} protects` });
    await expect(graph).toBeVisible();
    await expect(graph.getByRole("img", { name: `Key ${keyId}` })).toBeVisible();
    const disk = graph.getByRole("link", { name: new RegExp(`^Disk ${diskId}\\b`) });
    await expect(disk).toHaveAttribute("href", `/${REGION}/disks/${diskId}`);
    await expect(graph.getByRole("link", { name: new RegExp(`^Snapshot ${snapshotId}\\b`) })).toHaveAttribute("href", `/${REGION}/snapshots/${snapshotId}`);
    const instance = graph.getByRole("link", { name: new RegExp(`^Instance ${instanceId}\\b`) });
    await expect(instance).toHaveAttribute("href", `/${REGION}/instances/${instanceId}`);
    await expect(instance).toHaveAccessibleName(/Running$/);

    // The use per hour: ECS generated the data key and decrypted it at start.
    const usage = page.locator("#key-usage");
    await expect(usage.getByText(/^\d+ calls? in the last 24 hours\.$/)).toBeVisible();
    const total = Number(/^(\d+)/.exec((await usage.getByText(/in the last 24 hours\.$/).textContent()) ?? "")![1]);
    expect(total).toBeGreaterThanOrEqual(2);
    const table = usage.getByRole("table", { name: `Calls with ${keyId} per hour` });
    const lastHour = table.getByRole("row").last();
    await expect(lastHour.getByRole("cell").first()).not.toHaveText("0");
    // recharts drew a bar with a height.
    const bar = usage.locator(".recharts-bar-rectangle path").first();
    await expect(bar).toBeVisible();
    expect((await bar.boundingBox())!.height).toBeGreaterThan(0);
    await graph.scrollIntoViewIfNeeded();
    await screenshot(page, "key-graph.png");

    // Clicking a node opens the resource.
    await disk.click();
    await expect(page).toHaveURL(new RegExp(`/disks/${diskId}$`));

    // The overview: encrypted vs unencrypted disks per region, and the billing with encryption at 0.
    await page.goto(`/${REGION}/overview`);
    const encryption = page.locator("#overview-encryption");
    await expect(encryption.getByText(/^\d+ of \d+ disks are encrypted\.$/)).toBeVisible();
    const regionRow = encryption.getByRole("table", { name: "Encrypted and unencrypted disks per region" }).getByRole("row", { name: /China \(Hangzhou\)/ });
    await expect(regionRow).toBeAttached();
    await expect(encryption.locator(".recharts-bar-rectangle path").first()).toBeVisible();
    const billing = page.getByRole("table", { name: "Monthly cost of the current disks by category" });
    await expect(billing.getByRole("row", { name: /^ESSD/ }).first()).toBeVisible();
    const totalRow = billing.getByRole("row", { name: /^Total per month/ });
    await expect(totalRow.getByRole("cell").last()).toHaveText(/^CN¥0\.00$/);
    await screenshot(page, "overview-charts.png");
  });
});
