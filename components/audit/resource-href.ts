/**
 * The console page of a resource an audit event or a key graph names, from its ARN
 * (`acs:ecs:<region>:<account>:disk/d-…`); undefined for what has no page (wildcards, commands,
 * snapshots and images until their pages exist). Pure.
 */
const PAGES: Record<string, string> = {
  "ecs:disk": "disks",
  "ecs:instance": "instances",
  "kms:key": "kms/keys",
};

export function resourceHref(arn: string): string | undefined {
  const match = /^acs:(\w+):([a-z0-9-]+):\d*:(\w+)\/([A-Za-z0-9-]+)$/.exec(arn);
  if (!match) return undefined;
  const [, service, regionId, type, id] = match;
  const page = PAGES[`${service}:${type}`];
  return page ? `/${regionId}/${page}/${id}` : undefined;
}
