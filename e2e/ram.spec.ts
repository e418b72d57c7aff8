import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { api, REGION, screenshot, unique, valueOf } from "./instances-helpers";
import { seed } from "./snapshots-helpers";

const PASSWORD = "Encrypt0nly!";

/** The identity menu in the top bar (the switcher). */
const identity = (page: Page) => page.getByRole("group", { name: "Signed-in identity" });

/** Signs in on /signin as a RAM user; lands on the console. */
async function signInAsUser(page: Page, logonName: string, password: string) {
  await identity(page).getByRole("button").click();
  await page.getByRole("menuitem", { name: "Sign in as a RAM user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to DiskSeal" })).toBeVisible();
  await page.getByRole("textbox", { name: "Logon name" }).fill(logonName);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  // The overview works for a RAM user too (without the root account's emulator clock).
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

test.describe("RAM console", () => {
  test("a user under the encrypted-only policy is refused an unencrypted disk, with the policy named, and creates an encrypted one", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const policyName = unique("ecs-disk-encrypt-control");
    const userName = unique("alice");

    // Root writes the guide's policy from the template.
    await page.goto(`/${REGION}/ram/policies`);
    await page.getByRole("link", { name: "Create policy" }).click();
    await page
      .getByRole("combobox", { name: "Template" })
      .selectOption({ label: "Create only encrypted disks (ecs-disk-encrypt-control)" });
    await expect(page.getByRole("textbox", { name: "Policy name" })).toHaveValue(
      "ecs-disk-encrypt-control",
    );
    await expect(
      page.getByRole("status").filter({ hasText: "The document is valid." }),
    ).toBeVisible();
    await page.getByRole("textbox", { name: "Policy name" }).fill(policyName);
    // The validator answers while typing: a broken document says why, OK stays refused.
    const editor = page.getByRole("textbox", { name: "Policy document" });
    const template = await editor.inputValue();
    await editor.fill(template.replace('"Deny"', '"Maybe"'));
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: 'Statement 1: "Effect" must be "Allow" or "Deny".' }),
    ).toBeVisible();
    await editor.fill(template);
    await expect(
      page.getByRole("status").filter({ hasText: "The document is valid." }),
    ).toBeVisible();
    await screenshot(page, "ram-create-policy-en.png");
    await page.getByRole("button", { name: "OK" }).click();
    await expect(page.getByRole("heading", { level: 1, name: policyName })).toBeVisible();
    await expect(
      page.getByRole("figure", { name: `Policy document of ${policyName}, version v1` }),
    ).toContainText("ecs:IsDiskEncrypted");

    // A user with a console password, ECS full access and the policy.
    await page
      .getByRole("navigation", { name: "Console navigation" })
      .getByRole("link", { name: "Users" })
      .click();
    await page.getByRole("button", { name: "Create user" }).click();
    const dialog = page.getByRole("dialog", { name: "Create user" });
    await dialog.getByRole("textbox", { name: "Logon name" }).fill(userName);
    await dialog.getByRole("checkbox", { name: "Console access (set a logon password)" }).check();
    await dialog.getByLabel("Password", { exact: true }).fill("weak");
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(dialog.getByRole("alert")).toContainText("InvalidParameter.Password.TooWeak");
    await dialog.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(page.getByRole("heading", { level: 1, name: userName })).toBeVisible();
    const permissions = page.getByRole("region", { name: "Permissions" });
    // KMS read-only lets the Create disk page list the keys to choose from.
    for (const policy of [
      "System:AliyunECSFullAccess",
      "System:AliyunKMSReadOnlyAccess",
      `Custom:${policyName}`,
    ]) {
      await permissions.getByRole("combobox", { name: "Policy" }).selectOption(policy);
      await permissions.getByRole("button", { name: "Add permissions" }).click();
      await expect(permissions.getByRole("link", { name: policy.split(":")[1] })).toBeVisible();
    }

    // AccessKey: the secret once, and Alibaba's CSV.
    const keys = page.getByRole("region", { name: "AccessKeys" });
    await keys.getByRole("button", { name: "Create AccessKey" }).click();
    const created = page.getByRole("dialog", { name: "AccessKey created" });
    await expect(created).toContainText("The AccessKey Secret is shown only now");
    const accessKeyId = (
      await created.getByLabel("AccessKey ID", { exact: true }).innerText()
    ).trim();
    const secret = (
      await created.getByLabel("AccessKey Secret", { exact: true }).innerText()
    ).trim();
    expect(secret).toMatch(/^[A-Za-z0-9]{30}$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      created.getByRole("button", { name: "Download CSV file" }).click(),
    ]);
    expect(fs.readFileSync(await download.path(), "utf8")).toBe(
      `AccessKey ID,AccessKey Secret\n${accessKeyId},${secret}\n`,
    );
    await screenshot(page, "ram-access-key-en.png", false);
    await created.getByRole("button", { name: "Close" }).last().click();
    await expect(keys.getByRole("row", { name: new RegExp(accessKeyId) })).toContainText("Active");
    await expect(page.getByText(secret)).toHaveCount(0);
    await screenshot(page, "ram-user-en.png");

    // Signed in as the user: the identity says so, RAM's pages are refused, ECS is allowed.
    await signInAsUser(page, userName, PASSWORD);
    await expect(identity(page)).toContainText("RAM user");
    await expect(identity(page)).toContainText(`${userName}@`);
    await page.goto(`/${REGION}/ram/users`);
    await expect(page.getByRole("alert").filter({ hasText: "NoPermission" })).toContainText(
      "You are not authorized to do this action.",
    );
    await expect(page.getByRole("button", { name: "Create user" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Create user" })).toHaveAccessibleDescription(
      "You are not allowed to use ram:CreateUser.",
    );

    // Create disk: unencrypted is refused with the policy named; nothing was created.
    await page.goto(`/${REGION}/disks/create`);
    const diskName = unique("plain-disk");
    await page.getByRole("textbox", { name: "Disk name" }).fill(diskName);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Forbidden.RAM" });
    await expect(refusal).toContainText(`Refused by the policy ${policyName} (ecs:CreateDisk).`);
    await expect(page).toHaveURL(/\/disks\/create$/);
    await screenshot(page, "ram-create-disk-refused-en.png");

    await page.getByRole("checkbox", { name: "Encrypted" }).check();
    await page.getByRole("textbox", { name: "Disk name" }).fill(unique("sealed-disk"));
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${REGION}/disks/d-[a-z0-9]+$`));
    await expect(valueOf(page, "Status")).toHaveText("Unattached");
    await page.goto(`/${REGION}/disks?name=${diskName}`);
    await expect(page.getByRole("link", { name: diskName })).toHaveCount(0);

    // Back to root; the simulator explains the denial.
    await identity(page).getByRole("button").click();
    await page.getByRole("menuitem", { name: "Sign out (back to root account)" }).click();
    await expect(identity(page)).toContainText("Root account");
    await page.goto(`/${REGION}/ram/simulator`);
    await page.getByRole("combobox", { name: "Principal", exact: true }).selectOption(userName);
    await page.getByRole("combobox", { name: "Action" }).fill("ecs:CreateDisk");
    await page.getByRole("combobox", { name: "ecs:IsDiskEncrypted" }).selectOption("false");
    await page.getByRole("button", { name: "Simulate" }).click();
    const result = page.getByRole("region", { name: "Result" });
    await expect(result).toContainText("Deny");
    await expect(result).toContainText("Explicit deny: a Deny statement matched.");
    await expect(result).toContainText(
      `Deciding statement: statement 3 of ${policyName} (Custom).`,
    );
    await expect(result.getByRole("note", { name: "Deciding statement" })).toBeVisible();
    await expect(result.locator('[data-statement="2"]').first()).toHaveClass(/bg-amber/);
    await screenshot(page, "ram-simulator-deny-en.png");

    await page.getByRole("combobox", { name: "ecs:IsDiskEncrypted" }).selectOption("true");
    await page.getByRole("button", { name: "Simulate" }).click();
    await expect(result).toContainText("Allow");
    await expect(result).toContainText(
      "Deciding statement: statement 1 of AliyunECSFullAccess (System).",
    );

    // Disable the key from the user's page: the list says Inactive.
    await page.goto(`/${REGION}/ram/users/${userName}`);
    await keys.getByRole("button", { name: "Disable" }).click();
    await page
      .getByRole("dialog", { name: `Disable AccessKey ${accessKeyId}?` })
      .getByRole("button", { name: "Disable" })
      .click();
    await expect(keys.getByRole("row", { name: new RegExp(accessKeyId) })).toContainText(
      "Inactive",
    );
  });

  test("groups, roles and the ECS role are shown; 繁體中文 pass over the RAM pages", async ({
    page,
  }) => {
    const groupName = unique("ops");
    await page.goto(`/${REGION}/ram/groups`);
    await page.getByRole("button", { name: "Create group" }).click();
    await page
      .getByRole("dialog", { name: "Create group" })
      .getByRole("textbox", { name: "Group name" })
      .fill(groupName);
    await page
      .getByRole("dialog", { name: "Create group" })
      .getByRole("button", { name: "OK" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
    const permissions = page.getByRole("region", { name: "Permissions" });
    await permissions
      .getByRole("combobox", { name: "Policy" })
      .selectOption("System:AliyunKMSReadOnlyAccess");
    await permissions.getByRole("button", { name: "Add permissions" }).click();
    await expect(permissions.getByRole("link", { name: "AliyunKMSReadOnlyAccess" })).toBeVisible();

    await page.goto(`/${REGION}/ram/roles`);
    const roleName = unique("reader").replace(/_/g, "-");
    await page.getByRole("button", { name: "Create role" }).click();
    const dialog = page.getByRole("dialog", { name: "Create role" });
    await dialog.getByRole("textbox", { name: "Role name" }).fill(roleName);
    await expect(dialog.getByRole("textbox", { name: "Trust policy" })).toHaveValue(
      /ecs\.aliyuncs\.com/,
    );
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(page.getByRole("heading", { level: 1, name: roleName })).toBeVisible();
    await screenshot(page, "ram-role-en.png");
    await expect(valueOf(page, "ARN")).toHaveText(new RegExp(`:role/${roleName.toLowerCase()}$`));

    // 繁體中文: the RAM pages in the glossary's words.
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "繁體中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    for (const [path, heading, file] of [
      ["ram/users", "使用者", "ram-users-zh-TW.png"],
      ["ram/groups", "群組", "ram-groups-zh-TW.png"],
      ["ram/policies", "權限原則", "ram-policies-zh-TW.png"],
      ["ram/roles", "角色", "ram-roles-zh-TW.png"],
      ["ram/simulator", "權限原則模擬器", "ram-simulator-zh-TW.png"],
    ] as const) {
      await page.goto(`/${REGION}/${path}`);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await screenshot(page, file);
    }
    await page.goto(`/${REGION}/ram/policies/System/AliyunECSFullAccess`);
    await expect(page.getByRole("region", { name: "權限原則內容" })).toContainText('"ecs:*"');
  });

  test("a snapshot's Copy and Delete are disabled, with the reason, for a read-only user (detail and list)", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const ecs = seed(baseURL!);
    const snapshotId = await ecs.createSnapshot(await ecs.createDisk());
    const userName = unique("reader");
    const ram = api(baseURL!, "2015-05-01");
    await ram("CreateUser", { UserName: userName });
    await ram("CreateLoginProfile", { UserName: userName, Password: PASSWORD });
    for (const policy of ["AliyunECSReadOnlyAccess", "AliyunKMSReadOnlyAccess"])
      await ram("AttachPolicyToUser", {
        UserName: userName,
        PolicyType: "System",
        PolicyName: policy,
      });

    await page.goto(`/${REGION}/overview`);
    await signInAsUser(page, userName, PASSWORD);
    await page.goto(`/${REGION}/snapshots/${snapshotId}`);
    const actions = page.getByRole("group", { name: new RegExp(snapshotId) });
    for (const [name, action] of [
      ["Copy", "ecs:CopySnapshot"],
      ["Copy and Encrypt", "ecs:CopySnapshot"],
      ["Delete", "ecs:DeleteSnapshot"],
    ]) {
      const button = actions.getByRole("button", { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute("title", `You are not allowed to use ${action}.`);
    }
    await expect(actions.getByRole("link", { name: "Create disk" })).toBeVisible();
    // The list's row says the same.
    await page.goto(`/${REGION}/snapshots`);
    const row = page.getByRole("row", { name: new RegExp(snapshotId) });
    await expect(row.getByRole("button", { name: "Delete", exact: true })).toHaveAttribute(
      "title",
      "You are not allowed to use ecs:DeleteSnapshot.",
    );

    // The emulator's controls are the root account's: the page says so instead of failing.
    await page.goto(`/${REGION}/settings/emulator`);
    await expect(page.getByRole("alert").filter({ hasText: "Forbidden.RAM" })).toBeVisible();
  });
});
