import { describe, expect, it } from "vitest";
import type { DiskFs } from "@/lib/ecs/guest/fs/disk-fs";
import { mkfs, mountFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import { fsck } from "@/lib/ecs/guest/testing/fsck";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";

/*
 * Crash consistency: run a random workload and, at device operations along the way, cut the
 * power — keep what was flushed, plus none, all, or a random subset of the writes issued
 * since. Every such image must mount, pass fsck, and show exactly the tree of some moment
 * between the last completed `sync` and the operation in flight: nothing synced is lost,
 * nothing half-done is seen.
 */

type Tree = Map<string, string | null>;

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function describeTree(tree: Map<string, Buffer | string | null>): string {
  return [...tree]
    .map(([path, content]) => `${path}=${content === null ? "<dir>" : content.toString()}`)
    .sort()
    .join("\n");
}

async function runWorkload(seed: number) {
  const random = rng(seed);
  const device = new MemoryBlockDevice(4 * 1024 * 1024);
  await mkfs(device, { flavour: "ext4" });
  const fs: DiskFs = await mountFilesystem(device);
  const model: Tree = new Map([["/lost+found", null]]);
  const states: string[] = [describeTree(model)];
  let lastSynced = 0;
  const images: { image: Map<number, Buffer>; from: number; to: number }[] = [];
  let operations = 0;
  device.onOperation = () => {
    operations++;
    if (operations % 3 !== 0) return;
    const range = { from: lastSynced, to: states.length };
    const pending = device.unflushedWrites;
    images.push({ ...range, image: device.durableImage(() => false) });
    if (pending > 0) {
      images.push({ ...range, image: device.durableImage(() => true) });
      images.push({ ...range, image: device.durableImage(() => random() < 0.5) });
    }
  };
  const dirs = () => [...model].filter(([, v]) => v === null).map(([k]) => k);
  const files = () => [...model].filter(([, v]) => v !== null).map(([k]) => k);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const parts = (path: string) => path.split("/").filter(Boolean);

  for (let step = 0; step < 120; step++) {
    const roll = random();
    const text = `step ${step} `.repeat(1 + Math.floor(random() * (random() < 0.2 ? 900 : 20)));
    if (roll < 0.15) {
      const path = `${pick(["", ...dirs()])}/d${step}`;
      await fs.mkdir(parts(path));
      model.set(path, null);
    } else if (roll < 0.45 || files().length === 0) {
      const path = `${pick(["", ...dirs()])}/f${step}`;
      await fs.writeFile(parts(path), Buffer.from(text));
      model.set(path, text);
    } else if (roll < 0.6) {
      const path = pick(files());
      await fs.writeFile(parts(path), Buffer.from(text));
      model.set(path, text);
    } else if (roll < 0.75) {
      const path = pick(files());
      await fs.writeFile(parts(path), Buffer.from(text), { append: true });
      model.set(path, model.get(path) + text);
    } else if (roll < 0.82) {
      const path = pick(files());
      await fs.unlink(parts(path));
      model.delete(path);
    } else if (roll < 0.87) {
      const from = pick(files());
      const to = `${pick(["", ...dirs()])}/r${step}`;
      await fs.rename(parts(from), parts(to));
      model.set(to, model.get(from)!);
      model.delete(from);
    } else {
      await fs.sync();
      lastSynced = states.length - 1;
      continue;
    }
    states.push(describeTree(model));
  }
  await fs.unmount();
  return { images, states };
}

describe("crash consistency", () => {
  it.each([1, 2, 3])(
    "every power-cut image mounts, is consistent and holds what was synced (seed %i)",
    async (seed) => {
      const { images, states } = await runWorkload(seed);
      expect(images.length).toBeGreaterThan(100);
      for (const { image, from, to } of images) {
        const device = new MemoryBlockDevice(4 * 1024 * 1024, image);
        const fs = await mountFilesystem(device);
        await fs.unmount();
        const { problems, tree } = await fsck(device);
        expect(problems).toEqual([]);
        const seen = describeTree(tree);
        const allowed = states.slice(from, to + 1);
        expect(allowed, `image must show a state between sync #${from} and op #${to}`).toContain(
          seen,
        );
      }
    },
  );
});
