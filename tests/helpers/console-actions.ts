import fs from "node:fs";
import path from "node:path";

/**
 * Server actions as an attacker sees them: public POST endpoints. The ids come from the build's
 * server-reference manifest (`.next/server/server-reference-manifest.json`: id → file and export
 * name), and a call is Next's own protocol — `Next-Action: <id>`, the arguments as a JSON array,
 * an `Origin` of the same host (Next refuses cross-origin action POSTs) — answered in the RSC
 * stream, whose row `1:` is the action's return value.
 */
type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

export function serverActionIds(): Map<string, string> {
  const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName)
      ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

export type RawActionAnswer = {
  status: number;
  location?: string;
  setCookie: string[];
  result?: unknown;
  body: string;
};

export async function postServerAction(
  baseUrl: string,
  options: { actionId: string; page: string; args: unknown[]; cookie?: string },
): Promise<RawActionAnswer> {
  const response = await fetch(baseUrl + options.page, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": options.actionId,
      Origin: baseUrl,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: JSON.stringify(options.args),
  });
  const body = await response.text();
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  return {
    status: response.status,
    location:
      response.headers.get("location") ?? response.headers.get("x-action-redirect") ?? undefined,
    setCookie: response.headers.getSetCookie(),
    result: row ? JSON.parse(row.slice(2)) : undefined,
    body,
  };
}
