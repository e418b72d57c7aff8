import { AppError } from "@/lib/errors";
import type { CatalogLanguage, LocalizedText } from "@/lib/ecs/catalog/language";

/**
 * The 27 regions of reference/ecs-kms-semantics.md "Regions", in that order. English names are
 * Alibaba's (reference/alibaba-api-notes.md "Regions"); Simplified Chinese names are the ones
 * Alibaba's zh-CN docs use; Traditional names follow Alibaba's zh-TW docs where seen
 * (美國（維吉尼亞）) and are otherwise our conversion of the Simplified name.
 * `city` names the zones ("Hangzhou Zone H").
 */
export type Region = {
  regionId: string;
  name: LocalizedText;
  city: LocalizedText;
};

const region = (
  regionId: string,
  name: [string, string, string],
  city: [string, string, string],
): Region => ({
  regionId,
  name: { en: name[0], "zh-CN": name[1], "zh-TW": name[2] },
  city: { en: city[0], "zh-CN": city[1], "zh-TW": city[2] },
});

export const REGIONS: readonly Region[] = [
  region(
    "cn-qingdao",
    ["China (Qingdao)", "华北1（青岛）", "華北1（青島）"],
    ["Qingdao", "青岛", "青島"],
  ),
  region(
    "cn-beijing",
    ["China (Beijing)", "华北2（北京）", "華北2（北京）"],
    ["Beijing", "北京", "北京"],
  ),
  region(
    "cn-zhangjiakou",
    ["China (Zhangjiakou)", "华北3（张家口）", "華北3（張家口）"],
    ["Zhangjiakou", "张家口", "張家口"],
  ),
  region(
    "cn-huhehaote",
    ["China (Hohhot)", "华北5（呼和浩特）", "華北5（呼和浩特）"],
    ["Hohhot", "呼和浩特", "呼和浩特"],
  ),
  region(
    "cn-wulanchabu",
    ["China (Ulanqab)", "华北6（乌兰察布）", "華北6（烏蘭察布）"],
    ["Ulanqab", "乌兰察布", "烏蘭察布"],
  ),
  region(
    "cn-hangzhou",
    ["China (Hangzhou)", "华东1（杭州）", "華東1（杭州）"],
    ["Hangzhou", "杭州", "杭州"],
  ),
  region(
    "cn-shanghai",
    ["China (Shanghai)", "华东2（上海）", "華東2（上海）"],
    ["Shanghai", "上海", "上海"],
  ),
  region(
    "cn-nanjing",
    [
      "China (Nanjing - Local Region - Decommissioning)",
      "华东5（南京-本地地域-关停中）",
      "華東5（南京-本地地域-關停中）",
    ],
    ["Nanjing", "南京", "南京"],
  ),
  region(
    "cn-fuzhou",
    [
      "China (Fuzhou - Local Region - Decommissioning)",
      "华东6（福州-本地地域-关停中）",
      "華東6（福州-本地地域-關停中）",
    ],
    ["Fuzhou", "福州", "福州"],
  ),
  region(
    "cn-shenzhen",
    ["China (Shenzhen)", "华南1（深圳）", "華南1（深圳）"],
    ["Shenzhen", "深圳", "深圳"],
  ),
  region(
    "cn-heyuan",
    ["China (Heyuan)", "华南2（河源）", "華南2（河源）"],
    ["Heyuan", "河源", "河源"],
  ),
  region(
    "cn-guangzhou",
    ["China (Guangzhou)", "华南3（广州）", "華南3（廣州）"],
    ["Guangzhou", "广州", "廣州"],
  ),
  region(
    "cn-chengdu",
    ["China (Chengdu)", "西南1（成都）", "西南1（成都）"],
    ["Chengdu", "成都", "成都"],
  ),
  region(
    "cn-hongkong",
    ["China (Hong Kong)", "中国香港", "中國香港"],
    ["Hong Kong", "香港", "香港"],
  ),
  region(
    "ap-southeast-6",
    ["Philippines (Manila)", "菲律宾（马尼拉）", "菲律賓（馬尼拉）"],
    ["Manila", "马尼拉", "馬尼拉"],
  ),
  region(
    "ap-northeast-2",
    ["South Korea (Seoul)", "韩国（首尔）", "韓國（首爾）"],
    ["Seoul", "首尔", "首爾"],
  ),
  region(
    "ap-southeast-3",
    ["Malaysia (Kuala Lumpur)", "马来西亚（吉隆坡）", "馬來西亞（吉隆坡）"],
    ["Kuala Lumpur", "吉隆坡", "吉隆坡"],
  ),
  region(
    "ap-northeast-1",
    ["Japan (Tokyo)", "日本（东京）", "日本（東京）"],
    ["Tokyo", "东京", "東京"],
  ),
  region(
    "ap-southeast-7",
    ["Thailand (Bangkok)", "泰国（曼谷）", "泰國（曼谷）"],
    ["Bangkok", "曼谷", "曼谷"],
  ),
  region("ap-southeast-1", ["Singapore", "新加坡", "新加坡"], ["Singapore", "新加坡", "新加坡"]),
  region(
    "ap-southeast-5",
    ["Indonesia (Jakarta)", "印度尼西亚（雅加达）", "印度尼西亞（雅加達）"],
    ["Jakarta", "雅加达", "雅加達"],
  ),
  region(
    "eu-central-1",
    ["Germany (Frankfurt)", "德国（法兰克福）", "德國（法蘭克福）"],
    ["Frankfurt", "法兰克福", "法蘭克福"],
  ),
  region(
    "us-east-1",
    ["US (Virginia)", "美国（弗吉尼亚）", "美國（維吉尼亞）"],
    ["Virginia", "弗吉尼亚", "維吉尼亞"],
  ),
  region(
    "us-west-1",
    ["US (Silicon Valley)", "美国（硅谷）", "美國（矽谷）"],
    ["Silicon Valley", "硅谷", "矽谷"],
  ),
  region("eu-west-1", ["UK (London)", "英国（伦敦）", "英國（倫敦）"], ["London", "伦敦", "倫敦"]),
  region(
    "me-east-1",
    ["UAE (Dubai)", "阿联酋（迪拜）", "阿聯酋（杜拜）"],
    ["Dubai", "迪拜", "杜拜"],
  ),
  region(
    "me-central-1",
    [
      "SAU (Riyadh - Partner Region)",
      "沙特（利雅得）- 合作伙伴运营",
      "沙特（利雅得）- 合作夥伴營運",
    ],
    ["Riyadh", "利雅得", "利雅得"],
  ),
];

const REGIONS_BY_ID = new Map(REGIONS.map((r) => [r.regionId, r]));

export function findRegion(regionId: string): Region | undefined {
  return REGIONS_BY_ID.get(regionId);
}

export function isKnownRegion(regionId: string): boolean {
  return REGIONS_BY_ID.has(regionId);
}

/** ECS's answer to a RegionId it does not know (404, as CreateDisk documents it). */
export function getRegionOrThrow(regionId: string): Region {
  const found = REGIONS_BY_ID.get(regionId);
  if (!found)
    throw new AppError("InvalidRegionId.NotFound", "The specified RegionId does not exist.", 404);
  return found;
}

/** The region's ECS API host, as DescribeRegions reports it. */
export function regionEndpoint(regionId: string): string {
  return `ecs.${regionId}.aliyuncs.com`;
}

export function regionName(regionId: string, language: CatalogLanguage): string {
  return findRegion(regionId)?.name[language] ?? regionId;
}
