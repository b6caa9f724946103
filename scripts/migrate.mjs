// `npm run db:migrate`, and the migration step of `npm start`, the e2e server and the test setup.
//
// Applies pending migrations with `prisma migrate deploy` (never `migrate dev`: that may reset a
// database). On SQLite, when an existing database file is about to receive a migration it has not
// seen, a consistent copy goes to data/backups/ first, so a migration that goes wrong can be undone
// by copying the file back. PostgreSQL has its own backup tools; there we only deploy.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3"; // installed with @prisma/adapter-better-sqlite3
import { DEFAULT_DATABASE_URL, isMain, repoRoot, sqliteFile } from "./lib/paths.mjs";
import { runPrisma } from "./lib/prisma-cli.mjs";

const sqliteMigrations = path.join(repoRoot, "prisma", "sqlite", "migrations");
export const backupDir = path.join(repoRoot, "data", "backups");

/** Migration folder names in the repo, oldest first (their timestamp prefix sorts them). */
function migrationNames(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * What an existing SQLite file holds: whether it has any table (an empty file needs no backup)
 * and which migrations Prisma recorded as applied.
 */
function inspectSqlite(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => row.name);
    const applied = tables.includes("_prisma_migrations")
      ? db
          .prepare(
            "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
          )
          .all()
          .map((row) => row.migration_name)
      : [];
    return { hasTables: tables.length > 0, applied: new Set(applied) };
  } finally {
    db.close();
  }
}

function timestamp(date = new Date()) {
  // 2026-11-25T15:30:22.123Z -> 20261125-153022 (sortable, no characters awkward in file names)
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/**
 * Copy a SQLite database with SQLite's online backup API: consistent even if a server has the
 * file open (a plain file copy could catch a half-written page or miss the WAL).
 */
export async function backupSqlite(file, dir = backupDir) {
  fs.mkdirSync(dir, { recursive: true });
  const name = path.basename(file).replace(/\.db$/, "");
  const target = path.join(dir, `${name}-${timestamp()}.db`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}

/**
 * Bring the database at `databaseUrl` up to date. Returns { pending, backup } where `pending`
 * lists the SQLite migrations that were missing (empty for PostgreSQL, where Prisma reports
 * itself) and `backup` is the copy made first, if any. Throws when the deploy fails.
 */
export async function migrate({
  databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  log = console.log,
} = {}) {
  // data/ holds the default database and backups; git ignores it, so a fresh clone lacks it.
  fs.mkdirSync(path.join(repoRoot, "data"), { recursive: true });

  let pending = [];
  let backup = null;
  const file = sqliteFile(databaseUrl);
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file) && fs.statSync(file).size > 0) {
      const { hasTables, applied } = inspectSqlite(file);
      pending = migrationNames(sqliteMigrations).filter((name) => !applied.has(name));
      if (pending.length > 0 && hasTables) {
        backup = await backupSqlite(file);
        log(
          `migrate: ${pending.length} new migration(s) for ${path.relative(repoRoot, file)}; backup first: ${path.relative(repoRoot, backup)}`,
        );
      }
    }
  }

  const { status, stdout, stderr } = runPrisma(["migrate", "deploy"], {
    env: { DATABASE_URL: databaseUrl },
    quiet: true,
  });
  if (status !== 0) {
    process.stderr.write(stdout + stderr);
    throw new Error(`prisma migrate deploy failed (exit ${status}) for ${redact(databaseUrl)}`);
  }
  // Prisma's own output is mostly a warning about the url line we must keep (see
  // prisma.config.ts); print only which migrations it applied.
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, ""); // colour codes (FORCE_COLOR under Playwright)
  const appliedNow = [...plain.matchAll(/(\d{14}_[\w-]+)\//g)].map((m) => m[1]);
  log(
    appliedNow.length > 0
      ? `migrate: applied ${appliedNow.join(", ")}`
      : "migrate: database is up to date",
  );
  return { pending, backup };
}

/** A database URL fit for a log line: no password. */
export function redact(databaseUrl) {
  return databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

if (isMain(import.meta.url)) {
  try {
    await migrate();
  } catch (error) {
    console.error(`db:migrate: ${error.message}`);
    process.exit(1);
  }
}
