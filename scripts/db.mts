// Database tooling that works offline (see SETUP-NOTES: the Prisma CLI's native engine cannot be
// downloaded here). `generate` runs Prisma's own generator (it runs in WASM); `migrate NAME`
// writes a new migration from the schema; `check` fails when schema and migrations disagree.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffMigrationsToSchema, MIGRATIONS_DIR } from "../lib/db/schema-engine";

const [command, name] = process.argv.slice(2);

function scratchDatabase() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-db-")), "scratch.db");
}

function migrationTimestamp() {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

switch (command) {
  case "generate":
    // Generate runs in WASM; the CLI still insists on a schema-engine path, any file will do.
    execFileSync("npx", ["prisma", "generate"], {
      stdio: "inherit",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    break;
  case "migrate": {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migrate -- <snake_case_name>");
    const sql = await diffMigrationsToSchema(scratchDatabase());
    if (!sql) {
      console.log("Schema and migrations agree: nothing to migrate.");
      break;
    }
    const dir = path.join(MIGRATIONS_DIR, `${migrationTimestamp()}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    break;
  }
  case "check": {
    const sql = await diffMigrationsToSchema(scratchDatabase());
    if (sql) {
      console.error("prisma/schema.prisma and prisma/migrations disagree. Missing migration:\n" + sql);
      process.exit(1);
    }
    console.log("prisma/schema.prisma and prisma/migrations agree.");
    break;
  }
  default:
    console.error("usage: tsx scripts/db.mts generate | migrate <name> | check");
    process.exit(2);
}
