// Answer saving under load, against the real production server (`next start`) on SQLite.
//
// 100 respondents (one personal link each, one open round) PUT answers to
// /api/v1/respond/{token}/answers, varying question and level, so later saves update earlier rows.
// The reference is a bare route handler, written into this benchmark's own build only
// (app/api/bench-bare: force-dynamic, returns a small JSON, touches nothing), sent the same PUT
// bodies in the same run. Two loads:
//
// 1. Throughput, closed loop: 100 connections, each sending its next request as soon as the last
//    is answered, the save and the bare route taking turns in slices (these machines are noisy).
//    This is saturation: the latencies here are mostly queueing (Little's law: 100 in flight).
// 2. Latency, open loop: 100 respondents sending saves at a fixed total rate, evenly spaced, each
//    latency counted from the moment the request was due (so a stalled server cannot hide its
//    queue by slowing the sender down). A person answers a question every 20 s or so; 100 saves/s
//    is 100 respondents each saving every second.
//
// Afterwards every acknowledged (respondent, question) pair must be a row in the database.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { questionsFor } from "../lib/responses/data";
import { getFramework, RESPONDENT_ROLES, type RespondentRole } from "../lib/framework";
import {
  fmt,
  measured,
  percentile,
  pool,
  prepareServer,
  startNext,
  stopServer,
  verdict,
  waitUntilReady,
  type Slice,
} from "./lib/server";
import type autocannon from "autocannon";

const CONNECTIONS = 100;
const RESPONDENTS = 100;
const DURATION = 15;
const SLICES = 3;
const WARMUP = 3;
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 250;
// Open-loop rates: the target is judged at the first (100 respondents, a save each per second);
// the others show how the tail grows towards saturation.
const OPEN_RATES = [100, 200];
const OPEN_SECONDS = 10;
const SETTLE_MS = 2_000;
const BARE_PATH = "/api/bench-bare";

/** The bare reference route, added to this benchmark's own copy of the app before it is built. */
function addBareRoute(appDir: string): void {
  const file = path.join(appDir, "app", ...BARE_PATH.split("/").filter(Boolean), "route.ts");
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [
      "// Written by bench/answers.bench.ts into its own build: a route handler that does no work.",
      'export const dynamic = "force-dynamic";',
      "export function PUT(): Response {",
      "  return Response.json({ ok: true });",
      "}",
      "",
    ].join("\n"),
  );
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

/** The n-th save of a respondent: which question, which level. */
function nthSave(respondent: Respondent, index: number, n: number) {
  const questionId = respondent.questions[(n * 7 + index) % respondent.questions.length]!;
  return { questionId, body: JSON.stringify({ answers: { [questionId]: (n + index) % 5 } }) };
}

/** Per connection: which respondent it plays and how many saves it has sent. */
type Slot = { index: number; sent: number };
type SlotRequest = autocannon.Request & { slot: Slot };
type PairContext = { pair?: string };

/** Closed loop: each connection is a respondent; `target` "bare" sends the same bodies to BARE_PATH. */
function closedLoad(
  base: string,
  respondents: Respondent[],
  target: "save" | "bare",
  duration: number,
  acknowledged: Set<string>,
  statuses: Map<number, number>,
): Promise<Slice> {
  let nextIndex = 0;
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
      const { questionId, body } = nthSave(respondent, slot.index, slot.sent++);
      (context as PairContext).pair = `${respondent.token}|${questionId}`;
      const savePath = `/api/v1/respond/${respondent.token}/answers`;
      return { ...req, path: target === "save" ? savePath : BARE_PATH, body };
    },
    onResponse: (status, _body, context) => {
      if (target !== "save") return;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const pair = (context as PairContext).pair;
      if (status >= 200 && status < 300 && pair) acknowledged.add(pair);
    },
  };
  return measured({ url: base, connections: CONNECTIONS, duration, requests: [request] });
}

type OpenResult = { rate: number; sent: number; ok: number; other: number; latencies: number[] };

/**
 * Open loop: saves due at evenly spaced instants, respondent by respondent in turn, over at most
 * 100 keep-alive connections; each latency runs from the instant the save was due.
 */
async function openLoad(
  base: string,
  respondents: Respondent[],
  rate: number,
  seconds: number,
  acknowledged: Set<string>,
): Promise<OpenResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: RESPONDENTS });
  const counts = respondents.map(() => 0);
  const latencies: number[] = [];
  let ok = 0;
  let other = 0;
  const send = (i: number, due: number) => {
    const index = i % respondents.length;
    const respondent = respondents[index]!;
    const { questionId, body } = nthSave(respondent, index, counts[index]!++);
    return new Promise<void>((resolve) => {
      const request = http.request(
        `${base}/api/v1/respond/${respondent.token}/answers`,
        {
          method: "PUT",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - due);
            if (response.statusCode === 200) {
              ok += 1;
              acknowledged.add(`${respondent.token}|${questionId}`);
            } else other += 1;
            resolve();
          });
        },
      );
      request.on("error", () => {
        other += 1;
        resolve();
      });
      request.end(body);
    });
  };
  const total = rate * seconds;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(i, due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { rate, sent: total, ok, other, latencies: latencies.sort((a, b) => a - b) };
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const { base, env, commit, appDir, logFile, port } = await prepareServer("answers", addBareRoute);

  const { disconnectDb, getDb } = await import("../lib/db");
  const { hashSecretToken } = await import("../lib/auth/secret-token");
  const { assessmentId, respondents } = await seedRound();
  await disconnectDb();

  const { server, closeLog } = startNext({ appDir, env, port, logFile });
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  const bareSlices: Slice[] = [];
  const saveSlices: Slice[] = [];
  const open: OpenResult[] = [];
  const loadBefore = os.loadavg()[0]!;
  try {
    await waitUntilReady(base, server, logFile);
    // Warm-up (first hits load the route bundles); its acknowledged saves count as well.
    await closedLoad(base, respondents, "bare", WARMUP, acknowledged, statuses);
    await closedLoad(base, respondents, "save", WARMUP, acknowledged, statuses);
    // The steady rates first, each after a short pause: the tail a respondent sees at that rate,
    // not the backlog (and the large WAL checkpoint) a saturating run before it leaves behind.
    for (const rate of OPEN_RATES) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      open.push(await openLoad(base, respondents, rate, OPEN_SECONDS, acknowledged));
    }
    for (let i = 0; i < SLICES; i += 1) {
      const seconds = DURATION / SLICES;
      bareSlices.push(await closedLoad(base, respondents, "bare", seconds, acknowledged, statuses));
      saveSlices.push(await closedLoad(base, respondents, "save", seconds, acknowledged, statuses));
    }
  } finally {
    await stopServer(server);
    closeLog();
  }
  const loadAfter = os.loadavg()[0]!;

  // Zero lost: every acknowledged (respondent, question) pair is a row.
  const invitations = await getDb().assessmentInvitation.findMany({
    where: { assessmentId },
    select: { tokenHash: true, response: { select: { id: true } } },
  });
  const responseByHash = new Map(invitations.map((i) => [i.tokenHash, i.response?.id ?? ""]));
  const responseByToken = new Map(
    respondents.map((r) => [r.token, responseByHash.get(hashSecretToken(r.token)) ?? ""]),
  );
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
  const saves = pool(saveSlices, DURATION);
  const ratio = saves.perSecond / bare.perSecond;
  const sliceRatios = saves.slicesPerSecond.map((r, i) => r / bare.slicesPerSecond[i]!);
  const judged = open[0]!;
  const judgedP99 = percentile(judged.latencies, 0.99);
  const ms = (n: number) => fmt(n, n < 10 ? 1 : 0);
  const closedTable = [
    `| | bare route handler (PUT ${BARE_PATH}) | answer save (PUT /api/v1/respond/{token}/answers) |`,
    "|---|---:|---:|",
    `| requests/s | ${fmt(bare.perSecond)} | ${fmt(saves.perSecond)} |`,
    `| requests/s per slice | ${bare.slicesPerSecond.map((r) => fmt(r)).join(", ")} | ${saves.slicesPerSecond.map((r) => fmt(r)).join(", ")} |`,
    `| requests in ${DURATION} s | ${fmt(bare.requests)} | ${fmt(saves.requests)} |`,
    `| latency p50 / p99 / max (ms), queueing at saturation | ${bare.p50} / ${bare.p99} / ${bare.max} | ${saves.p50} / ${saves.p99} / ${saves.max} |`,
    `| non-2xx / errors / timeouts | ${bare.non2xx} / ${bare.errors} / ${bare.timeouts} | ${saves.non2xx} / ${saves.errors} / ${saves.timeouts} |`,
  ].join("\n");
  const openTable = [
    "| total rate (saves/s) | per respondent | sent | 200 | other | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...open.map(
      (o) =>
        `| ${o.rate} | every ${fmt(RESPONDENTS / o.rate, 1)} s | ${fmt(o.sent)} | ${fmt(o.ok)} | ${o.other} | ${ms(percentile(o.latencies, 0.5))} | ${ms(percentile(o.latencies, 0.9))} | ${ms(percentile(o.latencies, 0.99))} | ${ms(o.latencies.at(-1) ?? 0)} |`,
    ),
  ].join("\n");
  const otherStatuses = [...statuses].filter(([s]) => s !== 200);
  const markdown = `
Commit ${commit.slice(0, 10)}, built and served from its own copy, against \`next start\` on SQLite
(its own database under tmp/bench/). ${RESPONDENTS} respondents, one personal link each in one open
round, roles mixed; each save is one answer, cycling through the respondent's questions and the
five levels. The load generator runs on the same machine, in the benchmark's process. Load average
(1 min): ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${os.cpus().length} cores.

**Throughput** (closed loop, ${CONNECTIONS} connections, ${DURATION} s each, taking turns in ${SLICES} slices):

${closedTable}

**Latency** (open loop, run after the warm-up and before the closed loop, each rate after a ${SETTLE_MS / 1000} s pause; ${RESPONDENTS} respondents, ${OPEN_SECONDS} s per rate, latency from the moment each save was due):

${openTable}

| answers | |
|---|---:|
| distinct (respondent, question) pairs acknowledged, warm-up included | ${fmt(acknowledged.size)} |
| answer rows in the database afterwards | ${fmt(rows.length)} |
| acknowledged pairs with no row (lost) | ${lost} |
| saves answered other than 200 (closed loop) | ${otherStatuses.length ? otherStatuses.map(([s, n]) => `${n} x ${s}`).join(", ") : "none"} |

- Throughput: answer save at ${(ratio * 100).toFixed(0)}% of the bare route handler (per slice: ${sliceRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(", ")}) (target >= ${TARGET_RATIO * 100}%): ${verdict(ratio >= TARGET_RATIO)}.
- Tail: with ${RESPONDENTS} respondents saving ${judged.rate} answers/s in all, p99 ${ms(judgedP99)} ms (target < ${TARGET_P99_MS} ms): ${verdict(judgedP99 < TARGET_P99_MS && judged.other === 0)}. In the closed loop at saturation every request waits behind the other ${CONNECTIONS - 1} connections: p99 ${saves.p99} ms for the save, ${bare.p99} ms for the bare route handler.
- Durability: ${lost} of ${fmt(acknowledged.size)} acknowledged answers missing from the database (target: zero lost): ${verdict(lost === 0)}. ${fmt(Math.max(0, rows.length - acknowledged.size + lost))} rows were saved without an acknowledgement reaching the client (a request cut off by the end of a run): kept, not lost.
`;
  return { title: "Answer saving under load (100 respondents, next start, SQLite)", markdown };
}
