import path from "node:path";
import { defineConfig } from "prisma/config";

// Used only by the Prisma CLI (generate/validate). The server and scripts/db.mts resolve the
// database from DISKSEAL_DATA_DIR themselves (lib/config.ts).
const dataDir = process.env.DISKSEAL_DATA_DIR ?? "./data";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: `file:${path.resolve(dataDir, "diskseal.db")}` },
});
