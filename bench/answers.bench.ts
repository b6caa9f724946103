// Answer saving under load, against the real production server (`next start`) on SQLite.
//
// 100 respondents, one connection each, keep PUTting answers (varying question and level) to
// /api/v1/respond/{token}/answers for DURATION seconds; in the same run, the same load on a bare
// route (GET /api/v1/openapi.json, force-static: no database, no parsing) gives the ceiling the
// machine and Next allow. Figures are compared side by side, since these machines are noisy.
// Afterwards every acknowledged (respondent, question) pair must be a row in the database.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { questionsFor } from "../lib/responses/data";
import { getFramework, RESPONDENT_ROLES, type RespondentRole } from "../lib/framework";

const CONNECTIONS = 100;
const RESPONDENTS = 100;
const DURATION = 15;
// The two loads take turns in slices, so a burst of other work on the machine hits both alike.
const SLICES = 3;
const WARMUP = 3;
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 250;
// A steady rate as well as the closed loop: 100 respondents each saving an answer every 2 s
// (several times a person's pace). A closed loop of 100 connections measures queueing at
// saturation, where no endpoint on this machine (the bare route included) keeps p99 low.
const STEADY_RATE = 50;
const STEADY_SECONDS = 10;
const BENCH_SECRET = "bench-only-secret-not-for-production-0123456789";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = path.join(root, "tmp", "bench");
const dbFile = path.join(benchDir, "answers.db");
const logFile = path.join(benchDir, "answers-server.log");
// The app is built and served from its own copy of the last commit: the shared checkout's .next
// is rebuilt by other runs (e2e, npm start) at any moment, and a build swapped under a running
// server answers 500s. Outside the repo, so Next sees no second lockfile above it.
const appDir = path.join(os.tmpdir(), "gapmap-bench-app");

// The scripts are plain ESM without declarations: the parts used here, typed.
type StartScript = {
  appEnv(options: { port: number }): { env: NodeJS.ProcessEnv };
  buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void>;
};
type MigrateScript = { migrate(options: { databaseUrl: string }): Promise<unknown> };
type ProcScript = { freePort(): Promise<number> };

async function script<T>(name: string, dir = root): Promise<T> {
  return (await import(pathToFileURL(path.join(dir, "scripts", name)).href)) as T;
}

/**
 * A copy of HEAD in appDir (node_modules hard-linked, the generated Prisma client copied),
 * refreshed when HEAD moves; its build is reused while the commit is the same.
 */
function prepareAppCopy(): string {
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

type Respondent = { token: string; role: RespondentRole; questions: string[] };

/** An open round with one personal link per respondent, made through the app's lib functions. */
async function seedRound(): Promise<{ assessmentId: string; respondents: Respondent[] }> {
  const { signUp } = await import("../lib/accounts/mutations");
  const { encodeSessionToken, WORKSPACE_COOKIE } = await import("../lib/auth/session");
  const { resolveSession } = await import("../lib/auth/gate");
  const { createOrganization } = await import("../lib/organizations/mutations");
  const { createAssessment, createInvitations, openAssessment } =
    await import("../lib/assessments/mutations");
  const { userId, workspaceId } = await signUp({
    name: "Bench Consultant",
    email: "bench@example.test",
    password: "bench-password-correct-horse",
    workspaceName: "Bench workspace",
  });
  const jwt = await encodeSessionToken({ userId, sessionVersion: 0 });
  const cookies = new Map([
    ["next-auth.session-token", jwt],
    [WORKSPACE_COOKIE, workspaceId],
  ]);
  const gate = await resolveSession((name) => cookies.get(name));
  if (gate.kind !== "member") throw new Error(`seeding: the session gate answered ${gate.kind}`);
  const ctx = gate.ctx;
  const organization = await createOrganization(ctx, { name: "Bench Retail" });
  const assessment = await createAssessment(ctx, organization.id, { name: "Bench round" });
  const roles = Array.from(
    { length: RESPONDENTS },
    (_, i) => RESPONDENT_ROLES[i % RESPONDENT_ROLES.length]!,
  );
  const links = await createInvitations(ctx, assessment.id, {
    invitations: roles.map((role, i) => ({ role, name: `Respondent ${i + 1}` })),
  });
  await openAssessment(ctx, assessment.id);
  const framework = getFramework(assessment.frameworkVersion);
  const asked = new Map(
    RESPONDENT_ROLES.map((role) => [
      role,
      questionsFor(framework, role).flatMap((s) => s.questions.map((q) => q.id)),
    ]),
  );
  return {
    assessmentId: assessment.id,
    respondents: links.map((link, i) => ({
      token: link.token,
      role: roles[i]!,
      questions: asked.get(roles[i]!) ?? [],
    })),
  };
}

async function waitUntilReady(base: string, server: ChildProcess): Promise<void> {
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

async function stopServer(server: ChildProcess): Promise<void> {
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

/** Per connection: which respondent it plays and how many saves it has sent. */
type Slot = { index: number; sent: number };
type SlotRequest = autocannon.Request & { slot: Slot };
type PairContext = { pair?: string };

function answerLoad(
  base: string,
  respondents: Respondent[],
  duration: number,
  acknowledged: Set<string>,
  overallRate?: number,
): Promise<Slice> {
  let nextIndex = 0;
  const statuses = new Map<number, number>();
  const request: SlotRequest = {
    method: "PUT",
    path: "/",
    headers: { "content-type": "application/json" },
    // autocannon deep-copies the request for each connection, so each has its own slot.
    slot: { index: -1, sent: 0 },
    setupRequest: (req, context) => {
      const slot = (req as SlotRequest).slot;
      if (slot.index < 0) slot.index = nextIndex++ % respondents.length;
      const respondent = respondents[slot.index]!;
      const n = slot.sent++;
      const questionId = respondent.questions[(n * 7 + slot.index) % respondent.questions.length]!;
      const level = (n + slot.index) % 5;
      (context as PairContext).pair = `${respondent.token}|${questionId}`;
      return {
        ...req,
        path: `/api/v1/respond/${respondent.token}/answers`,
        body: JSON.stringify({ answers: { [questionId]: level } }),
      };
    },
    onResponse: (status, _body, context) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const pair = (context as PairContext).pair;
      if (status >= 200 && status < 300 && pair) acknowledged.add(pair);
    },
  };
  return measured({
    url: base,
    connections: CONNECTIONS,
    duration,
    requests: [request],
    ...(overallRate ? { overallRate } : {}),
  }).then((slice) => {
    if ([...statuses.keys()].some((s) => s >= 300))
      console.log(`bench answers: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    return slice;
  });
}

function bareLoad(base: string, duration: number): Promise<Slice> {
  return measured({ url: `${base}/api/v1/openapi.json`, connections: CONNECTIONS, duration });
}

/** One autocannon run, with every response's time kept so slices can be pooled exactly. */
type Slice = { result: autocannon.Result; latencies: number[] };

function measured(options: autocannon.Options): Promise<Slice> {
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

type Pooled = {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  slicesPerSecond: number[];
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

function pool(slices: Slice[], seconds: number): Pooled {
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
    p99: Math.round(percentile(latencies, 0.99)),
    max: Math.round(latencies.at(-1) ?? 0),
    slicesPerSecond: slices.map((s) => s.result.requests.total / s.result.duration),
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "**met**" : "**missed**");

export async function run(): Promise<{ title: string; markdown: string }> {
  fs.mkdirSync(benchDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    fs.rmSync(dbFile + suffix, { force: true });
  const databaseUrl = `file:${dbFile}`;
  const { freePort } = await script<ProcScript>("lib/proc.mjs");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Fixed values, like the e2e server: never the developer's database or secret file.
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = BENCH_SECRET;
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  process.env.CHECKPOINT_DISABLE = "1";

  const { migrate } = await script<MigrateScript>("migrate.mjs");
  const commit = prepareAppCopy();
  const { appEnv, buildIfNeeded } = await script<StartScript>("start.mjs", appDir);
  await migrate({ databaseUrl });
  const { env } = appEnv({ port });
  await buildIfNeeded(env);

  const { disconnectDb, getDb } = await import("../lib/db");
  const { hashSecretToken } = await import("../lib/auth/secret-token");
  const { assessmentId, respondents } = await seedRound();
  await disconnectDb();

  const log = fs.openSync(logFile, "w");
  const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
  const server = spawn(
    process.execPath,
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: appDir,
      env: { ...env, NODE_ENV: "production" },
      detached: true, // its own process group, stopped as a whole
      stdio: ["ignore", log, log],
    },
  );
  const acknowledged = new Set<string>();
  const bareSlices: Slice[] = [];
  const answerSlices: Slice[] = [];
  const loadBefore = os.loadavg()[0]!;
  let steady: Slice | null = null;
  try {
    await waitUntilReady(base, server);
    // Warm-up (first hits load the route bundles); its acknowledged saves count as well.
    await bareLoad(base, WARMUP);
    await answerLoad(base, respondents, WARMUP, acknowledged);
    for (let i = 0; i < SLICES; i += 1) {
      bareSlices.push(await bareLoad(base, DURATION / SLICES));
      answerSlices.push(await answerLoad(base, respondents, DURATION / SLICES, acknowledged));
    }
    steady = await answerLoad(base, respondents, STEADY_SECONDS, acknowledged, STEADY_RATE);
  } finally {
    await stopServer(server);
    fs.closeSync(log);
  }
  const loadAfter = os.loadavg()[0]!;

  // Zero lost: every acknowledged (respondent, question) pair is a row, and no row is unaccounted.
  const responseByToken = new Map<string, string>();
  const invitations = await getDb().assessmentInvitation.findMany({
    where: { assessmentId },
    select: { tokenHash: true, response: { select: { id: true } } },
  });
  const responseByHash = new Map(invitations.map((i) => [i.tokenHash, i.response?.id ?? ""]));
  for (const r of respondents)
    responseByToken.set(r.token, responseByHash.get(hashSecretToken(r.token)) ?? "");
  const rows = await getDb().answer.findMany({
    where: { response: { assessmentId } },
    select: { responseId: true, questionId: true },
  });
  await disconnectDb();
  const stored = new Set(rows.map((r) => `${r.responseId}|${r.questionId}`));
  let lost = 0;
  for (const pair of acknowledged) {
    const [token, questionId] = pair.split("|") as [string, string];
    if (!stored.has(`${responseByToken.get(token)}|${questionId}`)) lost += 1;
  }

  const bare = pool(bareSlices, DURATION);
  const answers = pool(answerSlices, DURATION);
  const ratio = answers.perSecond / bare.perSecond;
  const sliceRatios = answers.slicesPerSecond.map((r, i) => r / bare.slicesPerSecond[i]!);
  const p99 = answers.p99;
  const answers2xx = answers.requests - answers.non2xx;
  const steadyPooled = steady ? pool([steady], STEADY_SECONDS) : null;
  const steadyLine = steadyPooled
    ? `${fmt(steadyPooled.perSecond)} req/s served, p50 ${steadyPooled.p50} ms, p99 ${steadyPooled.p99} ms (p99 < ${TARGET_P99_MS} ms: ${verdict(steadyPooled.p99 < TARGET_P99_MS)}), non-2xx ${steadyPooled.non2xx}`
    : "not run";
  const table = [
    "| | bare route (GET /api/v1/openapi.json) | answer save (PUT /api/v1/respond/{token}/answers) |",
    "|---|---:|---:|",
    `| requests/s | ${fmt(bare.perSecond)} | ${fmt(answers.perSecond)} |`,
    `| requests/s per slice | ${bare.slicesPerSecond.map((r) => fmt(r)).join(", ")} | ${answers.slicesPerSecond.map((r) => fmt(r)).join(", ")} |`,
    `| requests in ${DURATION} s | ${fmt(bare.requests)} | ${fmt(answers.requests)} |`,
    `| latency p50 / p99 (ms) | ${bare.p50} / ${bare.p99} | ${answers.p50} / ${answers.p99} |`,
    `| latency max (ms) | ${bare.max} | ${answers.max} |`,
    `| non-2xx / errors / timeouts | ${bare.non2xx} / ${bare.errors} / ${bare.timeouts} | ${answers.non2xx} / ${answers.errors} / ${answers.timeouts} |`,
  ].join("\n");
  const markdown = `
Commit ${commit.slice(0, 10)}, built and served from its own copy. ${CONNECTIONS} connections for ${DURATION} s each, taking turns in ${SLICES} slices of ${DURATION / SLICES} s in one run, against \`next start\`
on SQLite (its own database under tmp/bench/). Each answer connection is its own respondent
(${RESPONDENTS} personal links in one open round, roles mixed) and saves one answer per request,
cycling through its role's questions and the five levels, so later saves update earlier rows.
The load generator (autocannon) runs on the same machine. Load average (1 min): ${loadBefore.toFixed(2)} before,
${loadAfter.toFixed(2)} after, on ${os.cpus().length} cores.

${table}

| answers | |
|---|---:|
| 2xx saves acknowledged (measured run) | ${fmt(answers2xx)} |
| distinct (respondent, question) pairs acknowledged, warm-up included | ${fmt(acknowledged.size)} |
| Answer rows in the database afterwards | ${fmt(rows.length)} |
| acknowledged pairs with no row (lost) | ${lost} |

- Throughput: answer save at ${(ratio * 100).toFixed(0)}% of the bare route (per slice: ${sliceRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(", ")}) (target >= ${TARGET_RATIO * 100}%): ${verdict(ratio >= TARGET_RATIO)}.
- Tail: answer save p99 ${p99} ms (target < ${TARGET_P99_MS} ms): ${verdict(p99 < TARGET_P99_MS)}.
- At a steady ${STEADY_RATE} saves/s for ${STEADY_SECONDS} s (same 100 connections): ${steadyLine}.
- Durability: ${lost} of ${fmt(acknowledged.size)} acknowledged answers missing from the database (target: zero lost): ${verdict(lost === 0)}. ${fmt(Math.max(0, rows.length - acknowledged.size + lost))} rows were saved without an acknowledgement reaching the client (a request cut off by the end of the run): kept, not lost.
`;
  return { title: "Answer saving under load (100 respondents, next start, SQLite)", markdown };
}
