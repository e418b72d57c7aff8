import { AppError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/ecs/catalog/language";
import { REGIONS, type Region } from "@/lib/ecs/catalog/regions";

/**
 * Zones of every region. Ids follow Alibaba's two spellings: mainland China regions add
 * `-<letter>` (`cn-hangzhou-h`), the others append the letter (`ap-southeast-1a`). Letters are
 * real zones where we know them; the two decommissioning local regions and a few small
 * international ones really have a single zone, and get a second so that every zone picker and
 * "resources in another zone" test works the same everywhere.
 */
export type Zone = {
  zoneId: string;
  regionId: string;
  /** "Hangzhou Zone H" / "杭州 可用区H" / "杭州 可用區H". */
  name: LocalizedText;
};

const ZONE_LETTERS: Record<string, readonly string[]> = {
  "cn-qingdao": ["b", "c"],
  "cn-beijing": ["h", "i", "k", "l"],
  "cn-zhangjiakou": ["a", "b", "c"],
  "cn-huhehaote": ["a", "b"],
  "cn-wulanchabu": ["a", "b", "c"],
  "cn-hangzhou": ["h", "i", "j", "k"],
  "cn-shanghai": ["e", "f", "g", "l"],
  "cn-nanjing": ["a", "b"],
  "cn-fuzhou": ["a", "b"],
  "cn-shenzhen": ["c", "d", "e", "f"],
  "cn-heyuan": ["a", "b"],
  "cn-guangzhou": ["a", "b"],
  "cn-chengdu": ["a", "b"],
  "cn-hongkong": ["b", "c", "d"],
  "ap-southeast-6": ["a", "b"],
  "ap-northeast-2": ["a", "b"],
  "ap-southeast-3": ["a", "b"],
  "ap-northeast-1": ["a", "b", "c"],
  "ap-southeast-7": ["a", "b"],
  "ap-southeast-1": ["a", "b", "c"],
  "ap-southeast-5": ["a", "b", "c"],
  "eu-central-1": ["a", "b", "c"],
  "us-east-1": ["a", "b"],
  "us-west-1": ["a", "b"],
  "eu-west-1": ["a", "b"],
  "me-east-1": ["a", "b"],
  "me-central-1": ["a", "b"],
};

function zoneOf(region: Region, letter: string): Zone {
  const separator = region.regionId.startsWith("cn-") ? "-" : "";
  const upper = letter.toUpperCase();
  return {
    zoneId: `${region.regionId}${separator}${letter}`,
    regionId: region.regionId,
    name: {
      en: `${region.city.en} Zone ${upper}`,
      "zh-CN": `${region.city["zh-CN"]} 可用区${upper}`,
      "zh-TW": `${region.city["zh-TW"]} 可用區${upper}`,
    },
  };
}

export const ZONES: readonly Zone[] = REGIONS.flatMap((region) =>
  (ZONE_LETTERS[region.regionId] ?? []).map((letter) => zoneOf(region, letter)),
);

const ZONES_BY_ID = new Map(ZONES.map((z) => [z.zoneId, z]));

export function listZones(regionId: string): Zone[] {
  return ZONES.filter((zone) => zone.regionId === regionId);
}

/** A zone of that region; a zone of another region is as unknown as a made-up one. */
export function findZone(regionId: string, zoneId: string): Zone | undefined {
  const zone = ZONES_BY_ID.get(zoneId);
  return zone?.regionId === regionId ? zone : undefined;
}

/** ECS's CreateDisk answer to an unknown ZoneId (reference/alibaba-api-notes.md). */
export function getZoneOrThrow(regionId: string, zoneId: string): Zone {
  const zone = findZone(regionId, zoneId);
  if (!zone)
    throw new AppError("InvalidZoneId.NotFound", "The specified zone does not exist.", 404);
  return zone;
}
