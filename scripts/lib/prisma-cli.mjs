// Runs the Prisma CLI the way every script here needs it: from the repo root (prisma.config.ts
// lives there and picks the provider folder from DATABASE_URL), with CHECKPOINT_DISABLE=1 (the
// update check otherwise tries the network) and through the current node binary (no npx lookup).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./paths.mjs";

const cli = path.join(repoRoot, "node_modules", "prisma", "build", "index.js");

/**
 * Run `prisma <args>` synchronously. `env` is merged over process.env.
 * `quiet` captures output instead of streaming it (returned as stdout/stderr).
 */
export function runPrisma(args, { env = {}, quiet = false } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}
