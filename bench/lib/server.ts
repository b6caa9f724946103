// What the HTTP benchmarks share: a copy of the last commit built and served by `next start`, and
// autocannon runs whose latencies are kept so slices can be pooled exactly.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// The scripts are plain ESM without declarations: the parts used here, typed.
export type StartScript = {
  appEnv(options: { port: number }): { env: NodeJS.ProcessEnv };
  buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void>;
};
export type MigrateScript = {
  migrate(options: { databaseUrl: string; log?: (line: string) => void }): Promise<unknown>;
};
export type ProcScript = { freePort(): Promise<number> };

export async function script<T>(name: string, dir = root): Promise<T> {
  return (await import(pathToFileURL(path.join(dir, "scripts", name)).href)) as T;
}

/**
 * A benchmark's own SQLite file, deleted and migrated afresh (DATABASE_URL must already name it,
 * since the app's client reads it), for a dataset built by the benchmark.
 */
export async function freshDatabase(dbFile: string): Promise<void> {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(dbFile + suffix, { force: true });
  const { migrate } = await script<MigrateScript>("migrate.mjs");
  await migrate({ databaseUrl: process.env.DATABASE_URL ?? `file:${dbFile}`, log: () => {} });
}

/**
 * A copy of HEAD in appDir (node_modules hard-linked, the generated Prisma client copied),
 * refreshed when HEAD moves; its build is reused while the commit is the same. The shared
 * checkout's .next is rebuilt by other runs (e2e, npm start) at any moment, and a build swapped
 * under a running server answers 500s. Keep appDir outside the repo, so Next sees no second
 * lockfile above it, and give each benchmark its own, so one run never deletes another's server.
 */
export function prepareAppCopy(appDir: string): string {
  const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const stamp = path.join(appDir, ".bench-commit");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === head) return head;
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  const archive = execFileSync("git", ["archive", "--format=tar", head], {
    cwd: root,
    maxBuffer: 1 << 30,
  });
  execFileSync("tar", ["-x", "-C", appDir], { input: archive });
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(appDir, "node_modules")]);
  fs.cpSync(path.join(root, "lib", "generated"), path.join(appDir, "lib", "generated"), {
    recursive: true,
  });
  fs.writeFileSync(stamp, head);
  return head;
}

/**
 * The production server from appDir, as `npm start` serves it (scripts/server.mjs: Next's handler
 * behind the wrapper that records client addresses), in its own process group (stopped as a
 * whole), logging to logFile.
 */
export function startNext(options: {
  appDir: string;
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
}): { server: ChildProcess; closeLog: () => void } {
  const log = fs.openSync(options.logFile, "w");
  const serverScript = path.join(options.appDir, "scripts", "server.mjs");
  const server = spawn(
    process.execPath,
    [serverScript, "-p", String(options.port), "-H", "127.0.0.1"],
    {
      cwd: options.appDir,
      env: { ...options.env, NODE_ENV: "production" },
      detached: true,
      stdio: ["ignore", log, log],
    },
  );
  return { server, closeLog: () => fs.closeSync(log) };
}

export async function waitUntilReady(
  base: string,
  server: ChildProcess,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${base}/api/v1/openapi.json`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start was not ready within 60 s (see ${path.relative(root, logFile)})`);
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  // The whole process group: `next start` runs next-server as a child.
  process.kill(-server.pid, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** One autocannon run, with every response's time kept so slices can be pooled exactly. */
export type Slice = { result: autocannon.Result; latencies: number[] };

export function measured(options: autocannon.Options): Promise<Slice> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error: unknown, result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ result, latencies });
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

export type Pooled = {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  slicesPerSecond: number[];
};

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

export function pool(slices: Slice[], seconds: number): Pooled {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const sum = (f: (r: autocannon.Result) => number) => slices.reduce((n, s) => n + f(s.result), 0);
  const requests = sum((r) => r.requests.total);
  return {
    requests,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    perSecond: requests / seconds,
    p50: Math.round(percentile(latencies, 0.5)),
    p95: Math.round(percentile(latencies, 0.95)),
    p99: Math.round(percentile(latencies, 0.99)),
    max: Math.round(latencies.at(-1) ?? 0),
    slicesPerSecond: slices.map((s) => s.result.requests.total / s.result.duration),
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const verdict = (ok: boolean) => (ok ? "**met**" : "**missed**");

const BENCH_SECRET = "bench-only-secret-not-for-production-0123456789";

/** Where one HTTP benchmark keeps its database, server log and build, by its name. */
export type BenchServer = {
  base: string;
  port: number;
  env: NodeJS.ProcessEnv;
  commit: string;
  appDir: string;
  logFile: string;
};

/**
 * Everything before `next start`: a fresh SQLite database (tmp/bench/<name>.db, migrated), a free
 * port, fixed environment values like the e2e server's (never the developer's database or secret
 * file), this benchmark's own copy of HEAD (os tmpdir, gapmap-bench-<name>) with `beforeBuild`
 * applied to it, built when stale. The benchmark's process uses the same database, so it seeds
 * through lib/ before starting the server.
 */
export async function prepareServer(
  name: string,
  beforeBuild: (appDir: string) => void = () => {},
): Promise<BenchServer> {
  const benchDir = path.join(root, "tmp", "bench");
  fs.mkdirSync(benchDir, { recursive: true });
  const dbFile = path.join(benchDir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(dbFile + suffix, { force: true });
  const databaseUrl = `file:${dbFile}`;
  const { freePort } = await script<ProcScript>("lib/proc.mjs");
  const port = await freePort();
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = BENCH_SECRET;
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  process.env.CHECKPOINT_DISABLE = "1";
  const appDir = path.join(os.tmpdir(), `gapmap-bench-${name}`);
  const { migrate } = await script<MigrateScript>("migrate.mjs");
  const commit = prepareAppCopy(appDir);
  beforeBuild(appDir);
  const { appEnv, buildIfNeeded } = await script<StartScript>("start.mjs", appDir);
  await migrate({ databaseUrl });
  const { env } = appEnv({ port });
  await buildIfNeeded(env);
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    env,
    commit,
    appDir,
    logFile: path.join(benchDir, `${name}-server.log`),
  };
}
