import { describe, expect, it } from "vitest";
import { isLoopback, readConfig } from "@/lib/config";

describe("DISKSEAL_CONSOLE_AUTH", () => {
  it.each([
    ["127.0.0.1", "auto-root"],
    ["127.0.0.53", "auto-root"],
    ["localhost", "auto-root"],
    ["::1", "auto-root"],
    ["0.0.0.0", "required"],
    ["192.168.1.20", "required"],
    ["::", "required"],
  ])("defaults on HOST=%s to %s", (host, mode) => {
    expect(readConfig({ HOST: host }).consoleAuth).toBe(mode);
  });

  it("is taken as given, either way", () => {
    expect(readConfig({ HOST: "0.0.0.0", DISKSEAL_CONSOLE_AUTH: "auto-root" }).consoleAuth).toBe("auto-root");
    expect(readConfig({ HOST: "127.0.0.1", DISKSEAL_CONSOLE_AUTH: "required" }).consoleAuth).toBe("required");
  });

  it("refuses anything else", () => {
    expect(() => readConfig({ DISKSEAL_CONSOLE_AUTH: "none" })).toThrow(/DISKSEAL_CONSOLE_AUTH/);
  });

  it("counts only real loopback addresses", () => {
    expect(isLoopback("127.0.0.1.example.com")).toBe(false);
    expect(isLoopback("localhost.example.com")).toBe(false);
  });
});
