import { $Ecs } from "./sdk";
import type { TestServer } from "./server";

/** Shortcuts of the disks integration tests (tests/integration/ecs-disks*.test.ts). */
export type EcsClient = TestServer["ecs"];
export type CreateDiskParams = NonNullable<ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0]>;
export type DescribeDisksParams = NonNullable<
  ConstructorParameters<typeof $Ecs.DescribeDisksRequest>[0]
>;

export async function createDisk(ecs: EcsClient, params: CreateDiskParams): Promise<string> {
  const response = await ecs.createDisk(
    new $Ecs.CreateDiskRequest({ regionId: "cn-hangzhou", ...params }),
  );
  return response.body!.diskId!;
}

export async function describeDisks(ecs: EcsClient, params: DescribeDisksParams) {
  return (
    await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: "cn-hangzhou", ...params }))
  ).body!;
}

export async function describeDisk(ecs: EcsClient, diskId: string, regionId = "cn-hangzhou") {
  const body = await describeDisks(ecs, { regionId, diskIds: JSON.stringify([diskId]) });
  return body.disks?.disk?.[0];
}

/** DiskSeal: moves the emulator clock so that what became due (Creating → Available) is applied. */
export async function advanceClock(
  server: Pick<TestServer, "pop">,
  seconds: number,
): Promise<void> {
  await server.pop("2026-11-28").request("AdvanceEmulatorClock", { Seconds: seconds });
}

export const diskseal = (server: Pick<TestServer, "pop">) => server.pop("2026-11-28");
export const ecsPop = (server: Pick<TestServer, "pop">) => server.pop("2014-05-26");

/** The account id, as the audit trail names the root principal (`root@<account>`). */
export async function accountOf(server: Pick<TestServer, "pop">): Promise<string> {
  await server.pop("2014-05-26").request("DescribeRegions", {});
  const { Events } = await diskseal(server).request<{ Events: { Principal: string }[] }>(
    "LookupEvents",
    { EventName: "DescribeRegions", MaxResults: 1 },
  );
  return Events[0].Principal.split("@")[1];
}
