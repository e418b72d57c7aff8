import { spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export type LoadResult = { requestsPerSecond: number; requests: number; errors: number; tool: string };

export const hasWrk = (() => {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    return (error as { status?: number }).status === 1; // wrk --version exits 1 after printing
  }
})();

/**
 * Sends the given request paths (each used once: signed requests carry one-time nonces) with
 * `connections` concurrent keep-alive connections for `seconds`, with wrk when present (a C load
 * generator leaves the second core to the server) and a Node client otherwise.
 */
export async function load(port: number, paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  return hasWrk ? loadWithWrk(port, paths, connections, seconds) : loadWithNode(port, paths, connections, seconds);
}

function loadWithWrk(port: number, paths: string[], connections: number, seconds: number): LoadResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-wrk-"));
  const threads = 2;
  // Each wrk thread has its own Lua state: give each its own slice so no nonce repeats.
  for (let t = 0; t < threads; t++) fs.writeFileSync(path.join(dir, `paths-${t}.txt`), paths.filter((_, i) => i % threads === t).join("\n") + "\n");
  const script = path.join(dir, "paths.lua");
  fs.writeFileSync(
    script,
    `local next_id = 0
setup = function(thread) thread:set("id", next_id); next_id = next_id + 1 end
init = function(args)
  paths = {}; counter = 0
  for line in io.lines("${dir}/paths-" .. id .. ".txt") do paths[#paths + 1] = line end
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter - 1) % #paths + 1])
end
done = function(summary, latency, requests) end
`,
  );
  const out = spawnSync("wrk", ["-t", String(threads), "-c", String(connections), "-d", `${seconds}s`, "-s", script, `http://127.0.0.1:${port}`], { encoding: "utf8" });
  const text = out.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in/.exec(text)?.[1] ?? 0);
  const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0);
  fs.rmSync(dir, { recursive: true, force: true });
  return { requestsPerSecond: rps, requests, errors, tool: "wrk" };
}

async function loadWithNode(port: number, paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  let done = 0;
  let errors = 0;
  const started = Date.now();
  const worker = async () => {
    while (Date.now() < deadline && next < paths.length) {
      const requestPath = paths[next++];
      const status = await new Promise<number>((resolve) => {
        http.get({ host: "127.0.0.1", port, path: requestPath, agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        }).on("error", () => resolve(0));
      });
      done++;
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return { requestsPerSecond: done / ((Date.now() - started) / 1000), requests: done, errors, tool: "node http client" };
}
