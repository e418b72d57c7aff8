import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import {
  CONSOLE_NAV,
  flattenNav,
  navHref,
  navItemOfPath,
  pathInRegion,
} from "@/components/shell/nav-items";

describe("console nav", () => {
  it("has a message for every entry and section", () => {
    for (const item of flattenNav()) expect(en.Nav[item.label], item.label).toBeTruthy();
    for (const section of CONSOLE_NAV)
      if (section.title) expect(en.Nav.sections[section.title]).toBeTruthy();
  });

  it("links Settings to its first page", () => {
    const settings = flattenNav().find((item) => item.label === "settings")!;
    expect(navHref("cn-hangzhou", settings)).toBe("/cn-hangzhou/settings/emulator");
  });

  it.each([
    ["/cn-hangzhou/overview", "/ap-southeast-1/overview"],
    ["/cn-hangzhou/settings/emulator", "/ap-southeast-1/settings/emulator"],
    ["/cn-hangzhou/settings", "/ap-southeast-1/settings"],
    ["/cn-hangzhou/kms/keys", "/ap-southeast-1/kms/keys"],
    ["/cn-hangzhou/kms/keys/key-hzz123", "/ap-southeast-1/kms/keys"],
    ["/cn-hangzhou/disks/d-bp1abc", "/ap-southeast-1/disks"],
    ["/cn-hangzhou/disks/create", "/ap-southeast-1/disks"],
    ["/cn-hangzhou/settings/encryption", "/ap-southeast-1/settings/encryption"],
    ["/cn-hangzhou/no-such-page", "/ap-southeast-1/overview"],
    ["/cn-hangzhou/ram/users/alice", "/ap-southeast-1/ram/users/alice"],
    ["/cn-hangzhou/ram/policies/Custom/p1", "/ap-southeast-1/ram/policies/Custom/p1"],
    ["/cn-hangzhou", "/ap-southeast-1/overview"],
  ])("moves %s to %s", (from, to) => {
    expect(pathInRegion(from, "ap-southeast-1")).toBe(to);
  });

  it("links KMS to its key list", () => {
    const kms = flattenNav().find((item) => item.label === "kms")!;
    expect(navHref("cn-hangzhou", kms)).toBe("/cn-hangzhou/kms/keys");
  });

  it("links RAM to its users", () => {
    const ram = flattenNav().find((item) => item.label === "ram")!;
    expect(navHref("cn-hangzhou", ram)).toBe("/cn-hangzhou/ram/users");
  });

  it("finds the entry of a resource's page, the deepest first", () => {
    expect(navItemOfPath("oos/exec-123")?.label).toBe("oos");
    expect(navItemOfPath("ram/users/alice")?.label).toBe("ramUsers");
    expect(navItemOfPath("no-such-page")).toBeUndefined();
  });
});
