import { getRuntime } from "@/lib/runtime";

/**
 * The resource a RAM action is authorized on (api-extras.md §2.1): `acs:ram:*:<account>:user/<name>`,
 * `user/*`, `group/<name>`, `role/<name>`, `policy/<name>`. A policy names these with wildcards.
 */
export function ramResourceArn(type: "user" | "group" | "role" | "policy", name = "*"): string {
  return `acs:ram:*:${getRuntime().accountId}:${type}/${name}`;
}
