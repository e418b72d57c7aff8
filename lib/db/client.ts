import type BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The interactive-transaction client, for services that accept an optional `tx`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type Sqlite = BetterSqlite3.Database;

/**
 * Opens the SQLite file in WAL mode: readers never wait for the (batched) writers. Also returns
 * the very connection Prisma's adapter uses, for the one hot path that needs a prepared
 * statement (the adapter prepares every statement anew). It is the same connection, not a
 * second writer, so the two never wait on each other's locks.
 */
export async function openDatabase(databaseFile: string): Promise<{ db: Db; sqlite: Sqlite }> {
  const factory = new PrismaBetterSqlite3({ url: `file:${databaseFile}`, timeout: 10_000 });
  let sqlite: Sqlite | undefined;
  const capturing = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      sqlite = (adapter as unknown as { client: Sqlite }).client;
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const db = new PrismaClient({ adapter: capturing as unknown as PrismaBetterSqlite3 });
  await db.$connect();
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  if (!sqlite) throw new Error("Prisma did not open its SQLite connection.");
  return { db, sqlite };
}
