import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startTestServer } from "../helpers/server";

describe("npm start", () => {
  it("serves the console and the API on one port, and /_diskseal/health", async () => {
    const server = await startTestServer();
    try {
      const health = await fetch(`${server.baseUrl}/_diskseal/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });

      const home = await fetch(`${server.baseUrl}/`, { redirect: "manual" });
      expect(home.status).toBeGreaterThanOrEqual(300);
      expect(home.status).toBeLessThan(400);
      expect(home.headers.get("location")).toMatch(/\/cn-hangzhou\/overview$/);

      // An empty Action is an API request, not the console.
      const empty = await fetch(`${server.baseUrl}/?Action=`);
      expect(empty.status).toBe(400);
      expect(empty.headers.get("content-type")).toMatch(/application\/json/);
      expect((await empty.json()).Code).toBe("MissingParameter");

      // A long query string (a RunCommand script travels there) still gets Alibaba's JSON.
      const long = await fetch(`${server.baseUrl}/?Action=DescribeRegions&CommandContent=${"x".repeat(60_000)}`);
      expect(long.status).toBe(400);
      expect((await long.json()).Code).toBeTruthy();
    } finally {
      await server.stop();
    }
  });

  it("stops at start, with a clear message, when DISKSEAL_ROOT_KEY does not match the data dir", async () => {
    const server = await startTestServer();
    await server.stop();
    expect(fs.existsSync(path.join(server.dataDir, "diskseal.db"))).toBe(true);
    const wrongKey = randomBytes(32).toString("base64");
    const attempt = startTestServer({ dataDir: server.dataDir, rootKey: wrongKey });
    await expect(attempt).rejects.toThrow(/exited with 1[\s\S]*root key does not match/);
  });
});
