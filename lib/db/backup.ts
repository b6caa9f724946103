import "server-only";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  copyFileSync,
  rmSync,
  openSync,
  readSync,
  closeSync,
} from "node:fs";
import path from "node:path";
import { disconnectDb, getDb, databaseProvider, databaseUrl } from "./client";

// Backup and restore of the embedded SQLite database. PostgreSQL has its own tools (pg_dump).

export class BackupError extends Error {}

export function sqliteFilePath(url = databaseUrl()): string {
  if (databaseProvider(url) !== "sqlite") {
    throw new BackupError(
      "backup and restore work on the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore",
    );
  }
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** An online, consistent copy: VACUUM INTO reads one snapshot while the server keeps writing. */
export async function backupSqlite(target: string): Promise<{ file: string; bytes: number }> {
  const source = sqliteFilePath();
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  const file = path.resolve(target);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name`);
  mkdirSync(path.dirname(file), { recursive: true });
  await getDb().$executeRawUnsafe(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
  return { file, bytes: readFileSync(file).byteLength };
}

function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString("latin1") === "SQLite format 3\u0000";
}

/** The WAL file exists while any connection is open: a running server keeps one open. */
export function databaseInUse(file = sqliteFilePath()): boolean {
  return existsSync(`${file}-wal`);
}

export async function restoreSqlite(
  sourceFile: string,
  options: { force: boolean; now?: Date },
): Promise<{ restoredTo: string; previousCopy: string | null }> {
  const source = path.resolve(sourceFile);
  if (!existsSync(source)) throw new BackupError(`no file at ${source}`);
  if (!isSqliteFile(source)) throw new BackupError(`${source} is not an SQLite database`);
  const target = sqliteFilePath();
  if (databaseInUse(target) && !options.force) {
    throw new BackupError(
      `${target} is in use (a server seems to be running: ${path.basename(target)}-wal exists); stop it first or pass --force`,
    );
  }
  let previousCopy: string | null = null;
  if (existsSync(target)) {
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
    const dir = path.join(path.dirname(target), "backups");
    mkdirSync(dir, { recursive: true });
    previousCopy = path.join(dir, `before-restore-${stamp}.db`);
    // A consistent copy of what is there now (WAL included), so a restore can be undone.
    await getDb().$executeRawUnsafe(`VACUUM INTO '${previousCopy.replaceAll("'", "''")}'`);
    await disconnectDb();
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  return { restoredTo: target, previousCopy };
}
