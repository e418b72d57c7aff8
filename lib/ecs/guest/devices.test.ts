import { describe, expect, it } from "vitest";
import { DeviceTable, virtioIndex, virtioName } from "@/lib/ecs/guest/devices";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";

describe("virtio disk names", () => {
  it.each([
    [0, "vda"],
    [1, "vdb"],
    [25, "vdz"],
    [26, "vdaa"],
    [27, "vdab"],
    [701, "vdzz"],
    [702, "vdaaa"],
  ])("%i is %s and back", (index, name) => {
    expect(virtioName(index)).toBe(name);
    expect(virtioIndex(name)).toBe(index);
    expect(virtioIndex(`/dev/${name}`)).toBe(index);
  });

  it("reads DescribeDisks' /dev/xvdX too, and nothing else", () => {
    expect(virtioIndex("/dev/xvdc")).toBe(2);
    expect(virtioIndex("/dev/sda")).toBeUndefined();
  });

  it("gives the lowest free name, frees it on detach, and keeps a name asked for", () => {
    const table = new DeviceTable();
    const disk = () => ({ device: new MemoryBlockDevice(4096) });
    table.attach(disk(), 0);
    expect(table.attach(disk()).name).toBe("vdb");
    expect(table.attach({ ...disk(), diskId: "d-bp1c" }).name).toBe("vdc");
    expect(table.attach(disk()).name).toBe("vdd");
    table.detach("vdb");
    expect(table.find("d-bp1c")?.serial).toBe("bp1c");
    expect(table.attach(disk()).name).toBe("vdb");
    expect(table.attach({ ...disk(), name: "/dev/xvdg" }).name).toBe("vdg");
    expect(table.attach(disk()).name).toBe("vde");
    expect(() => table.attach({ ...disk(), name: "/dev/vdg" })).toThrow(
      "/dev/vdg is already attached",
    );
  });
});
