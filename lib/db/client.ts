import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The interactive-transaction client, for services that accept an optional `tx`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Opens the SQLite file in WAL mode: readers never wait for the (batched) writers. */
export async function openDatabase(databaseFile: string): Promise<Db> {
  const db = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${databaseFile}`, timeout: 10_000 }),
  });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
