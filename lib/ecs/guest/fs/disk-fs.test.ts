import { describe, expect, it } from "vitest";
import { FsError, NotFormattedError } from "@/lib/ecs/guest/fs/errors";
import { BLOCK_SIZE } from "@/lib/ecs/guest/fs/layout";
import { mkfs, mountFilesystem, probeFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import { fsck } from "@/lib/ecs/guest/testing/fsck";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";

const MiB = 1024 * 1024;
const p = (path: string) => path.split("/").filter(Boolean);

async function freshFs(sizeBytes = 16 * MiB, flavour: "ext4" | "ntfs" = "ext4") {
  const device = new MemoryBlockDevice(sizeBytes);
  await mkfs(device, { flavour });
  return { device, fs: await mountFilesystem(device) };
}

async function remount(device: MemoryBlockDevice) {
  return mountFilesystem(device);
}

describe("mkfs and mount", () => {
  it("refuses to mount an unformatted device", async () => {
    await expect(mountFilesystem(new MemoryBlockDevice(16 * MiB))).rejects.toBeInstanceOf(
      NotFormattedError,
    );
  });

  it("formats an ext4-flavoured volume with lost+found, and an NTFS one without", async () => {
    const { device, fs } = await freshFs();
    expect(await fs.readdir([])).toEqual([{ name: "lost+found", type: "dir" }]);
    expect((await probeFilesystem(device))?.flavour).toBe("ext4");
    const ntfs = await freshFs(16 * MiB, "ntfs");
    expect(await ntfs.fs.readdir([])).toEqual([]);
    expect(ntfs.fs.usage().flavour).toBe("ntfs");
  });

  it("formats a 64 TiB device with a handful of writes (lazily initialized bitmaps)", async () => {
    const device = new MemoryBlockDevice(64 * 1024 * 1024 * MiB);
    await mkfs(device, { flavour: "ext4" });
    expect(device.stats.writes).toBeLessThan(40);
    const fs = await mountFilesystem(device);
    await fs.writeFile(["big.txt"], Buffer.from("far away"));
    await fs.unmount();
    const again = await remount(device);
    expect((await again.readFile(["big.txt"])).toString()).toBe("far away");
    expect(again.usage().totalBlocks).toBe(16 * 1024 * 1024 * 1024);
  });
});

describe("files and directories", () => {
  it("keeps files across unmount and mount, stored in the device's sectors", async () => {
    const { device, fs } = await freshFs();
    await fs.mkdir(["data"]);
    await fs.writeFile(["data", "a.txt"], Buffer.from("hello\n"));
    await fs.sync();
    const hits = device.find("hello\n");
    expect(hits).toHaveLength(1);
    expect(hits[0] % BLOCK_SIZE).toBe(0);
    await fs.unmount();
    const again = await remount(device);
    expect((await again.readFile(p("data/a.txt"))).toString()).toBe("hello\n");
    expect((await fsck(device)).problems).toEqual([]);
  });

  it("appends in place and across blocks, and rewrites copy-on-write", async () => {
    const { device, fs } = await freshFs();
    const chunk = Buffer.alloc(3000, "x");
    await fs.writeFile(["f"], chunk);
    await fs.writeFile(["f"], chunk, { append: true });
    await fs.writeFile(["f"], Buffer.from("tail"), { append: true });
    expect((await fs.readFile(["f"])).toString()).toBe("x".repeat(6000) + "tail");
    await fs.writeFile(["f"], Buffer.from("short"));
    await fs.unmount();
    const again = await remount(device);
    expect((await again.readFile(["f"])).toString()).toBe("short");
    expect((await again.stat(["f"])).size).toBe(5);
    await again.unmount();
    expect((await fsck(device)).problems).toEqual([]);
  });

  it("spills extents into an overflow chain when a file is fragmented", async () => {
    const { device, fs } = await freshFs();
    // Interleave two files' appends so that neither gets contiguous blocks.
    let expected = "";
    for (let i = 0; i < 40; i++) {
      const part = String(i % 10).repeat(BLOCK_SIZE);
      await fs.writeFile(["frag"], Buffer.from(part), { append: true });
      await fs.writeFile(["other"], Buffer.from(part), { append: true });
      expected += part;
    }
    await fs.unmount();
    const again = await remount(device);
    expect((await again.readFile(["frag"])).toString()).toBe(expected);
    await again.unlink(["frag"]);
    await again.unmount();
    const { problems, tree } = await fsck(device);
    expect(problems).toEqual([]);
    expect([...tree.keys()]).toEqual(["/lost+found", "/other"]);
  });

  it("reports errors as errno codes", async () => {
    const { fs } = await freshFs();
    await fs.mkdir(["d"]);
    await fs.writeFile(["d", "f"], Buffer.from("1"));
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (error: FsError) => error.code,
      );
    expect(await code(fs.readFile(["missing"]))).toBe("ENOENT");
    expect(await code(fs.readFile(["d"]))).toBe("EISDIR");
    expect(await code(fs.mkdir(["d"]))).toBe("EEXIST");
    expect(await code(fs.mkdir(["x", "y"]))).toBe("ENOENT");
    expect(await code(fs.writeFile(["d", "f", "g"], Buffer.from("")))).toBe("ENOTDIR");
    expect(await code(fs.rmdir(["d"]))).toBe("ENOTEMPTY");
    expect(await code(fs.unlink(["d"]))).toBe("EISDIR");
    expect(await code(fs.rmdir(["d", "f"]))).toBe("ENOTDIR");
    expect(await code(fs.rename(["d"], ["d", "sub"]))).toBe("EINVAL");
    expect(await code(fs.writeFile(["d"], Buffer.from("")))).toBe("EISDIR");
  });

  it("renames files and directories, replacing a file at the target", async () => {
    const { device, fs } = await freshFs();
    await fs.mkdir(["a"]);
    await fs.mkdir(["b"]);
    await fs.writeFile(["a", "x"], Buffer.from("x"));
    await fs.writeFile(["b", "y"], Buffer.from("y"));
    await fs.rename(["a", "x"], ["b", "y"]);
    await fs.rename(["a"], ["b", "a2"]);
    await fs.unmount();
    const { problems, tree } = await fsck(device);
    expect(problems).toEqual([]);
    expect(Object.fromEntries([...tree].map(([k, v]) => [k, v?.toString() ?? "dir"]))).toEqual({
      "/lost+found": "dir",
      "/b": "dir",
      "/b/y": "x",
      "/b/a2": "dir",
    });
  });

  it("runs out of space with ENOSPC, and rm still works on a full disk", async () => {
    const { device, fs } = await freshFs(4 * MiB);
    const available = () => fs.usage().freeBlocks - fs.usage().reservedBlocks;
    const free = available();
    const tooBig = Buffer.alloc((free + 1) * BLOCK_SIZE);
    await expect(fs.writeFile(["huge"], tooBig)).rejects.toMatchObject({ code: "ENOSPC" });
    await fs.writeFile(["fits"], Buffer.alloc(free * BLOCK_SIZE, 1));
    expect(available()).toBe(0);
    await expect(fs.writeFile(["more"], Buffer.from("x"))).rejects.toMatchObject({
      code: "ENOSPC",
    });
    await fs.mkdir(["still-possible"]);
    await fs.unlink(["fits"]);
    await fs.rmdir(["still-possible"]);
    expect(available()).toBe(free);
    await fs.sync();
    await fs.writeFile(["again"], Buffer.alloc((free - 2) * BLOCK_SIZE, 2));
    await fs.unmount();
    expect((await fsck(device)).problems).toEqual([]);
  });

  it("is case-insensitive and case-preserving on an NTFS-flavoured volume", async () => {
    const { fs } = await freshFs(16 * MiB, "ntfs");
    await fs.mkdir(["Users"]);
    await fs.writeFile(["users", "Notes.TXT"], Buffer.from("hi"));
    expect((await fs.readFile(["USERS", "notes.txt"])).toString()).toBe("hi");
    expect(await fs.readdir(["users"])).toEqual([{ name: "Notes.TXT", type: "file" }]);
  });

  it("survives more metadata changes than the journal holds in one transaction", async () => {
    const { device, fs } = await freshFs();
    for (let i = 0; i < 300; i++) await fs.writeFile([`f${i}`], Buffer.from(`file ${i}`));
    await fs.unmount();
    const again = await remount(device);
    expect((await again.readdir([])).length).toBe(301);
    expect((await again.readFile(["f299"])).toString()).toBe("file 299");
    await again.unmount();
    expect((await fsck(device)).problems).toEqual([]);
  });
});
