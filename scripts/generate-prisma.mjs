// postinstall: generate the Prisma client for both providers.
//
// The app picks SQLite or PostgreSQL at run time from DATABASE_URL, so both clients must exist:
// lib/generated/sqlite and lib/generated/postgresql (git-ignored, rebuilt on every install).
// prisma.config.ts chooses the schema folder from the DATABASE_URL scheme, so we run `prisma
// generate` once per provider with a placeholder URL of that scheme. Nothing connects to it:
// generate only needs the url = env("DATABASE_URL") line to resolve (otherwise the CLI falls back
// to the library engine and tries to download it, which fails offline).
import { runPrisma } from "./lib/prisma-cli.mjs";

const placeholders = {
  sqlite: "file:./data/gapmap.db",
  postgresql: "postgresql://postgres@127.0.0.1:5432/gapmap_generate_only",
};

for (const [provider, url] of Object.entries(placeholders)) {
  const started = Date.now();
  const { status } = runPrisma(["generate"], { env: { DATABASE_URL: url }, quiet: true });
  if (status !== 0) {
    // Re-run loudly so the install log shows why.
    runPrisma(["generate"], { env: { DATABASE_URL: url } });
    console.error(`generate-prisma: prisma generate failed for ${provider}`);
    process.exit(status ?? 1);
  }
  console.log(
    `generate-prisma: ${provider} client -> lib/generated/${provider} (${Date.now() - started} ms)`,
  );
}
