import { describe, expect, it } from "vitest";
import type { Medium } from "@/lib/storage";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";
import { DeviceReleasedError, KeyedDevice } from "@/lib/ecs/hypervisor/keyed-device";

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};
const mediumOf = (device: MemoryBlockDevice) => device as unknown as Medium;
const sector = (byte: number) => Buffer.alloc(4096, byte);

describe("a keyed device", () => {
  it("holds I/O while it has no key and lets it through, in order, once connected", async () => {
    const memory = new MemoryBlockDevice(16 * 4096);
    const device = new KeyedDevice("d-1", 16 * 4096);
    const order: string[] = [];
    const write = device.write(0, sector(1)).then(() => order.push("write"));
    const read = device.read(0, 4096).then((data) => {
      order.push("read");
      return data;
    });
    await settle();
    expect([order, device.waiting, device.isConnected]).toEqual([[], 2, false]);
    device.connect(mediumOf(memory));
    expect((await read)[0]).toBe(1);
    await write;
    expect(order).toEqual(["write", "read"]);
  });

  it("fails the I/O of a boot that is over when the key is dropped, and all I/O once released", async () => {
    const memory = new MemoryBlockDevice(16 * 4096);
    const device = new KeyedDevice("d-1", 16 * 4096);
    device.connect(mediumOf(memory));
    expect(device.disconnect({ abortWaiting: true })).toBe(memory);
    const stale = device.write(0, sector(2));
    device.disconnect({ abortWaiting: true });
    await expect(stale).rejects.toBeInstanceOf(DeviceReleasedError);
    const waiting = device.flush();
    expect(device.release()).toBeNull();
    await expect(waiting).rejects.toBeInstanceOf(DeviceReleasedError);
    await expect(device.read(0, 4096)).rejects.toBeInstanceOf(DeviceReleasedError);
    expect(() => device.connect(mediumOf(memory))).toThrow(DeviceReleasedError);
    expect((await memory.read(0, 4096))[0]).toBe(0);
  });
});
