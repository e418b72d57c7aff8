import { BlockList, isIP } from "node:net";

/**
 * `IpAddress` / `NotIpAddress` values: a single address or a CIDR block, IPv4 or IPv6. The
 * request's address is the socket's; an IPv4 client on a dual-stack socket arrives as
 * `::ffff:a.b.c.d` and is matched as the IPv4 address it is.
 */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** Whether `pattern` is a valid address or CIDR block (policy validation). */
export function isIpPattern(pattern: string): boolean {
  return parsePattern(pattern) !== undefined;
}

function parsePattern(pattern: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } | undefined {
  const [address, prefixText, ...rest] = pattern.trim().split("/");
  if (rest.length > 0) return undefined;
  const version = isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

const lists = new Map<string, BlockList>();

export function ipMatches(pattern: string, address: string): boolean {
  const ip = normalizeIp(address);
  const version = isIP(ip);
  if (version === 0) return false;
  let list = lists.get(pattern);
  if (!list) {
    const parsed = parsePattern(pattern);
    if (!parsed) return false;
    list = new BlockList();
    list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    if (lists.size > 1_000) lists.clear();
    lists.set(pattern, list);
  }
  return list.check(ip, version === 4 ? "ipv4" : "ipv6");
}
