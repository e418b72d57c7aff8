import { expect, test, type Page } from "@playwright/test";
import { api, REGION, screenshot, unique, ZONE } from "./instances-helpers";

/**
 * The Audit page: an encrypted disk created through the SDK shows as CreateDisk with the KMS
 * call it caused nested beneath it; the event's detail and its "caused by" link; the filters
 * (in the URL) narrow the list; paging goes older and back newer.
 */
const AUDIT = `/${REGION}/audit`;

/** A value of the event's detail card (the filter form has fields of the same names). */
const valueOf = (page: Page, label: string) =>
  page.getByRole("region", { name: /^Event / }).getByLabel(label, { exact: true });

async function filter(page: Page, values: Record<string, string>) {
  const form = page.getByRole("search", { name: "Filter events" });
  await form.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(new RegExp(`${AUDIT}$`));
  for (const [label, value] of Object.entries(values)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
  await form.getByRole("button", { name: "Apply" }).click();
}

test.describe("Audit", () => {
  test("CreateDisk shows the GenerateDataKeyWithoutPlaintext it caused; detail, caused-by, filters, paging", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const kms = api(baseURL!, "2016-01-20");
    const ecs = api(baseURL!, "2014-05-26");
    // The service key (no role to grant: the disks spec wants to see the role prompt).
    const { DiskId: diskId } = await ecs<{ DiskId: string }>("CreateDisk", {
      ZoneId: ZONE,
      DiskName: unique("audit-disk"),
      DiskCategory: "cloud_essd",
      Size: 20,
      Encrypted: "true",
    });
    const { Disks } = await ecs<{ Disks: { Disk: { KMSKeyId: string }[] } }>("DescribeDisks", {
      DiskIds: JSON.stringify([diskId]),
    });
    const keyId = Disks.Disk[0].KMSKeyId;

    // The disk's events: CreateDisk, and nested beneath it the KMS calls ECS made for it.
    await page.goto(AUDIT);
    await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
    await filter(page, { Resource: diskId });
    await expect(page).toHaveURL(new RegExp(`resource=${diskId}`));
    const group = page.getByRole("rowgroup", { name: new RegExp(`^CreateDisk .*disk/${diskId}$`) });
    await expect(group.getByRole("link", { name: "ecs:CreateDisk" })).toBeVisible();
    const caused = group.getByRole("row").filter({ hasText: "Caused by the event above:" });
    const generate = caused.filter({ hasText: "kms:GenerateDataKeyWithoutPlaintext" });
    await expect(generate).toHaveCount(1);
    await expect(generate).toContainText("ecs.aliyuncs.com");
    await expect(generate).toContainText("ECS service");
    await expect(generate.getByText("Success")).toBeVisible();
    await screenshot(page, "audit-disk.png");

    // The caused event in full, and back to its cause.
    await generate.getByRole("link", { name: "kms:GenerateDataKeyWithoutPlaintext" }).click();
    await expect(page.getByRole("heading", { name: "Event kms:GenerateDataKeyWithoutPlaintext" })).toBeVisible();
    await expect(valueOf(page, "Operator")).toHaveText("ecs.aliyuncs.com");
    await expect(valueOf(page, "KMS key")).toHaveText(keyId);
    await valueOf(page, "Caused by").getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Event ecs:CreateDisk" })).toBeVisible();
    await expect(page).toHaveURL(/\?event=/);
    await expect(valueOf(page, "Operator")).toHaveText(/^root@\d{16}$/);
    await expect(valueOf(page, "Source")).toHaveText("API");
    await expect(valueOf(page, "Source IP")).toHaveText("127.0.0.1");
    await expect(valueOf(page, "Request ID")).toHaveText(/^[0-9A-F-]{36}$/);
    await expect(valueOf(page, "Result")).toHaveText("Success");
    await expect(valueOf(page, "Caused")).toHaveText(/^\d+ events, listed below$/);
    await screenshot(page, "audit-event.png");

    // Filters narrow: the key's data-key calls, all by the ECS service and linked to CreateDisk.
    await filter(page, { "KMS key": keyId, Action: "GenerateDataKeyWithoutPlaintext", Operator: "ecs.aliyuncs.com" });
    await expect(page).toHaveURL(/principal=ecs\.aliyuncs\.com&action=GenerateDataKeyWithoutPlaintext&key=/);
    const rows = page.getByRole("rowgroup", { name: /^GenerateDataKeyWithoutPlaintext / });
    await expect(rows.first()).toBeVisible();
    await expect(page.getByRole("rowgroup", { name: /^(?!GenerateDataKeyWithoutPlaintext )/ }).filter({ has: page.getByRole("cell") })).toHaveCount(0);
    await expect(rows.filter({ hasNotText: "Caused by" })).toHaveCount(0);
    await expect(rows.getByRole("link", { name: "ecs:CreateDisk" }).first()).toBeVisible();

    // A refusal: found by Failed and by its code.
    await kms("DescribeKey", { KeyId: "key-doesnotexist0000000000" }).catch(() => undefined);
    await filter(page, { Action: "DescribeKey", Result: "Failed" });
    await expect(page.getByRole("rowgroup", { name: /^DescribeKey / }).first()).toContainText("Forbidden.KeyNotFound");
    await filter(page, { Action: "DescribeKey", Result: "Forbidden.KeyNotFound" });
    await expect(page.getByRole("rowgroup", { name: /^DescribeKey / }).first()).toContainText("Forbidden.KeyNotFound");
    await filter(page, { "KMS key": keyId, Result: "Forbidden.KeyNotFound" });
    await expect(page.getByText("No events match these filters.")).toBeVisible();

    // Paging: 25 Encrypt calls are a page of 20, then 5; Newer goes back.
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {
      Description: unique("e2e audit paging"),
    });
    for (let i = 0; i < 25; i++) await kms("Encrypt", { KeyId: KeyMetadata.KeyId, Plaintext: "aGVsbG8=" });
    await filter(page, { "KMS key": KeyMetadata.KeyId, Action: "Encrypt" });
    const events = page.getByRole("rowgroup", { name: /^Encrypt / });
    await expect(events).toHaveCount(20);
    const paging = page.getByRole("navigation", { name: "Pages of events" });
    await paging.getByRole("link", { name: "Older" }).click();
    await expect(events).toHaveCount(5);
    await expect(paging.getByRole("button", { name: "Older" })).toBeDisabled();
    await paging.getByRole("link", { name: "Newer" }).click();
    await expect(events).toHaveCount(20);
    await expect(paging.getByRole("button", { name: "Newer" })).toBeDisabled();
  });
});

test.describe("Audit in 繁體中文", () => {
  test("the trail, its filters and the key graph speak 繁體中文", async ({ page, context, baseURL }) => {
    const ecs = api(baseURL!, "2014-05-26");
    const { DiskId: diskId } = await ecs<{ DiskId: string }>("CreateDisk", {
      ZoneId: ZONE,
      DiskCategory: "cloud_essd",
      Size: 20,
      Encrypted: "true",
    });
    const { Disks } = await ecs<{ Disks: { Disk: { KMSKeyId: string }[] } }>("DescribeDisks", {
      DiskIds: JSON.stringify([diskId]),
    });
    const keyId = Disks.Disk[0].KMSKeyId;
    await context.addCookies([{ name: "diskseal-locale", value: "zh-TW", url: baseURL! }]);
    await page.goto(`${AUDIT}?resource=${diskId}`);
    await expect(page.getByRole("heading", { level: 1, name: "操作審計" })).toBeVisible();
    const form = page.getByRole("search", { name: "篩選事件" });
    await expect(form.getByLabel("資源", { exact: true })).toHaveValue(diskId);
    const group = page.getByRole("rowgroup", { name: new RegExp(`^CreateDisk .*disk/${diskId}$`) });
    await expect(group.getByRole("row").filter({ hasText: "由上方事件引起：" }).filter({ hasText: "kms:GenerateDataKeyWithoutPlaintext" })).toContainText("ECS 服務");
    await screenshot(page, "audit-zh-TW.png");
    await page.goto(`/${REGION}/kms/keys/${keyId}`);
    await expect(page.getByRole("group", { name: `${keyId} 保護的資源` }).getByRole("link", { name: new RegExp(`^雲端硬碟 ${diskId}`) })).toBeVisible();
    await expect(page.getByRole("heading", { name: "使用情形" })).toBeVisible();
  });
});
