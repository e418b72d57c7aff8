// `npm start`: builds what is missing (Prisma client, the Next build), then boots DiskSeal:
// migrations, root key, account, and the server on HOST:PORT. `--dev` serves with Next's dev
// server instead of a build; `--no-build` serves the existing build as it is (the test harness
// builds once before starting many servers).
import { ensureBuild, ensurePrismaClient } from "./ensure-build.mts";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.argv.includes("--dev");

if (dev) {
  ensurePrismaClient();
} else if (!process.argv.includes("--no-build")) {
  ensureBuild();
}

const { main, BootError } = await import("../server/main.ts");
try {
  await main({ dev });
} catch (error) {
  if (error instanceof BootError || (error as Error).message?.startsWith("Invalid environment")) {
    console.error(`DiskSeal cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  throw error;
}
