import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { diskStatus, printServerOutputOnFailure, REGION, refusal, runInstances, until, waitForStatus, ZONE } from "../helpers/ecs-instances";
import { copySnapshot, createImage, createSnapshot, describeImage, describeSnapshot, inventory } from "../helpers/ecs-snapshots";

/**
 * Progress on the emulator clock, with a transition long enough to watch: a snapshot goes
 * `progressing` (0% < Progress < 100%, RemainTime counting down) → `accomplished` (100%), and
 * what needs a finished snapshot refuses one that is not.
 */
const TRANSITION_MS = 3000;
let server: TestServer;
let diskId: string;

const ecs = () => server.ecs;

beforeAll(async () => {
  server = await startTestServer({ env: { DISKSEAL_TRANSITION_MS: String(TRANSITION_MS) } });
  diskId = (await ecs().createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", size: 20 }))).body!.diskId!;
  await until("the disk Available", async () => ((await diskStatus(ecs(), diskId)) === "Available" ? true : undefined), 15_000);
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

describe("snapshot progress", () => {
  it("progressing with intermediate Progress, then accomplished at 100%; unfinished snapshots are refused where they must be finished", async () => {
    const snapshotId = await createSnapshot(ecs(), diskId);
    const first = await describeSnapshot(ecs(), snapshotId);
    expect(first).toMatchObject({ status: "progressing", available: false });
    expect(first!.remainTime).toBeGreaterThan(0);

    const before = await inventory(ecs());
    expect(await refusal(createSnapshot(ecs(), diskId))).toMatchObject({ code: "IncorrectDiskStatus.CreatingSnapshot", statusCode: 403 });
    expect(await refusal(ecs().createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", snapshotId })))).toMatchObject({
      code: "InvalidSnapshot.NotReady",
      statusCode: 403,
    });
    expect(
      await refusal(copySnapshot(ecs(), { snapshotId, destinationRegionId: "cn-shanghai", destinationSnapshotName: "early", destinationSnapshotDescription: "too early" })),
    ).toMatchObject({ code: "InvalidSnapshotId.NotReady", statusCode: 403 });
    expect(await inventory(ecs())).toEqual(before);

    const seen: { status: string; progress: number }[] = [];
    await until(
      "accomplished",
      async () => {
        const snapshot = await describeSnapshot(ecs(), snapshotId);
        seen.push({ status: snapshot!.status!, progress: parseInt(snapshot!.progress!, 10) });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return snapshot?.status === "accomplished" ? snapshot : undefined;
      },
      15_000,
    );
    const intermediate = seen.filter((s) => s.status === "progressing" && s.progress > 0 && s.progress < 100);
    expect(intermediate.length).toBeGreaterThan(0);
    // Progress never goes back, and only an accomplished snapshot is at 100%.
    expect(seen.map((s) => s.progress)).toEqual([...seen.map((s) => s.progress)].sort((a, b) => a - b));
    expect(seen.filter((s) => s.progress === 100).every((s) => s.status === "accomplished")).toBe(true);
    expect(seen.at(-1)).toEqual({ status: "accomplished", progress: 100 });
  });

  it("an image goes Creating with intermediate Progress → Available at 100%", async () => {
    const [instanceId] = await runInstances(ecs(), { systemDisk: { category: "cloud_essd" } });
    await waitForStatus(ecs(), instanceId, "Running", 30_000);
    const imageId = await createImage(ecs(), { instanceId, imageName: "watched" });
    const seen: { status: string; progress: number }[] = [];
    await until(
      "Available",
      async () => {
        const image = await describeImage(ecs(), imageId);
        seen.push({ status: image!.status!, progress: parseInt(image!.progress!, 10) });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return image?.status === "Available" ? image : undefined;
      },
      15_000,
    );
    expect(seen.some((s) => s.status === "Creating" && s.progress > 0 && s.progress < 100)).toBe(true);
    expect(seen.at(-1)).toEqual({ status: "Available", progress: 100 });
  });
});
