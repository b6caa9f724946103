// The server Playwright starts (playwright.config.ts `webServer`): the real app, prepared the
// way `npm start` prepares it, but on its own throw-away database so a test run never touches
// data/gapmap.db and always starts from the same seeded state.
import fs from "node:fs";
import path from "node:path";
import { migrate } from "./migrate.mjs";
import { appEnv, buildIfNeeded, seed, serverScript } from "./start.mjs";
import { repoRoot } from "./lib/paths.mjs";
import { runNode } from "./lib/proc.mjs";

// Fixed values, so tests are repeatable and never read or write the developer's secret file.
const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789";
const dbFile = path.join(repoRoot, "tmp", "e2e", "gapmap.db");

async function main() {
  const port = Number(process.env.E2E_PORT || 3297);
  process.env.NEXTAUTH_SECRET = E2E_SECRET;
  process.env.DATABASE_URL = `file:./${path.relative(repoRoot, dbFile)}`;
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  // The webhook specs run their receiver on this machine (docs/webhooks.md): tests only.
  process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK = "1";
  const { env } = appEnv({ port });

  // Start from nothing: the database file and SQLite's side files from a previous run.
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(dbFile + suffix, { force: true });
  await migrate({ databaseUrl: env.DATABASE_URL, log: (line) => console.log(`[e2e] ${line}`) });
  await seed(env);
  await buildIfNeeded(env);

  console.log(`[e2e] serving on http://localhost:${port}`);
  process.exitCode = await runNode([serverScript, "-p", String(port)], { env });
}

main().catch((error) => {
  console.error(`e2e-server: ${error.message}`);
  process.exit(1);
});
