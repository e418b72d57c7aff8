import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PopCore } from "../tests/helpers/sdk";

const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");
const KEYS = "/cn-hangzhou/kms/keys";
const NO_RESOURCES = "No resources use this key.";
const DATA_LOSS_WARNING =
  "If a key is disabled or deleted, data on the associated encrypted cloud disks, encrypted images, and encrypted snapshots cannot be recovered.";

/** Something unique to this run, so the specs' keys and aliases never collide. */
const unique = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** KMS › Keys › Create key with a description (and optionally an alias); returns the key id. */
async function createKey(page: Page, description: string, aliasName?: string): Promise<string> {
  await page.goto(KEYS);
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create key" });
  await expect(dialog.getByRole("combobox", { name: "Key spec" })).toHaveValue("Aliyun_AES_256");
  await dialog.getByRole("textbox", { name: "Description" }).fill(description);
  if (aliasName) await dialog.getByRole("textbox", { name: "Alias (optional)" }).fill(aliasName);
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const created = dialog.getByRole("status").filter({ hasText: /^Key key-\S+ was created\.$/ });
  await expect(created).toBeVisible();
  const keyId = /Key (key-\S+) was created\./.exec((await created.textContent()) ?? "")![1];
  await dialog.getByRole("button", { name: "Close" }).last().click();
  await expect(dialog).toBeHidden();
  return keyId;
}

const rowOf = (page: Page, keyId: string) => page.getByRole("row").filter({ hasText: keyId });

/** The row's state, as its State cell reads. */
const expectState = (row: Locator, state: string) =>
  expect(row.getByRole("cell", { name: state, exact: true })).toBeVisible();

/** KMS through the API with the root AccessKey (seeding many keys is quicker this way). */
function kmsApi(baseURL: string, regionId: string) {
  const saved = JSON.parse(
    fs.readFileSync(path.join(process.env.DISKSEAL_E2E_DATA_DIR!, "credentials.json"), "utf8"),
  );
  const client = new PopCore({
    accessKeyId: saved.AccessKeyId,
    accessKeySecret: saved.AccessKeySecret,
    endpoint: baseURL,
    apiVersion: "2016-01-20",
  });
  return (action: string, params: Record<string, unknown> = {}) =>
    client.request(action, { RegionId: regionId, ...params }, { method: "POST" }) as Promise<
      Record<string, unknown>
    >;
}

test.describe("KMS › Keys", () => {
  test("create a key, alias it, disable, enable, schedule and cancel its deletion", async ({
    page,
  }) => {
    const description = unique("e2e journey key");
    const aliasName = `alias/${unique("e2e")}`;
    const keyId = await createKey(page, description);

    const row = rowOf(page, keyId);
    await expect(row).toContainText(description);
    await expectState(row, "Enabled");
    await expect(row).toContainText("Aliyun_AES_256");
    await expect(row).toContainText("Software");

    // The alias, from the key's page.
    await row.getByRole("link", { name: keyId }).click();
    await expect(page.getByRole("heading", { level: 1, name: keyId })).toBeVisible();
    const aliases = page.getByRole("region", { name: "Aliases" });
    await aliases.getByRole("textbox", { name: "New alias" }).fill(aliasName);
    await aliases.getByRole("button", { name: "Add alias" }).click();
    await expect(
      aliases
        .getByRole("table", { name: `Aliases of ${keyId}` })
        .getByRole("cell", { name: aliasName, exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Associated resources" })).toContainText(
      NO_RESOURCES,
    );
    await expect(page.getByRole("region", { name: "Recent operations" })).toContainText(
      "kms:CreateAlias",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-key-detail-en.png"), fullPage: true });

    // Back on the dashboard: disable, behind the key association check.
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "Keys" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Keys" })).toBeVisible();
    await expect(row).toContainText(aliasName);
    await row.getByRole("button", { name: "Disable" }).click();
    const disableDialog = page.getByRole("dialog", { name: "Disable key" });
    await expect(disableDialog).toContainText(keyId);
    await expect(disableDialog.getByText(NO_RESOURCES)).toBeVisible();
    await expect(disableDialog).toContainText(DATA_LOSS_WARNING);
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-disable-dialog-en.png") });
    await disableDialog.getByRole("button", { name: "Disable" }).click();
    await expect(disableDialog).toBeHidden();
    await expectState(row, "Disabled");

    await row.getByRole("button", { name: "Enable" }).click();
    await expectState(row, "Enabled");

    await row.getByRole("button", { name: "Schedule deletion" }).click();
    const scheduleDialog = page.getByRole("dialog", { name: "Schedule key deletion" });
    const window = scheduleDialog.getByRole("spinbutton", { name: "Pending window (days)" });
    await expect(window).toHaveValue("30");
    await expect(scheduleDialog.getByText(NO_RESOURCES)).toBeVisible();
    await expect(scheduleDialog).toContainText(DATA_LOSS_WARNING);
    await window.fill("7");
    await scheduleDialog.getByRole("button", { name: "Schedule deletion" }).click();
    await expect(scheduleDialog).toBeHidden();
    await expectState(row, "Pending deletion");
    await expect(row.getByRole("button", { name: "Disable" })).toHaveCount(0);

    await row.getByRole("button", { name: "Cancel deletion" }).click();
    await expectState(row, "Enabled");
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-keys-en.png"), fullPage: true });

    // The state filter lives in the URL.
    await page.getByRole("combobox", { name: "State" }).selectOption("Disabled");
    await expect(page).toHaveURL(/state=Disabled/);
    await expect(rowOf(page, keyId)).toHaveCount(0);
    await page.getByRole("combobox", { name: "State" }).selectOption("Enabled");
    await expect(page).toHaveURL(/state=Enabled/);
    await expectState(rowOf(page, keyId), "Enabled");
  });

  test("the pending window is 7 to 366 days", async ({ page }) => {
    const keyId = await createKey(page, unique("e2e window key"));
    const row = rowOf(page, keyId);
    await row.getByRole("button", { name: "Schedule deletion" }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule key deletion" });
    const window = dialog.getByRole("spinbutton", { name: "Pending window (days)" });
    for (const days of ["6", "367", "10.5", ""]) {
      await window.fill(days);
      await dialog.getByRole("button", { name: "Schedule deletion" }).click();
      await expect(window).toHaveAttribute("aria-invalid", "true");
      await expect(window).toHaveAccessibleDescription(
        /Enter a whole number of days from 7 to 366\./,
      );
    }
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expectState(row, "Enabled");
  });

  test("deletion protection: scheduling is refused with the service's error", async ({ page }) => {
    const keyId = await createKey(page, unique("e2e protected key"));
    await page.goto(`${KEYS}/${keyId}`);
    await page.getByRole("button", { name: "Enable deletion protection" }).click();
    await expect(page.getByLabel("Deletion protection", { exact: true })).toContainText("Enabled");

    await page.getByRole("button", { name: "Schedule deletion" }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule key deletion" });
    await expect(dialog).toContainText("Deletion protection is on for this key");
    await dialog.getByRole("button", { name: "Schedule deletion" }).click();
    const refusal = dialog.getByRole("alert");
    await expect(refusal).toContainText("protected from deletion");
    await expect(refusal).toContainText("Error code: Forbidden.DeletionProtection");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByLabel("State", { exact: true })).toHaveText("Enabled");
  });

  for (const { alias, error } of [
    { alias: "my-key", error: "Start with alias/ and use letters, digits, _, - and / only." },
    { alias: "alias/acs/mine", error: "alias/acs is reserved for Alibaba Cloud services." },
  ]) {
    test(`Create key refuses the alias ${alias}`, async ({ page }) => {
      await page.goto(KEYS);
      await page.getByRole("button", { name: "Create key" }).click();
      const dialog = page.getByRole("dialog", { name: "Create key" });
      const field = dialog.getByRole("textbox", { name: "Alias (optional)" });
      await field.fill(alias);
      await dialog.getByRole("button", { name: "Create", exact: true }).click();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(new RegExp(error.replace(/[/.]/g, "\\$&")));
    });
  }

  test("an asymmetric key shows its public key and cannot rotate", async ({ page }) => {
    await page.goto(KEYS);
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create key" });
    await dialog.getByRole("combobox", { name: "Key spec" }).selectOption("EC_P256");
    await expect(dialog.getByRole("combobox", { name: "Key usage" })).toHaveValue("SIGN/VERIFY");
    await expect(dialog.getByRole("radio", { name: "External (BYOK)" })).toBeDisabled();
    await expect(dialog.getByRole("checkbox", { name: "Automatic rotation" })).toBeDisabled();
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-create-dialog-en.png") });
    await dialog.getByRole("textbox", { name: "Description" }).fill(unique("e2e ec key"));
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await dialog.getByRole("link", { name: "View the key" }).click();
    await expect(page.getByLabel("Key spec", { exact: true })).toHaveText("EC_P256");
    const publicKey = page.getByRole("region", { name: "Public key" });
    await expect(publicKey).toContainText("-----BEGIN PUBLIC KEY-----");
    await expect(publicKey.getByRole("button", { name: "Copy public key" })).toBeVisible();
  });

  test("external key material (BYOK) starts Pending import", async ({ page }) => {
    const description = unique("e2e byok key");
    await page.goto(KEYS);
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create key" });
    await dialog.getByRole("radio", { name: "External (BYOK)" }).check();
    await dialog.getByRole("textbox", { name: "Description" }).fill(description);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const acknowledge = dialog.getByRole("checkbox", { name: /I understand the methods/ });
    await expect(acknowledge).toHaveAttribute("aria-invalid", "true");
    await acknowledge.check();
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(dialog.getByRole("status")).toContainText("was created.");
    await dialog.getByRole("button", { name: "Close" }).last().click();

    const row = page.getByRole("row").filter({ hasText: description });
    await expectState(row, "Pending import");
    await expect(row.getByRole("button", { name: "Schedule deletion" })).toBeVisible();
    await expect(row.getByRole("button", { name: "Disable" })).toHaveCount(0);
  });

  test("tags, rotation policy and a manual rotation on the key's page", async ({ page }) => {
    const keyId = await createKey(page, unique("e2e settings key"));
    await page.goto(`${KEYS}/${keyId}`);

    const tags = page.getByRole("region", { name: "Tags" });
    await tags.getByRole("textbox", { name: "Tag key" }).fill("team");
    await tags.getByRole("textbox", { name: "Tag value" }).fill("storage");
    await tags.getByRole("button", { name: "Add tag" }).click();
    await expect(tags.getByRole("cell", { name: "storage", exact: true })).toBeVisible();
    await tags.getByRole("textbox", { name: "Tag key" }).fill("acs:ecs:mine");
    await tags.getByRole("button", { name: "Add tag" }).click();
    await expect(tags.getByRole("textbox", { name: "Tag key" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await tags.getByRole("button", { name: "Remove tag team" }).click();
    await expect(tags).toContainText("No tags.");

    const rotation = page.getByRole("region", { name: "Rotation policy" });
    await rotation.getByRole("checkbox", { name: "Automatic rotation" }).check();
    await rotation.getByRole("spinbutton", { name: "Rotation period (days)" }).fill("90");
    await rotation.getByRole("button", { name: "Save rotation policy" }).click();
    await expect(rotation.getByRole("status")).toHaveText("The rotation policy was saved.");
    await expect(
      page.getByRole("region", { name: "Key details" }).getByLabel("Automatic rotation", {
        exact: true,
      }),
    ).toHaveText("Every 90 days");

    const versions = page.getByRole("region", { name: "Key versions" });
    await expect(versions.getByRole("row")).toHaveCount(2);
    await versions.getByRole("button", { name: "Rotate now" }).click();
    await expect(versions.getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("region", { name: "Recent operations" })).toContainText(
      "kms:CreateKeyVersion",
    );
  });

  test("the list pages by 20, the page in the URL", async ({ page, baseURL }) => {
    // A region of its own: exactly 21 keys there.
    const kms = kmsApi(baseURL!, "ap-southeast-5");
    const stamp = unique("e2e page");
    for (let index = 1; index <= 21; index += 1)
      await kms("CreateKey", { Description: `${stamp} #${index}` });

    await page.goto("/ap-southeast-5/kms/keys");
    const pager = page.getByRole("navigation", { name: "Pages" });
    await expect(pager).toContainText("21 keys · page 1 of 2");
    await expect(page.getByText(`${stamp} #20`, { exact: true })).toBeVisible();
    await expect(page.getByText(`${stamp} #21`, { exact: true })).toHaveCount(0);
    await expect(pager.getByRole("button", { name: "Previous page" })).toBeDisabled();

    await pager.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/ap-southeast-5\/kms\/keys\?page=2$/);
    await expect(pager).toContainText("21 keys · page 2 of 2");
    await expect(page.getByText(`${stamp} #21`, { exact: true })).toBeVisible();
    await expect(pager.getByRole("button", { name: "Next page" })).toBeDisabled();

    // A page past the end shows the last one.
    await page.goto("/ap-southeast-5/kms/keys?page=9");
    await expect(page).toHaveURL(/page=2$/);
  });

  test("default keys: empty until ECS creates the service key", async ({ page }) => {
    // A region no other journey uses, so ECS has not created its service key there.
    await page.goto("/me-central-1/kms/keys");
    await page.getByRole("tab", { name: "Default keys" }).click();
    await expect(page).toHaveURL(/tab=default/);
    await expect(page.getByRole("tab", { name: "Default keys" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const table = page.getByRole("table", { name: /^Default keys in / });
    await expect(table).toContainText("No default key in this region yet.");
    await expect(table).toContainText("alias/acs/ecs");
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-default-keys-en.png") });
  });

  test("a region without customer master keys cannot create one", async ({ page }) => {
    await page.goto("/cn-fuzhou/kms/keys");
    const notice = page
      .getByRole("alert")
      .filter({ hasText: "supports encryption with the service key only" });
    await expect(notice).toBeVisible();
    const create = page.getByRole("button", { name: "Create key" });
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription(/customer master keys cannot be created/);
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-no-cmk-region-en.png") });
  });

  test("the key pages in 繁體中文", async ({ page, context, baseURL }) => {
    const keyId = await createKey(page, unique("e2e zh key"), `alias/${unique("zh")}`);
    await context.addCookies([{ name: "diskseal-locale", value: "zh-TW", url: baseURL! }]);

    await page.goto(KEYS);
    await expect(page.getByRole("heading", { level: 1, name: "密鑰" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "使用者主要金鑰" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const row = rowOf(page, keyId);
    await expectState(row, "啟用中");
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-keys-zh-TW.png"), fullPage: true });

    await row.getByRole("button", { name: "禁用" }).click();
    const dialog = page.getByRole("dialog", { name: "禁用密鑰" });
    await expect(dialog.getByText("沒有資源使用此密鑰。")).toBeVisible();
    await expect(dialog).toContainText(
      "如果密鑰被禁用或刪除，關聯的加密雲端硬碟、加密鏡像和加密快照上的資料將無法恢復。",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "kms-disable-dialog-zh-TW.png") });
    await dialog.getByRole("button", { name: "禁用" }).click();
    await expectState(row, "已禁用");

    await row.getByRole("link", { name: keyId }).click();
    await expect(page.getByRole("heading", { level: 1, name: keyId })).toBeVisible();
    await expect(page.getByRole("heading", { name: "密鑰詳情" })).toBeVisible();
    await expect(page.getByLabel("狀態", { exact: true })).toHaveText("已禁用");
    await page.screenshot({
      path: path.join(ARTIFACTS, "kms-key-detail-zh-TW.png"),
      fullPage: true,
    });
    await page.getByRole("button", { name: "啟用" }).click();
    await expect(page.getByLabel("狀態", { exact: true })).toHaveText("啟用中");
  });
});
