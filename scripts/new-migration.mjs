// `npm run db:new-migration -- <what_changed>`: after editing prisma/models.prisma, write the
// migration for BOTH databases, under the same folder name:
//   prisma/sqlite/migrations/<timestamp>_<what_changed>/migration.sql
//   prisma/postgresql/migrations/<timestamp>_<what_changed>/migration.sql
//
// Each is made by `prisma migrate dev` against a scratch database brought up to date first
// (a scratch SQLite file; a database in a throw-away PostgreSQL cluster), so your own
// data/gapmap.db is never touched and no PostgreSQL server needs to be running. Read both
// migration.sql files before committing them.
import fs from "node:fs";
import path from "node:path";
import { generateClients } from "./generate-prisma.mjs";
import { migrate } from "./migrate.mjs";
import { repoRoot } from "./lib/paths.mjs";
import { startCluster } from "./lib/pg-cluster.mjs";
import { runPrisma } from "./lib/prisma-cli.mjs";
import { freePort } from "./lib/proc.mjs";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error(
    "usage: npm run db:new-migration -- <what_changed>   (lower_snake_case, e.g. add_assessments)",
  );
  process.exit(2);
}

const migrationsDir = (provider) => path.join(repoRoot, "prisma", provider, "migrations");
const folders = (provider) =>
  fs.existsSync(migrationsDir(provider))
    ? new Set(fs.readdirSync(migrationsDir(provider)))
    : new Set();

/** Bring a scratch database up to date, then let migrate dev write the difference. */
async function createFor(provider, databaseUrl) {
  const before = folders(provider);
  // migrate dev on an empty SQLite database fails (P1014): deploy the existing migrations first.
  await migrate({ databaseUrl, log: () => {} });
  const { status } = runPrisma(["migrate", "dev", "--name", name, "--skip-generate"], {
    env: { DATABASE_URL: databaseUrl },
  });
  if (status !== 0) throw new Error(`prisma migrate dev failed for ${provider}`);
  return [...folders(provider)].filter((folder) => !before.has(folder));
}

const scratch = path.join(repoRoot, "tmp", `new-migration-${process.pid}.db`);
let cluster = null;
const cleanUp = () => {
  cluster?.stop();
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(scratch + suffix, { force: true });
};
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

try {
  const [sqliteFolder] = await createFor("sqlite", `file:./${path.relative(repoRoot, scratch)}`);
  if (!sqliteFolder) {
    console.log("new-migration: models.prisma matches the migrations already; nothing to write.");
    process.exit(0);
  }

  cluster = startCluster({ port: await freePort() });
  cluster.createDatabase("gapmap_migrations");
  const [postgresFolder] = await createFor("postgresql", cluster.url("gapmap_migrations"));
  if (!postgresFolder)
    throw new Error("SQLite got a migration but PostgreSQL did not: compare the two schemas");

  // Same folder name on both sides, so the two histories read side by side.
  if (postgresFolder !== sqliteFolder) {
    fs.renameSync(
      path.join(migrationsDir("postgresql"), postgresFolder),
      path.join(migrationsDir("postgresql"), sqliteFolder),
    );
  }
  console.log(`\nnew-migration: wrote
  prisma/sqlite/migrations/${sqliteFolder}/migration.sql
  prisma/postgresql/migrations/${sqliteFolder}/migration.sql
Read both, then commit them with the models.prisma change.`);
  generateClients({ log: () => {} }); // the generated clients follow models.prisma
} catch (error) {
  console.error(`new-migration: ${error.message}`);
  process.exitCode = 1;
}
