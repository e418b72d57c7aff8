import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases, ListAliasesByKeyId through both clients. */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

type Aliases = {
  Aliases: { Alias: { AliasName: string; AliasArn: string; KeyId: string }[] };
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
};

describe.each(["sdk", "pop"] as const)("aliases through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const createKey = async (params: Record<string, unknown> = {}) =>
    (await call<{ KeyMetadata: { KeyId: string; Arn: string } }>("CreateKey", params)).KeyMetadata;
  const prefix = `alias/${clientName}`;

  it("creates, moves, lists and deletes aliases", async () => {
    const first = await createKey();
    const second = await createKey();
    await call("CreateAlias", { AliasName: `${prefix}/app`, KeyId: first.KeyId });
    await call("CreateAlias", { AliasName: `${prefix}/app-backup`, KeyId: first.Arn });
    expect(
      await failureOf(call("CreateAlias", { AliasName: `${prefix}/app`, KeyId: second.KeyId })),
    ).toMatchObject({ code: "AliasAlreadyExists", status: 400 });

    const byKey = await call<Aliases>("ListAliasesByKeyId", { KeyId: `${prefix}/app` });
    expect(byKey.Aliases.Alias).toEqual([
      {
        AliasName: `${prefix}/app`,
        AliasArn: first.Arn.replace(/key\/.*/, `${prefix}/app`),
        KeyId: first.KeyId,
      },
      {
        AliasName: `${prefix}/app-backup`,
        AliasArn: first.Arn.replace(/key\/.*/, `${prefix}/app-backup`),
        KeyId: first.KeyId,
      },
    ]);
    expect(byKey).toMatchObject({ TotalCount: 2, PageNumber: 1, PageSize: 10 });

    await call("UpdateAlias", { AliasName: `${prefix}/app`, KeyId: second.KeyId });
    const moved = await call<{ KeyMetadata: { KeyId: string } }>("DescribeKey", {
      KeyId: `${prefix}/app`,
    });
    expect(moved.KeyMetadata.KeyId).toBe(second.KeyId);
    expect(
      await failureOf(call("UpdateAlias", { AliasName: `${prefix}/none`, KeyId: second.KeyId })),
    ).toMatchObject({ code: "Forbidden.AliasNotFound", status: 404 });

    const all = await call<Aliases>("ListAliases", { PageSize: 100 });
    expect(
      all.Aliases.Alias.filter((a) => a.AliasName.startsWith(prefix)).map(
        (a) => `${a.AliasName}→${a.KeyId}`,
      ),
    ).toEqual([`${prefix}/app→${second.KeyId}`, `${prefix}/app-backup→${first.KeyId}`]);
    const paged = await call<Aliases>("ListAliases", { PageSize: 1, PageNumber: 2 });
    expect(paged.Aliases.Alias).toHaveLength(1);
    expect(paged.TotalCount).toBe(all.TotalCount);

    await call("DeleteAlias", { AliasName: `${prefix}/app` });
    expect(await failureOf(call("DescribeKey", { KeyId: `${prefix}/app` }))).toMatchObject({
      code: "Forbidden.AliasNotFound",
    });
    expect(await failureOf(call("DeleteAlias", { AliasName: `${prefix}/app` }))).toMatchObject({
      code: "Forbidden.AliasNotFound",
      status: 404,
    });
    expect(
      (await call<{ KeyMetadata: { KeyState: string } }>("DescribeKey", { KeyId: second.KeyId }))
        .KeyMetadata.KeyState,
    ).toBe("Enabled");
  });

  it("keeps aliases per region", async () => {
    const hangzhou = await createKey();
    const shanghai = await createKey({ RegionId: "cn-shanghai" });
    await call("CreateAlias", { AliasName: `${prefix}/regional`, KeyId: hangzhou.KeyId });
    await call("CreateAlias", { AliasName: `${prefix}/regional`, KeyId: shanghai.Arn });
    expect(
      (
        await call<{ KeyMetadata: { KeyId: string } }>("DescribeKey", {
          KeyId: `${prefix}/regional`,
        })
      ).KeyMetadata.KeyId,
    ).toBe(hangzhou.KeyId);
    const shanghaiAlias = shanghai.Arn.replace(/key\/.*/, `${prefix}/regional`);
    expect(
      (await call<{ KeyMetadata: { KeyId: string } }>("DescribeKey", { KeyId: shanghaiAlias }))
        .KeyMetadata.KeyId,
    ).toBe(shanghai.KeyId);
    const inShanghai = (
      await call<Aliases>("ListAliases", { RegionId: "cn-shanghai" })
    ).Aliases.Alias.filter((a) => a.AliasName.startsWith(prefix));
    expect(inShanghai.map((a) => a.KeyId)).toEqual([shanghai.KeyId]);
  });

  it.each([
    ["app", "InvalidParameter"],
    ["alias/", "InvalidParameter"],
    ["alias/has space", "InvalidParameter"],
    ["alias/acs/ecs", "InvalidParameter"],
    ["alias/ACS/mine", "InvalidParameter"],
    [`alias/${"x".repeat(250)}`, "InvalidParameter"],
  ])("refuses the alias name %j", async (AliasName, code) => {
    const { KeyId } = await createKey();
    expect(await failureOf(call("CreateAlias", { AliasName, KeyId }))).toMatchObject({
      code,
      status: 400,
    });
  });

  it("needs an existing key", async () => {
    expect(
      await failureOf(
        call("CreateAlias", { AliasName: `${prefix}/orphan`, KeyId: "key-none000000000000000000" }),
      ),
    ).toMatchObject({ code: "Forbidden.KeyNotFound", status: 404 });
    expect(await failureOf(call("CreateAlias", { AliasName: `${prefix}/orphan` }))).toMatchObject({
      code: "MissingParameter",
      status: 400,
    });
  });
});
