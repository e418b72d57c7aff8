import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { CATALOG_LANGUAGES, languageOfAcceptLanguage, localize } from "@/lib/ecs/catalog/language";
import {
  findRegion,
  getRegionOrThrow,
  isKnownRegion,
  regionEndpoint,
  REGIONS,
} from "@/lib/ecs/catalog/regions";
import { findZone, getZoneOrThrow, listZones, ZONES } from "@/lib/ecs/catalog/zones";

const REFERENCE_REGION_IDS = [
  "cn-qingdao",
  "cn-beijing",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-wulanchabu",
  "cn-hangzhou",
  "cn-shanghai",
  "cn-nanjing",
  "cn-fuzhou",
  "cn-shenzhen",
  "cn-heyuan",
  "cn-guangzhou",
  "cn-chengdu",
  "cn-hongkong",
  "ap-southeast-6",
  "ap-northeast-2",
  "ap-southeast-3",
  "ap-northeast-1",
  "ap-southeast-7",
  "ap-southeast-1",
  "ap-southeast-5",
  "eu-central-1",
  "us-east-1",
  "us-west-1",
  "eu-west-1",
  "me-east-1",
  "me-central-1",
];

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
};

describe("regions", () => {
  it("are the 27 of the reference, in its order, without duplicates", () => {
    expect(REGIONS.map((r) => r.regionId)).toEqual(REFERENCE_REGION_IDS);
    expect(new Set(REGIONS.map((r) => r.regionId)).size).toBe(27);
  });

  it("are named in all three languages, each name distinct within a language", () => {
    for (const language of CATALOG_LANGUAGES) {
      const names = REGIONS.map((r) => r.name[language]);
      expect(names.every((n) => n.trim().length > 0)).toBe(true);
      expect(new Set(names).size).toBe(27);
    }
  });

  it.each([
    ["cn-hangzhou", "China (Hangzhou)", "华东1（杭州）", "華東1（杭州）"],
    [
      "cn-nanjing",
      "China (Nanjing - Local Region - Decommissioning)",
      "华东5（南京-本地地域-关停中）",
      "華東5（南京-本地地域-關停中）",
    ],
    [
      "cn-fuzhou",
      "China (Fuzhou - Local Region - Decommissioning)",
      "华东6（福州-本地地域-关停中）",
      "華東6（福州-本地地域-關停中）",
    ],
    ["cn-qingdao", "China (Qingdao)", "华北1（青岛）", "華北1（青島）"],
    ["cn-wulanchabu", "China (Ulanqab)", "华北6（乌兰察布）", "華北6（烏蘭察布）"],
    ["cn-hongkong", "China (Hong Kong)", "中国香港", "中國香港"],
    ["ap-northeast-2", "South Korea (Seoul)", "韩国（首尔）", "韓國（首爾）"],
    ["ap-southeast-7", "Thailand (Bangkok)", "泰国（曼谷）", "泰國（曼谷）"],
    ["ap-southeast-1", "Singapore", "新加坡", "新加坡"],
    ["us-east-1", "US (Virginia)", "美国（弗吉尼亚）", "美國（維吉尼亞）"],
  ])("%s is %s / %s / %s", (regionId, en, zhCN, zhTW) => {
    expect(findRegion(regionId)?.name).toEqual({ en, "zh-CN": zhCN, "zh-TW": zhTW });
  });

  it("Chinese names are Chinese: Simplified and Traditional differ where the characters do", () => {
    expect(findRegion("cn-zhangjiakou")?.name["zh-CN"]).toContain("张家口");
    expect(findRegion("cn-zhangjiakou")?.name["zh-TW"]).toContain("張家口");
    for (const r of REGIONS) expect(r.name["zh-CN"]).toMatch(/\p{Script=Han}/u);
  });

  it("have their ECS endpoint", () => {
    expect(regionEndpoint("cn-hangzhou")).toBe("ecs.cn-hangzhou.aliyuncs.com");
  });

  it("an unknown one is 404 InvalidRegionId.NotFound", () => {
    expect(isKnownRegion("cn-atlantis")).toBe(false);
    const error = thrown(() => getRegionOrThrow("cn-atlantis"));
    expect(isAppError(error) && [error.code, error.message, error.httpStatus]).toEqual([
      "InvalidRegionId.NotFound",
      "The specified RegionId does not exist.",
      404,
    ]);
  });
});

describe("zones", () => {
  it.each(REFERENCE_REGION_IDS)(
    "%s has at least two zones, ids prefixed by the region id",
    (regionId) => {
      const zones = listZones(regionId);
      expect(zones.length).toBeGreaterThanOrEqual(2);
      for (const zone of zones) {
        expect(zone.zoneId.startsWith(regionId)).toBe(true);
        const letter = zone.zoneId.slice(regionId.length);
        expect(letter).toMatch(regionId.startsWith("cn-") ? /^-[a-z]$/ : /^[a-z]$/);
      }
    },
  );

  it("ids are unique and every zone's names exist in the three languages", () => {
    expect(new Set(ZONES.map((z) => z.zoneId)).size).toBe(ZONES.length);
    for (const zone of ZONES)
      for (const language of CATALOG_LANGUAGES) expect(zone.name[language]).not.toBe("");
  });

  it("use real-style ids and names", () => {
    expect(listZones("cn-hangzhou").map((z) => z.zoneId)).toEqual([
      "cn-hangzhou-h",
      "cn-hangzhou-i",
      "cn-hangzhou-j",
      "cn-hangzhou-k",
    ]);
    expect(listZones("ap-southeast-1").map((z) => z.zoneId)).toEqual([
      "ap-southeast-1a",
      "ap-southeast-1b",
      "ap-southeast-1c",
    ]);
    expect(findZone("cn-hangzhou", "cn-hangzhou-h")?.name).toEqual({
      en: "Hangzhou Zone H",
      "zh-CN": "杭州 可用区H",
      "zh-TW": "杭州 可用區H",
    });
    expect(findZone("ap-southeast-1", "ap-southeast-1a")?.name.en).toBe("Singapore Zone A");
  });

  it("a zone of another region is not found (404 InvalidZoneId.NotFound)", () => {
    expect(findZone("cn-beijing", "cn-hangzhou-h")).toBeUndefined();
    const error = thrown(() => getZoneOrThrow("cn-beijing", "cn-hangzhou-h"));
    expect(isAppError(error) && [error.code, error.httpStatus]).toEqual([
      "InvalidZoneId.NotFound",
      404,
    ]);
  });
});

describe("languages", () => {
  it("AcceptLanguage defaults to zh-CN, en-US and ja answer in English", () => {
    expect(languageOfAcceptLanguage(undefined)).toBe("zh-CN");
    expect(languageOfAcceptLanguage("zh-CN")).toBe("zh-CN");
    expect(languageOfAcceptLanguage("zh-TW")).toBe("zh-TW");
    expect(languageOfAcceptLanguage("en-US")).toBe("en");
    expect(languageOfAcceptLanguage("ja")).toBe("en");
  });

  it("console locales pick a name loosely", () => {
    const name = { en: "E", "zh-CN": "S", "zh-TW": "T" };
    expect([
      localize(name, "en"),
      localize(name, "zh-TW"),
      localize(name, "zh-tw"),
      localize(name, "zh-CN"),
      localize(name, "fr"),
    ]).toEqual(["E", "T", "T", "S", "E"]);
  });
});
