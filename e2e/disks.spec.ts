import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PopCore } from "../tests/helpers/sdk";

const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");
const REGION = "cn-hangzhou";
const ZONE = "cn-hangzhou-h";
const LINUX_IMAGE = "aliyun_3_x64_20G_alibase_20240819.vhd";
const IRREVERSIBLE =
  "Encryption is irreversible: once a disk is encrypted, it cannot be converted to an unencrypted disk.";
const NO_KEY_IN_MEMORY =
  "The data key is only in memory while the disk is attached to a running instance.";

/** Something unique to this run, so the specs' disks, keys and aliases never collide. */
const unique = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** One product of the endpoint through pop-core with the root AccessKey (credentials.json). */
function api(baseURL: string, apiVersion: string, regionId = REGION) {
  const saved = JSON.parse(
    fs.readFileSync(path.join(process.env.DISKSEAL_E2E_DATA_DIR!, "credentials.json"), "utf8"),
  );
  const client = new PopCore({
    accessKeyId: saved.AccessKeyId,
    accessKeySecret: saved.AccessKeySecret,
    endpoint: baseURL,
    apiVersion,
  });
  return <T = Record<string, unknown>>(action: string, params: Record<string, unknown> = {}) =>
    client.request(action, { RegionId: regionId, ...params }, { method: "POST" }) as Promise<T>;
}

const ecsApi = (baseURL: string) => api(baseURL, "2014-05-26");
const kmsApi = (baseURL: string) => api(baseURL, "2016-01-20");

/** Waits for what the probe answers (no fixed sleeps: the emulator's transitions are ~100 ms). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The value beside a label of a description list (`aria-labelledby` ties them). */
const valueOf = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The Create disk page, with its defaults checked. */
async function openCreatePage(page: Page, regionId = REGION) {
  await page.goto(`/${regionId}/disks/create`);
  await expect(page.getByRole("heading", { level: 1, name: "Create disk" })).toBeVisible();
  return {
    encrypted: page.getByRole("checkbox", { name: "Encrypted" }),
    key: page.getByRole("combobox", { name: "KMS key" }),
    category: page.getByRole("combobox", { name: "Disk category" }),
    size: page.getByRole("spinbutton", { name: "Size (GiB)" }),
    name: page.getByRole("textbox", { name: "Disk name" }),
    create: page.getByRole("button", { name: "Create", exact: true }),
  };
}

/** Submits the form and waits for the new disk's page; its id. */
async function submitAndOpenDisk(page: Page, create: ReturnType<Page["getByRole"]>) {
  await create.click();
  await expect(page).toHaveURL(new RegExp(`/${REGION}/disks/d-[a-z0-9]+$`));
  const diskId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: diskId })).toBeVisible();
  // Creating → Unattached by itself: the page polls.
  await expect(valueOf(page, "Status")).toHaveText("Unattached");
  return diskId;
}

/** A screenshot into e2e/.artifacts; a full page from its top (the shell's header is sticky). */
async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: options.fullPage });
}

test.describe("Disks", () => {
  // Runs first: it needs the account without AliyunECSDiskEncryptDefaultRole (a fresh data dir).
  test("create an encrypted disk with a customer master key through the role prompt", async ({
    page,
    baseURL,
  }) => {
    const kms = kmsApi(baseURL!);
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {
      Description: unique("e2e disk cmk"),
    });
    const keyId = KeyMetadata.KeyId;
    const aliasName = `alias/${unique("e2e-disk")}`;
    await kms("CreateAlias", { KeyId: keyId, AliasName: aliasName });

    const form = await openCreatePage(page);
    const diskName = unique("cmk-disk");
    await form.name.fill(diskName);
    await form.size.fill("64");
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("textbox", { name: "Tag 1 key" }).fill("team");
    await page.getByRole("textbox", { name: "Tag 1 value" }).fill("storage");
    await form.encrypted.check();
    await form.key.selectOption(keyId);
    const prompt = page.getByRole("alert").filter({ hasText: "Authorization required" });
    await expect(prompt).toContainText("AliyunECSDiskEncryptDefaultRole");
    await expect(form.create).toBeDisabled();

    await prompt.getByRole("button", { name: "Go to Authorize" }).click();
    const dialog = page.getByRole("dialog", { name: "Cloud Resource Access Authorization" });
    await expect(valueOf(page, "RAM role")).toHaveText("AliyunECSDiskEncryptDefaultRole");
    await expect(valueOf(page, "Trusted service")).toHaveText("ecs.aliyuncs.com");
    await expect(valueOf(page, "Policy")).toHaveText("AliyunECSDiskEncryptRolePolicy");
    await expect(dialog).toContainText("kms:GenerateDataKey*");
    await screenshot(page, "disks-authorize-dialog-en.png");
    await dialog.getByRole("button", { name: "Confirm Authorization Policy" }).click();
    await expect(dialog).toBeHidden();

    // Back on the form, exactly as it was.
    await expect(form.name).toHaveValue(diskName);
    await expect(form.size).toHaveValue("64");
    await expect(page.getByRole("textbox", { name: "Tag 1 value" })).toHaveValue("storage");
    await expect(form.encrypted).toBeChecked();
    await expect(form.key).toHaveValue(keyId);
    await expect(prompt).toHaveCount(0);
    await expect(form.create).toBeEnabled();

    const diskId = await submitAndOpenDisk(page, form.create);
    const encryption = page.getByRole("region", { name: "Encryption" });
    await expect(encryption.getByRole("link", { name: keyId })).toHaveAttribute(
      "href",
      `/${REGION}/kms/keys/${keyId}`,
    );
    await expect(valueOf(page, "Alias")).toHaveText(aliasName);
    await expect(valueOf(page, "Key type")).toHaveText("Customer master key");
    await expect(page.getByRole("region", { name: "Tags" })).toContainText("team: storage");
    await screenshot(page, "disks-detail-cmk-en.png", { fullPage: true });

    // On first use ECS tagged the key.
    const { Tags } = await kms<{ Tags: { Tag: { TagKey: string; TagValue: string }[] } }>(
      "ListResourceTags",
      { KeyId: keyId },
    );
    expect(Tags.Tag).toContainEqual(
      expect.objectContaining({ TagKey: "acs:ecs:disk-encryption", TagValue: "true" }),
    );

    // The list: its key's alias, and the KMS key filter in the URL.
    await page.goto(`/${REGION}/disks`);
    await page.getByRole("combobox", { name: "KMS key" }).selectOption(keyId);
    await expect(page).toHaveURL(new RegExp(`key=${keyId}`));
    const row = page.getByRole("row").filter({ hasText: diskId });
    await expect(row).toContainText(aliasName);
    await expect(page.getByRole("row")).toHaveCount(2);
  });

  test("create an encrypted disk with the service key", async ({ page, baseURL }) => {
    const form = await openCreatePage(page);
    await expect(form.category).toHaveValue("cloud_essd");
    await expect(page.getByRole("combobox", { name: "Performance level" })).toHaveValue("PL1");
    await expect(form.size).toHaveAccessibleDescription("20 to 65,536 GiB for this category.");
    await expect(form.encrypted).not.toBeChecked();
    await expect(form.key).toHaveCount(0);

    await form.encrypted.check();
    await expect(form.key).toHaveValue("alias/acs/ecs");
    await expect(form.key.getByRole("option", { selected: true })).toHaveText(
      "Service key (alias/acs/ecs)",
    );
    await expect(page.getByRole("alert").filter({ hasText: IRREVERSIBLE })).toBeVisible();
    const price = page.getByRole("region", { name: "Price estimate" });
    await expect(price.getByLabel("Encryption", { exact: true })).toHaveText("CN¥0.00 / month");
    await expect(price.getByLabel("KMS key", { exact: true })).toHaveText("CN¥0.00 / month");
    await expect(price).toContainText("Disk encryption is free of charge");

    // The size is checked against the category before anything is sent.
    await page.getByRole("combobox", { name: "Performance level" }).selectOption("PL2");
    await form.create.click();
    await expect(form.size).toHaveAttribute("aria-invalid", "true");
    await expect(form.size).toHaveAccessibleDescription(/from 461 to 65,536/);
    await page.getByRole("combobox", { name: "Performance level" }).selectOption("PL1");
    await form.name.fill(unique("service-key-disk"));
    await screenshot(page, "disks-create-en.png", { fullPage: true });

    const diskId = await submitAndOpenDisk(page, form.create);
    const { KeyMetadata } = await kmsApi(baseURL!)<{ KeyMetadata: { KeyId: string } }>(
      "DescribeKey",
      { KeyId: "alias/acs/ecs" },
    );
    const encryption = page.getByRole("region", { name: "Encryption" });
    await expect(encryption.getByText("Encrypted", { exact: true })).toBeVisible();
    await expect(valueOf(page, "KMS key ID")).toHaveText(KeyMetadata.KeyId);
    await expect(valueOf(page, "Alias")).toHaveText("alias/acs/ecs");
    await expect(valueOf(page, "Key type")).toHaveText("Service key");
    await expect(valueOf(page, "Encryption context")).toHaveText(`{"acs:ecs:disk":"${diskId}"}`);
    await screenshot(page, "disks-detail-en.png", { fullPage: true });

    // In the list: Encrypted with the service key's alias; the Encryption filter in the URL.
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "Disks" })
      .click();
    const row = page.getByRole("row").filter({ hasText: diskId });
    await expect(row).toContainText("Encrypted");
    await expect(row).toContainText("alias/acs/ecs");
    await expect(row).toContainText("Unattached");
    await screenshot(page, "disks-list-en.png", { fullPage: true });
    await page.getByRole("combobox", { name: "Encryption" }).selectOption("false");
    await expect(page).toHaveURL(/encrypted=false/);
    await expect(row).toHaveCount(0);
    await page.getByRole("combobox", { name: "Encryption" }).selectOption("true");
    await expect(page).toHaveURL(/encrypted=true/);
    await expect(row).toBeVisible();
  });

  test("a new disk shows Creating, then Unattached without a reload", async ({ page }) => {
    const form = await openCreatePage(page);
    await form.name.fill(unique("plain-disk"));
    await form.create.click();
    await expect(page).toHaveURL(/\/disks\/d-/);
    await expect(valueOf(page, "Status")).toHaveText("Unattached");
    await expect(page.getByRole("region", { name: "Encryption" })).toContainText("Not encrypted");

    // Nothing to decrypt: the guest's view is the stored bytes, attached or not.
    await page.getByRole("tab", { name: "Media" }).click();
    const media = page.getByRole("region", { name: "Media" });
    await expect(media).toContainText(
      "Not encrypted: the guest reads the stored bytes as they are",
    );
    await expect(media.getByRole("table", { name: /^Guest view of bytes/ })).toBeVisible();
    await expect(media).not.toContainText(NO_KEY_IN_MEMORY);
  });

  for (const { regionId, alert, checkboxDisabled } of [
    {
      regionId: "cn-nanjing",
      alert: "The current region does not support creating encrypted disks.",
      checkboxDisabled: true,
    },
    {
      regionId: "ap-northeast-2",
      alert: "The current region does not support creating encrypted disks.",
      checkboxDisabled: true,
    },
    {
      regionId: "cn-fuzhou",
      alert: "The current region supports encryption with the service key only",
      checkboxDisabled: false,
    },
    {
      regionId: "ap-southeast-7",
      alert: "The current region supports encryption with the service key only",
      checkboxDisabled: false,
    },
  ]) {
    test(`the restriction notice of ${regionId}`, async ({ page }) => {
      const form = await openCreatePage(page, regionId);
      const notice = page.getByRole("alert").filter({ hasText: alert });
      await expect(notice).toBeVisible();
      await expect(form.encrypted).toHaveAccessibleDescription(
        new RegExp(alert.replace(/\./g, "\\.")),
      );
      if (checkboxDisabled) {
        await expect(form.encrypted).toBeDisabled();
        await expect(form.encrypted).not.toBeChecked();
      } else {
        await form.encrypted.check();
        await expect(form.key.getByRole("option")).toHaveText(["Service key (alias/acs/ecs)"]);
      }
      await screenshot(page, `disks-create-${regionId}-en.png`, { fullPage: true });
    });
  }

  test("a local category cannot be encrypted, and says so before anything is sent", async ({
    page,
  }) => {
    const form = await openCreatePage(page);
    await form.encrypted.check();
    await form.category.selectOption({ label: "Elastic Ephemeral Disk (Standard)" });
    const notice = page
      .getByRole("alert")
      .filter({ hasText: "Elastic Ephemeral Disk (Standard) disks cannot be encrypted" });
    await expect(notice).toBeVisible();
    await expect(form.encrypted).toBeDisabled();
    await expect(form.encrypted).not.toBeChecked();
    await expect(page.getByRole("alert").filter({ hasText: IRREVERSIBLE })).toHaveCount(0);
    await expect(form.size).toHaveAccessibleDescription("64 to 8,192 GiB for this category.");
    await form.category.selectOption("cloud_essd");
    await expect(form.encrypted).toBeEnabled();
  });

  test("a refusal of CreateDisk shows its message and code", async ({ page, baseURL }) => {
    const kms = kmsApi(baseURL!);
    const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {
      Description: unique("e2e soon disabled"),
    });
    const form = await openCreatePage(page);
    await form.encrypted.check();
    await form.key.selectOption(KeyMetadata.KeyId);
    await expect(form.key).toHaveValue(KeyMetadata.KeyId);
    // The role exists once the first test authorized; alone, this test authorizes itself.
    const authorize = page.getByRole("button", { name: "Go to Authorize" });
    if (await authorize.isVisible()) {
      await authorize.click();
      await page.getByRole("button", { name: "Confirm Authorization Policy" }).click();
      await expect(authorize).toHaveCount(0);
    }
    // The key is disabled after the page listed it: KMS refuses, and the form says so.
    await kms("DisableKey", { KeyId: KeyMetadata.KeyId });
    await form.create.click();
    const refusal = page.getByRole("alert").filter({ hasText: "Error code:" });
    await expect(refusal).toContainText(
      "The CMK (Customer Master Key) must be in an active state.",
    );
    await expect(refusal).toContainText("Error code: InvalidParameter.KMSKeyId.CMKNotEnabled");
    await expect(page).toHaveURL(/\/disks\/create$/);
  });

  test("the Media tab: zeros while unwritten, then ciphertext beside what the guest reads", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const ecs = ecsApi(baseURL!);
    const { DiskId: diskId } = await ecs<{ DiskId: string }>("CreateDisk", {
      ZoneId: ZONE,
      DiskCategory: "cloud_essd",
      Size: 20,
      Encrypted: true,
      DiskName: unique("media-disk"),
    });

    // A fresh encrypted disk: nothing written, zeros raw, and no key in memory.
    await page.goto(`/${REGION}/disks/${diskId}?tab=media`);
    await expect(page.getByRole("tab", { name: "Media", selected: true })).toBeVisible();
    const media = page.getByRole("region", { name: "Media" });
    await expect(media).toContainText("Nothing has been written to this disk yet");
    const raw = media.getByRole("table", { name: /^Raw stored bytes/ });
    await expect(raw.getByRole("row")).toHaveCount(33);
    await expect(raw.getByRole("row").nth(1)).toContainText(
      "00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00",
    );
    await expect(media).toContainText("All zeros: this range was never written.");
    await expect(media).toContainText(NO_KEY_IN_MEMORY);
    await expect(media).toContainText("It is not attached to an instance.");

    // An instance in the disk's zone; the disk attached from its page.
    const { InstanceIdSets } = await ecs<{ InstanceIdSets: { InstanceIdSet: string[] } }>(
      "RunInstances",
      {
        ZoneId: ZONE,
        InstanceType: "ecs.g7.large",
        ImageId: LINUX_IMAGE,
        InstanceName: unique("media-vm"),
      },
    );
    const instanceId = InstanceIdSets.InstanceIdSet[0];
    await until(`${instanceId} Running`, async () => {
      const { Instances } = await ecs<{ Instances: { Instance: { Status: string }[] } }>(
        "DescribeInstances",
        { InstanceIds: JSON.stringify([instanceId]) },
      );
      return Instances.Instance[0]?.Status === "Running" ? true : undefined;
    });
    await page.getByRole("tab", { name: "Details" }).click();
    await page.getByRole("button", { name: "Attach" }).click();
    const attach = page.getByRole("dialog", { name: "Attach disk" });
    await attach.getByRole("combobox", { name: "Target instance" }).selectOption(instanceId);
    await attach.getByRole("button", { name: "Attach" }).click();
    await expect(attach).toBeHidden();
    await expect(valueOf(page, "Status")).toHaveText("In use");
    await expect(valueOf(page, "Instance")).toHaveText(instanceId);
    await expect(valueOf(page, "Data key")).toContainText(`running instance ${instanceId}`);

    // The guest formats the disk and writes a file (Cloud Assistant).
    const secret = unique("DISKSEAL-PLAINTEXT");
    const { InvokeId } = await ecs<{ InvokeId: string }>("RunCommand", {
      Type: "RunShellScript",
      CommandContent: `mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo ${secret} > /data/secret.txt && sync`,
      "InstanceId.1": instanceId,
    });
    const result = await until(
      "the command",
      async () => {
        const { Invocation } = await ecs<{
          Invocation: {
            InvocationResults: {
              InvocationResult: { InvokeRecordStatus: string; ExitCode: number; Output: string }[];
            };
          };
        }>("DescribeInvocationResults", { InvokeId });
        const record = Invocation.InvocationResults.InvocationResult[0];
        return record && record.InvokeRecordStatus !== "Running" ? record : undefined;
      },
      60_000,
    );
    expect(result.ExitCode, Buffer.from(result.Output, "base64").toString()).toBe(0);

    // Raw: ciphertext. The guest reads the filesystem's superblock (magic "DSFS") there.
    await page.getByRole("tab", { name: "Media" }).click();
    await expect(media).not.toContainText("Nothing has been written");
    const guest = media.getByRole("table", { name: /^Guest view of bytes/ });
    await expect(guest.getByRole("row").nth(1)).toContainText("DSFS");
    await expect(raw).not.toContainText("DSFS");
    await expect(raw.getByRole("row").nth(1)).not.toContainText(
      "00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00",
    );
    await expect(media).toContainText(
      "The stored bytes differ from what the guest reads: the medium holds ciphertext only.",
    );
    await screenshot(page, "disks-media-en.png", { fullPage: true });

    // The whole written range of the medium holds no plaintext (ReadDiskMedia, 1 MiB at a time).
    const diskseal = api(baseURL!, "2026-11-28");
    for (let offset = 0; offset < 8 * 1024 * 1024; offset += 1024 * 1024) {
      const { Data } = await diskseal<{ Data: string }>("ReadDiskMedia", {
        DiskId: diskId,
        Offset: offset,
        Length: 1024 * 1024,
      });
      expect(Buffer.from(Data, "base64").includes(secret)).toBe(false);
    }

    // Detached: the key leaves memory, the guest view with it.
    await page.getByRole("tab", { name: "Details" }).click();
    await page.getByRole("button", { name: "Detach" }).click();
    const detach = page.getByRole("dialog", { name: "Detach disk" });
    await detach.getByRole("button", { name: "Detach" }).click();
    await expect(detach).toBeHidden();
    await expect(valueOf(page, "Status")).toHaveText("Unattached");
    await page.getByRole("tab", { name: "Media" }).click();
    await expect(media).toContainText(NO_KEY_IN_MEMORY);
    await expect(raw).toBeVisible();

    // Grow it, rename it, release it.
    await page.getByRole("tab", { name: "Details" }).click();
    await page.getByRole("button", { name: "Resize disk" }).click();
    const resize = page.getByRole("dialog", { name: "Resize disk" });
    await resize.getByRole("spinbutton", { name: "New size (GiB)" }).fill("20");
    await resize.getByRole("button", { name: "Resize" }).click();
    await expect(resize.getByRole("spinbutton", { name: "New size (GiB)" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await resize.getByRole("spinbutton", { name: "New size (GiB)" }).fill("30");
    await resize.getByRole("button", { name: "Resize" }).click();
    await expect(resize).toBeHidden();
    await expect(valueOf(page, "Size")).toHaveText("30 GiB");

    const newName = unique("renamed");
    await page.getByRole("button", { name: "Modify attributes" }).click();
    const modify = page.getByRole("dialog", { name: "Modify attributes" });
    await modify.getByRole("textbox", { name: "Disk name" }).fill(newName);
    await modify.getByRole("button", { name: "Save" }).click();
    await expect(modify).toBeHidden();
    await expect(valueOf(page, "Name")).toHaveText(newName);

    await page.getByRole("button", { name: "Release" }).click();
    const release = page.getByRole("dialog", { name: "Release disk" });
    await expect(release).toContainText("not even with the KMS key");
    await release.getByRole("button", { name: "Confirm Release" }).click();
    await expect(page).toHaveURL(new RegExp(`/${REGION}/disks$`));
    await expect(page.getByRole("row").filter({ hasText: diskId })).toHaveCount(0);
  });

  test("the Create disk page in 繁體中文", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "diskseal-locale", value: "zh-TW", url: baseURL! }]);
    await page.goto(`/${REGION}/disks`);
    await expect(page.getByRole("heading", { level: 1, name: "雲端硬碟" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "加密" })).toBeVisible();
    await page.getByRole("link", { name: "建立雲端硬碟" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "建立雲端硬碟" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "地區及可用性區域" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "其他選項（非必填）" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "雲端硬碟類型" })).toHaveValue("cloud_essd");
    await expect(
      page.getByRole("combobox", { name: "雲端硬碟類型" }).getByRole("option", { selected: true }),
    ).toHaveText("ESSD雲端硬碟");
    const encrypted = page.getByRole("checkbox", { name: "加密" });
    await encrypted.check();
    await expect(
      page.getByRole("combobox", { name: "KMS 密鑰" }).getByRole("option", { selected: true }),
    ).toHaveText("服務密鑰（alias/acs/ecs）");
    await expect(
      page.getByRole("alert").filter({
        hasText: "加密操作無法復原，雲端硬碟一旦被加密，無法再轉為非加密狀態。",
      }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "費用估算" })).toContainText(
      "雲端硬碟加密不另收費，服務密鑰免費。",
    );
    await screenshot(page, "disks-create-zh-TW.png", { fullPage: true });

    await page.goto(`/cn-nanjing/disks/create`);
    await expect(
      page.getByRole("alert").filter({ hasText: "目前地區不支援建立加密雲端硬碟。" }),
    ).toBeVisible();
    await page.goto(`/cn-fuzhou/disks/create`);
    await expect(
      page.getByRole("alert").filter({ hasText: "目前地區僅支援服務密鑰加密。" }),
    ).toBeVisible();
  });
});
