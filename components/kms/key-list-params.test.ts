import { describe, expect, it } from "vitest";
import { keyListHref, listKeysFiltersOf, parseKeyListParams } from "./key-list-params";

describe("key list URL", () => {
  it.each([
    [{}, { tab: "customer", state: undefined, page: 1 }],
    [{ tab: "default" }, { tab: "default", state: undefined, page: 1 }],
    [
      { tab: "nonsense", state: "Enabled", page: "3" },
      { tab: "customer", state: "Enabled", page: 3 },
    ],
    [
      { state: "enabled", page: "0" },
      { tab: "customer", state: undefined, page: 1 },
    ],
    [
      { state: ["PendingDeletion", "Enabled"], page: "-2" },
      { tab: "customer", state: "PendingDeletion", page: 1 },
    ],
  ])("reads %j", (search, params) => {
    expect(parseKeyListParams(search)).toEqual(params);
  });

  it("writes only what differs from the defaults", () => {
    expect(keyListHref("cn-hangzhou", { tab: "customer", page: 1 })).toBe("/cn-hangzhou/kms/keys");
    expect(keyListHref("cn-hangzhou", { tab: "default", state: "Disabled", page: 2 })).toBe(
      "/cn-hangzhou/kms/keys?tab=default&state=Disabled&page=2",
    );
  });

  it("filters ListKeys by creator type and state", () => {
    expect(listKeysFiltersOf({ tab: "default", page: 1 })).toEqual([
      { key: "CreatorType", values: ["Service"] },
    ]);
    expect(listKeysFiltersOf({ tab: "customer", state: "Enabled", page: 1 })).toEqual([
      { key: "CreatorType", values: ["User"] },
      { key: "KeyState", values: ["Enabled"] },
    ]);
  });
});
