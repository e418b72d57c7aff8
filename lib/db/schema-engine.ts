import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

// Prisma's schema engine as WebAssembly: the CLI's native engine must be downloaded from a host
// this machine cannot reach, but the npm package carries the same engine as WASM. Its JS glue
// is written for bundlers (`import * as wasm from "./x.wasm"`), so we instantiate it by hand.

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const NO_FILTER = { externalTables: [], externalEnums: [] };

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};

let initialized: Promise<void> | undefined;

function initWasm(): Promise<void> {
  initialized ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm");
    const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
    const compiled = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    (bindings as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return initialized;
}

function readSchema() {
  return { path: "schema.prisma", content: fs.readFileSync(SCHEMA_PATH, "utf8") };
}

/** The migration directories as Prisma lays them out: `<timestamp>_<name>/migration.sql`. */
export function readMigrations() {
  const directories = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

async function withEngine<T>(databaseFile: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  await initWasm();
  const schema = readSchema();
  // The engine does not close the connections it opens when freed; track and close them, or
  // the file stays locked for the server's own client.
  const opened: { dispose(): Promise<void> }[] = [];
  const factory = new PrismaBetterSqlite3({ url: `file:${databaseFile}` });
  const tracking = Object.assign(Object.create(Object.getPrototypeOf(factory)), factory, {
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
  });
  const adapter = bindMigrationAwareSqlAdapterFactory(tracking as never);
  const { SchemaEngine } = bindings as unknown as {
    SchemaEngine: { new: (o: unknown, log: (line: string) => void, a: unknown) => Promise<Engine> };
  };
  const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

/** Applies every migration in prisma/migrations not yet recorded in `_prisma_migrations`. */
export function applyMigrations(databaseFile: string): Promise<string[]> {
  return withEngine(databaseFile, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database built from the migrations to the current schema ("" when none).
 * The WASM engine has no shadow database, so the migrations are applied to a scratch file and
 * that live database is diffed against the schema.
 */
export function diffMigrationsToSchema(scratchDatabaseFile: string): Promise<string> {
  return withEngine(scratchDatabaseFile, async (engine) => {
    await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTER });
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: [readSchema()], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [readSchema()] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: NO_FILTER,
    });
    return result.stdout.includes("empty migration") ? "" : result.stdout.trim();
  });
}

export { MIGRATIONS_DIR };
