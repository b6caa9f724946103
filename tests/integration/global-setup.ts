import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

// The database the integration tests run against, prepared once per run.
// - SQLite (default): a fresh file tmp/test-<random>.db, migrated with the same script as
//   `npm start` (scripts/migrate.mjs), deleted afterwards. Never data/gapmap.db.
// - PostgreSQL: when DATABASE_URL is a postgresql:// URL (set by `npm run test:postgres`, which
//   has already migrated it), that database is used as it is.
// Tests read it from process.env.DATABASE_URL (set in each worker by setup-env.ts before any
// test module is imported) and share it: create what a test needs with unique names.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const root = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

export default function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    project.provide("databaseUrl", given);
    return;
  }

  const file = path.join(root, "tmp", `test-${randomBytes(6).toString("hex")}.db`);
  const databaseUrl = `file:./${path.relative(root, file)}`;
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "migrate.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`migrating the test database failed:\n${result.stdout}${result.stderr}`);
  }
  project.provide("databaseUrl", databaseUrl);
  process.env.DATABASE_URL = databaseUrl;

  return () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"])
      fs.rmSync(file + suffix, { force: true });
  };
}
