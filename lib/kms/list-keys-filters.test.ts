import { describe, expect, it } from "vitest";
import {
  matchesListKeysFilters,
  parseListKeysFilters,
  type FilterableKey,
} from "./list-keys-filters";

const key: FilterableKey = {
  keyId: "key-1",
  keyState: "Enabled",
  keySpec: "Aliyun_AES_256",
  keyUsage: "ENCRYPT/DECRYPT",
  protectionLevel: "SOFTWARE",
  creatorType: "User",
  creator: "1234567890123456",
  origin: "Aliyun_KMS",
  aliasNames: ["alias/app"],
  tags: [{ tagKey: "team", tagValue: "db" }],
};
const matches = (json: string) => matchesListKeysFilters(key, parseListKeysFilters(json)!);

describe("ListKeys Filters", () => {
  it("ORs the values of one filter and ANDs the filters", () => {
    expect(matches('[{"Key":"KeyState","Values":["Enabled","Disabled"]}]')).toBe(true);
    expect(matches('[{"Key":"KeyState","Values":["Disabled"]}]')).toBe(false);
    expect(
      matches(
        '[{"Key":"KeyState","Values":["Enabled"]},{"Key":"CreatorType","Values":["Service"]}]',
      ),
    ).toBe(false);
    expect(
      matches('[{"Key":"KeyState","Values":["Enabled"]},{"Key":"CreatorType","Values":["User"]}]'),
    ).toBe(true);
  });

  it("matches aliases, tags and the id (either spelling)", () => {
    expect(matches('[{"Key":"AliasName","Values":["alias/app"]}]')).toBe(true);
    expect(matches('[{"Key":"TagKey","Values":["team"]},{"Key":"TagValue","Values":["db"]}]')).toBe(
      true,
    );
    expect(matches('[{"Key":"TagKey","Values":["owner"]}]')).toBe(false);
    expect(matches('[{"Key":"keyId","Values":["key-1"]}]')).toBe(true);
    expect(matches('[{"Key":"KeyId","Values":["key-2"]}]')).toBe(false);
    expect(matches('[{"Key":"DKMSInstanceId","Values":["kst-1"]}]')).toBe(false);
  });

  it("keeps every key with no filters", () => {
    expect(matches("[]")).toBe(true);
  });

  it.each([
    "not json",
    '{"Key":"KeyState"}',
    '[{"Key":"Color","Values":["red"]}]',
    '[{"Key":"KeyState"}]',
    '[{"Key":"KeyState","Values":[]}]',
    '[{"Key":"KeyState","Values":[1]}]',
    '[{"Key":"KeyState","Values":"Enabled"}]',
    "[null]",
  ])("refuses %s", (json) => {
    expect(parseListKeysFilters(json)).toBeUndefined();
  });
});
