// `npm start` (production server) and `npm run dev` (`--dev`: Next's dev server).
//
// One command from a fresh clone to a running app: settle the settings, bring the database up to
// date (backing up an existing SQLite file first), seed the demo workspace once, build when the
// sources changed since the last build, then serve. The steps are exported so the Playwright
// server (scripts/e2e-server.mjs) prepares the app the same way.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { migrate, redact } from "./migrate.mjs";
import { DEFAULT_DATABASE_URL, isMain, repoRoot } from "./lib/paths.mjs";
import { runNode } from "./lib/proc.mjs";

const nextBin = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");
// Serves the app (next start / next dev) and records each request's socket address for the
// per-address limits: scripts/server.mjs, docs/decisions/0007-client-address.md.
export const serverScript = path.join(repoRoot, "scripts", "server.mjs");
const secretFile = path.join(repoRoot, ".nextauth-secret");
const seedFile = path.join(repoRoot, "prisma", "seed.ts");
const demoAccountsFile = path.join(repoRoot, "prisma", "demo-accounts.json");
const buildIdFile = path.join(repoRoot, ".next", "BUILD_ID");

// What goes into a production build. lib/generated is left out on purpose: postinstall rewrites
// it on every `npm install`, which would force a rebuild each time; a schema change shows up
// through prisma/models.prisma (and package-lock.json covers dependency changes).
const buildInputs = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/models.prisma",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const notBuildInputs = [path.join(repoRoot, "lib", "generated")];

/**
 * The NEXTAUTH_SECRET to use: the environment's if set; in explicit production, none (next-auth
 * would sign sessions with a guessable key, so refuse); otherwise a random one kept in the
 * git-ignored .nextauth-secret so sessions survive restarts.
 */
export function resolveSecret(env = process.env) {
  if (env.NEXTAUTH_SECRET) return { secret: env.NEXTAUTH_SECRET, source: "environment" };
  if (env.NODE_ENV === "production") {
    return {
      error:
        "NEXTAUTH_SECRET is not set: refusing to start with NODE_ENV=production (set it to a long random value, e.g. `openssl rand -base64 32`).",
    };
  }
  if (fs.existsSync(secretFile)) {
    const secret = fs.readFileSync(secretFile, "utf8").trim();
    if (secret) return { secret, source: ".nextauth-secret" };
  }
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return { secret, source: ".nextauth-secret (created)" };
}

/** Seed the demo workspace. prisma/seed.ts decides itself whether the database is empty. */
export async function seed(env) {
  if (!fs.existsSync(seedFile)) {
    console.log("seed: prisma/seed.ts does not exist yet, skipped");
    return;
  }
  const code = await runNode(["--conditions=react-server", "--import", "tsx", seedFile], { env });
  if (code !== 0) throw new Error(`prisma/seed.ts exited with ${code}`);
}

function newestMtime(target) {
  if (notBuildInputs.includes(target) || !fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why a build is needed, or null when .next is newer than every build input. */
export function buildReason() {
  if (!fs.existsSync(buildIdFile)) return "no build yet";
  const builtAt = fs.statSync(buildIdFile).mtimeMs;
  const changed = buildInputs.find((input) => newestMtime(path.join(repoRoot, input)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

export async function buildIfNeeded(env) {
  const reason = buildReason();
  if (!reason) {
    console.log("build: up to date");
    return;
  }
  console.log(`build: ${reason}, running next build`);
  const started = Date.now();
  const code = await runNode([nextBin, "build"], { env });
  if (code !== 0) throw new Error(`next build exited with ${code}`);
  console.log(`build: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The demo sign-ins written by the seed's author, or [] when there are none. */
export function demoAccounts() {
  try {
    const accounts = JSON.parse(fs.readFileSync(demoAccountsFile, "utf8"));
    return Array.isArray(accounts) ? accounts : [];
  } catch {
    return [];
  }
}

function banner(url) {
  const lines = ["", `GapMap: ${url}`];
  const accounts = demoAccounts();
  if (accounts.length > 0) {
    lines.push("Demo sign-ins (email / password):");
    const width = Math.max(...accounts.map((a) => `${a.email} / ${a.password}`.length));
    for (const a of accounts) {
      const credentials = `${a.email} / ${a.password}`.padEnd(width);
      lines.push(`  ${credentials}  ${a.role ?? ""}${a.note ? `: ${a.note}` : ""}`);
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * Settle the environment every step shares. Throws with a one-line message when the app must
 * not start.
 */
export function appEnv({ port }) {
  const { secret, source, error } = resolveSecret();
  if (error) throw new Error(error);
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    CHECKPOINT_DISABLE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  return { env, secretSource: source };
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);

  const { env, secretSource } = appEnv({ port });
  console.log(`database: ${redact(env.DATABASE_URL)}; NEXTAUTH_SECRET from ${secretSource}`);
  // The database steps below read DATABASE_URL from process.env.
  process.env.DATABASE_URL = env.DATABASE_URL;

  await migrate({ databaseUrl: env.DATABASE_URL });
  await seed(env);
  if (!dev) await buildIfNeeded(env);

  // Printed before the server starts so that it is on screen (and in any log) by the time the
  // first request can be answered; Next prints its own "Ready" line below it.
  process.stdout.write(banner(env.NEXTAUTH_URL));
  const code = await runNode([serverScript, ...(dev ? ["--dev"] : []), "-p", String(port)], {
    env,
  });
  process.exitCode = code;
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(`${process.argv.includes("--dev") ? "dev" : "start"}: ${error.message}`);
    process.exit(1);
  });
}
