// postinstall: generate the Prisma client for both providers.
//
// The app picks SQLite or PostgreSQL at run time from DATABASE_URL, so both clients must exist:
// lib/generated/sqlite and lib/generated/postgresql (git-ignored, rebuilt on every install).
// prisma.config.ts chooses the schema folder from the DATABASE_URL scheme, so we run `prisma
// generate` once per provider with a placeholder URL of that scheme. Nothing connects to it:
// generate only needs the url = env("DATABASE_URL") line to resolve (otherwise the CLI falls back
// to the library engine and tries to download it, which fails offline).
import { isMain } from "./lib/paths.mjs";
import { runPrisma } from "./lib/prisma-cli.mjs";

const placeholders = {
  sqlite: "file:./data/gapmap.db",
  postgresql: "postgresql://postgres@127.0.0.1:5432/gapmap_generate_only",
};

/** Generate both clients; throws (after printing Prisma's output) when one fails. */
export function generateClients({ log = console.log } = {}) {
  for (const [provider, url] of Object.entries(placeholders)) {
    const started = Date.now();
    const { status, stdout, stderr } = runPrisma(["generate"], {
      env: { DATABASE_URL: url },
      quiet: true,
    });
    if (status !== 0) {
      process.stderr.write(stdout + stderr);
      throw new Error(`prisma generate failed for ${provider}`);
    }
    log(
      `generate-prisma: ${provider} client -> lib/generated/${provider} (${Date.now() - started} ms)`,
    );
  }
}

if (isMain(import.meta.url)) {
  try {
    generateClients();
  } catch (error) {
    console.error(`generate-prisma: ${error.message}`);
    process.exit(1);
  }
}
