// Paths every script shares. Scripts may be started from any directory (npm runs them from the
// root, but a developer may not), so everything is resolved from this file's location.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The default database for a local run; the same default as prisma.config.ts and lib/db. */
export const DEFAULT_DATABASE_URL = "file:./data/gapmap.db";

/** True when the module at `moduleUrl` is the script node was started with (not imported). */
export function isMain(moduleUrl) {
  return (
    process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === moduleUrl
  );
}

/**
 * The file behind a SQLite `file:` URL, resolved the way Prisma does it: relative paths are
 * relative to the directory commands run in, which for every script here is the repo root.
 * Returns null for non-SQLite URLs.
 */
export function sqliteFile(databaseUrl) {
  if (!databaseUrl.startsWith("file:")) return null;
  const file = databaseUrl.slice("file:".length).replace(/\?.*$/, "");
  return path.resolve(repoRoot, file);
}
