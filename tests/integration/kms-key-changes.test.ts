import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** Changing keys through both official clients: description, enable/disable, deletion and its protection, tags. */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

type Metadata = Record<string, string>;

describe.each(["sdk", "pop"] as const)("key changes through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const create = async (params: Record<string, unknown> = {}) =>
    (await call<{ KeyMetadata: Metadata }>("CreateKey", params)).KeyMetadata;

  it("updates the description, disables and enables", async () => {
    const { KeyId } = await create();
    await call("UpdateKeyDescription", { KeyId, Description: "renamed" });
    await call("DisableKey", { KeyId });
    expect(
      (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId })).KeyMetadata,
    ).toMatchObject({ Description: "renamed", KeyState: "Disabled" });
    await call("DisableKey", { KeyId });
    await call("EnableKey", { KeyId });
    expect(
      (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId })).KeyMetadata.KeyState,
    ).toBe("Enabled");
  });

  it("schedules deletion within 7–366 days and cancels back to Enabled", async () => {
    const { KeyId } = await create();
    for (const days of [6, 367]) {
      expect(
        await failureOf(call("ScheduleKeyDeletion", { KeyId, PendingWindowInDays: days })),
      ).toMatchObject({ code: "InvalidParameter", status: 400 });
    }
    await call("DisableKey", { KeyId });
    await call("ScheduleKeyDeletion", { KeyId, PendingWindowInDays: 7 });
    const pending = (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId })).KeyMetadata;
    expect(pending.KeyState).toBe("PendingDeletion");
    expect(Date.parse(pending.DeleteDate) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    await call("CancelKeyDeletion", { KeyId });
    const back = (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId })).KeyMetadata;
    expect(back.KeyState).toBe("Enabled");
    expect(back.DeleteDate).toBeUndefined();
  });

  it("protects a key from deletion while asked to", async () => {
    const key = await create();
    await call("SetDeletionProtection", {
      ProtectedResourceArn: key.Arn,
      EnableDeletionProtection: true,
      DeletionProtectionDescription: "used by orders",
    });
    expect(
      await failureOf(call("ScheduleKeyDeletion", { KeyId: key.KeyId, PendingWindowInDays: 7 })),
    ).toMatchObject({ code: "Forbidden.DeletionProtection", status: 403 });
    const described = (
      await clients.pop<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId: key.KeyId })
    ).KeyMetadata;
    expect(described).toMatchObject({
      DeletionProtection: "Enabled",
      DeletionProtectionDescription: "used by orders",
    });
    await call("SetDeletionProtection", { KeyId: key.KeyId, EnableDeletionProtection: false });
    await call("ScheduleKeyDeletion", { KeyId: key.KeyId, PendingWindowInDays: 7 });
    expect(
      await failureOf(call("SetDeletionProtection", { EnableDeletionProtection: true })),
    ).toMatchObject({ code: "MissingParameter" });
  });

  it("tags keys, at most 10", async () => {
    const { KeyId } = await create({ Tags: JSON.stringify([{ TagKey: "team", TagValue: "db" }]) });
    await call("TagResource", {
      KeyId,
      Tags: JSON.stringify([
        { TagKey: "env", TagValue: "prod" },
        { TagKey: "team", TagValue: "core" },
      ]),
    });
    type Tags = { Tags: { Tag: { KeyId: string; TagKey: string; TagValue: string }[] } };
    expect((await call<Tags>("ListResourceTags", { KeyId })).Tags.Tag).toEqual([
      { KeyId, TagKey: "env", TagValue: "prod" },
      { KeyId, TagKey: "team", TagValue: "core" },
    ]);
    await call("UntagResource", { KeyId, TagKeys: JSON.stringify(["env", "absent"]) });
    expect((await call<Tags>("ListResourceTags", { KeyId })).Tags.Tag.map((t) => t.TagKey)).toEqual(
      ["team"],
    );
    const nine = Array.from({ length: 9 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
    await call("TagResource", { KeyId, Tags: JSON.stringify(nine) });
    expect(
      await failureOf(
        call("TagResource", {
          KeyId,
          Tags: JSON.stringify([{ TagKey: "one-more", TagValue: "v" }]),
        }),
      ),
    ).toMatchObject({ code: "Rejected.LimitExceeded", status: 400 });
    expect(
      await failureOf(call("TagResource", { KeyId, Tags: '[{"TagKey":"acs:x","TagValue":"v"}]' })),
    ).toMatchObject({ code: "InvalidParameter" });
  });
});
