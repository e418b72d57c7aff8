import { describe, expect, it } from "vitest";
import { aliasNameProblem, isReservedAliasName } from "./alias-name";

describe("alias names", () => {
  it.each(["alias/app", "alias/app/db-1", "alias/A_b-c/9", "alias/" + "x".repeat(249)])(
    "accepts %s",
    (name) => {
      expect(aliasNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    "app",
    "alias/",
    "alias",
    "Alias/app",
    "alias/app db",
    "alias/ünï",
    "alias/a.b",
    "alias/" + "x".repeat(250),
  ])("refuses the form of %j", (name) => {
    expect(aliasNameProblem(name)).toBe("format");
  });

  it.each(["alias/acs/ecs", "alias/acs", "alias/acsx", "alias/ACS/ecs", "alias/Acs-mine"])(
    "reserves %s for the cloud's services",
    (name) => {
      expect(aliasNameProblem(name)).toBe("reserved");
      expect(isReservedAliasName(name)).toBe(true);
    },
  );

  it("does not reserve names that merely contain acs", () => {
    expect(aliasNameProblem("alias/my/acs")).toBeUndefined();
    expect(aliasNameProblem("alias/ac")).toBeUndefined();
  });
});
