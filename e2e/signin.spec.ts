import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "./instances-helpers";

/**
 * DISKSEAL_CONSOLE_AUTH=required: a second DiskSeal on the next port (the suite's own server
 * is auto-root), on the build the first one made. Every page sends a signed-out visitor to the
 * sign-in page; root signs in with its AccessKey pair and out again.
 */
const PORT = Number(process.env.DISKSEAL_E2E_PORT ?? 3107) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let credentials: { AccessKeyId: string; AccessKeySecret: string; AccountId: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-e2e-required-"));
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.mts", "--no-build"], {
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DISKSEAL_DATA_DIR: dataDir,
      DISKSEAL_CONSOLE_AUTH: "required",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  for (let waited = 0; ; waited += 250) {
    const healthy = await fetch(`${BASE}/_diskseal/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (waited > 100_000) throw new Error("the required-mode server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  credentials = JSON.parse(fs.readFileSync(path.join(dataDir, "credentials.json"), "utf8"));
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
});

const identity = (page: Page) => page.getByRole("group", { name: "Signed-in identity" });

test("required mode: signed out → sign-in page; root signs in with its AccessKey pair and out", async ({
  page,
}) => {
  await page.goto(`${BASE}/cn-hangzhou/disks`);
  await expect(page).toHaveURL(`${BASE}/signin`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to DiskSeal" })).toBeVisible();
  await screenshot(page, "signin-en.png");

  // A wrong secret: one message, whichever part was wrong; still signed out.
  await page.getByRole("tab", { name: "Root account" }).click();
  await page.getByRole("textbox", { name: "AccessKey ID" }).fill(credentials.AccessKeyId);
  await page.getByLabel("AccessKey Secret").fill("not-the-secret");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "InvalidCredentials" })).toContainText(
    "The logon name or password is incorrect.",
  );

  await page.getByLabel("AccessKey Secret").fill(credentials.AccessKeySecret);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/cn-hangzhou\/overview$/);
  await expect(identity(page)).toContainText("Root account");
  await expect(identity(page)).toContainText(credentials.AccountId);
  const cookies = await page.context().cookies(BASE);
  const session = cookies.find((cookie) => cookie.name === "diskseal_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });

  await page.goto(`${BASE}/cn-hangzhou/disks`);
  await expect(page.getByRole("heading", { level: 1, name: "Disks" })).toBeVisible();

  await identity(page).getByRole("button").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${BASE}/signin`);
  await page.goto(`${BASE}/cn-hangzhou/overview`);
  await expect(page).toHaveURL(`${BASE}/signin`);
});

test("required mode: a RAM user signs in with name@<account>.onaliyun.com", async ({
  page,
  request,
}) => {
  // Root signs in and creates the user with a console password on the Users page.
  await page.goto(`${BASE}/signin`);
  await page.getByRole("tab", { name: "Root account" }).click();
  await page.getByRole("textbox", { name: "AccessKey ID" }).fill(credentials.AccessKeyId);
  await page.getByLabel("AccessKey Secret").fill(credentials.AccessKeySecret);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await page.goto(`${BASE}/cn-hangzhou/ram/users`);
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByRole("textbox", { name: "Logon name" }).fill("bob");
  await dialog.getByRole("checkbox", { name: "Console access (set a logon password)" }).check();
  await dialog.getByLabel("Password", { exact: true }).fill("B0b-console!");
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "bob" })).toBeVisible();
  await identity(page).getByRole("button").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${BASE}/signin`);

  await page
    .getByRole("textbox", { name: "Logon name" })
    .fill(`bob@${credentials.AccountId}.onaliyun.com`);
  await page.getByLabel("Password").fill("B0b-console!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(identity(page)).toContainText(`bob@${credentials.AccountId}.onaliyun.com`);
  // The terminal's routes act as the session's principal too; signed out they answer 401.
  const signedOut = await request.post(`${BASE}/api/terminal`, {
    data: { regionId: "cn-hangzhou", instanceId: "i-x" },
  });
  expect(signedOut.status()).toBe(401);
});
