// A live workshop under load, against the real production server (`next start`) on SQLite.
//
// 200 participants join with the code from one address within a burst, then each votes once on
// the open question (the facilitator's action runs through lib/ in this process, on the same
// database: the server keeps no room state in memory, so it sees the change on its next read).
// Afterwards every acknowledged vote must be an answer row, and the state must show all 200.
// Then the state endpoint (a participant's poll) against a bare GET route handler written into
// this benchmark's own build, in alternating slices of the same run: the target is >= 50%.
import fs from "node:fs";
import path from "node:path";
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

const PARTICIPANTS = 200;
const CONCURRENCY = 50;
const SLICES = 3;
const SLICE_SECONDS = 5;
const CONNECTIONS = 50;
const TARGET_RATIO = 0.5;
const BARE_PATH = "/api/bench-bare-get";

function addBareRoute(appDir: string): void {
  const file = path.join(appDir, "app", ...BARE_PATH.split("/").filter(Boolean), "route.ts");
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [
      "// Written by bench/workshop.bench.ts into its own build: a route handler that does no work.",
      'export const dynamic = "force-dynamic";',
      "export function GET(): Response {",
      "  return Response.json({ ok: true });",
      "}",
      "",
    ].join("\n"),
  );
}

async function seed() {
  const { signUp } = await import("../lib/accounts/mutations");
  const { encodeSessionToken, WORKSPACE_COOKIE } = await import("../lib/auth/session");
  const { resolveSession } = await import("../lib/auth/gate");
  const { createOrganization } = await import("../lib/organizations/mutations");
  const { createAssessment, openAssessment } = await import("../lib/assessments/mutations");
  const { createWorkshop } = await import("../lib/workshops/mutations");
  const { userId, workspaceId } = await signUp({
    name: "Bench Facilitator",
    email: "bench-workshop@example.test",
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
  const organization = await createOrganization(gate.ctx, { name: "Bench Conference" });
  const round = await createAssessment(gate.ctx, organization.id, { name: "Keynote" });
  await openAssessment(gate.ctx, round.id);
  const workshop = await createWorkshop(gate.ctx, round.id, { plan: { kind: "gating" } });
  return { ctx: gate.ctx, workshop };
}

/** Runs `task(i)` for i < n with at most `limit` in flight; returns each one's time in ms. */
async function timed(n: number, limit: number, task: (i: number) => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const start = performance.now();
      await task(i);
      times.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: limit }, worker));
  return { times: times.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

const ms = (sorted: number[], p: number) => `${fmt(percentile(sorted, p))} ms`;

export async function run(): Promise<{ title: string; markdown: string }> {
  const { base, port, env, appDir, logFile } = await prepareServer("workshop", addBareRoute);
  const { ctx, workshop } = await seed();
  const { nextQuestion } = await import("../lib/workshops/mutations");
  const { getDb } = await import("../lib/db");
  const { server, closeLog } = startNext({ appDir, env, port, logFile });
  const tokens: string[] = [];
  const acknowledged = new Set<number>();
  let joins: Awaited<ReturnType<typeof timed>>;
  let votes: Awaited<ReturnType<typeof timed>>;
  let consistentAfterMs = -1;
  const stateSlices: Slice[] = [];
  const bareSlices: Slice[] = [];
  let questionId = "";
  let failures = 0;
  try {
    await waitUntilReady(base, server, logFile);
    const roles = ["executive", "business", "technical", "data"];
    joins = await timed(PARTICIPANTS, CONCURRENCY, async (i) => {
      const response = await fetch(`${base}/api/v1/workshops/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: workshop.code, role: roles[i % 4], name: `P${i}` }),
      });
      const body: unknown = await response.json();
      if (
        response.status !== 201 ||
        typeof body !== "object" ||
        body === null ||
        !("token" in body)
      )
        failures += 1;
      else tokens[i] = String(body.token);
    });
    // The facilitator opens the first question, through lib/ on the same database.
    questionId = (await nextQuestion(ctx, workshop.id, {})).questionId ?? "";
    votes = await timed(PARTICIPANTS, CONCURRENCY, async (i) => {
      const token = tokens[i];
      if (!token) return;
      const response = await fetch(`${base}/api/v1/workshops/${workshop.id}/vote`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ questionId, value: i % 5 }),
      });
      await response.arrayBuffer();
      if (response.status === 200) acknowledged.add(i);
      else failures += 1;
    });
    const lastVote = performance.now();
    while (performance.now() - lastVote < 10_000) {
      const response = await fetch(`${base}/api/v1/workshops/${workshop.id}/state`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      });
      const body: unknown = await response.json();
      if (
        typeof body === "object" &&
        body !== null &&
        "votes" in body &&
        body.votes === acknowledged.size
      ) {
        consistentAfterMs = performance.now() - lastVote;
        break;
      }
    }
    const stateRequest = {
      url: `${base}/api/v1/workshops/${workshop.id}/state`,
      connections: CONNECTIONS,
      duration: SLICE_SECONDS,
      headers: { authorization: `Bearer ${tokens[1]}` },
    };
    const bareRequest = {
      url: `${base}${BARE_PATH}`,
      connections: CONNECTIONS,
      duration: SLICE_SECONDS,
    };
    await measured({ ...bareRequest, duration: 2 });
    await measured({ ...stateRequest, duration: 2 });
    for (let s = 0; s < SLICES; s += 1) {
      bareSlices.push(await measured(bareRequest));
      stateSlices.push(await measured(stateRequest));
    }
  } finally {
    await stopServer(server);
    closeLog();
  }
  const stored = await getDb().answer.count({
    where: { questionId, response: { participant: { workshopId: workshop.id } } },
  });
  const lost = acknowledged.size - stored;
  const stateLoad = pool(stateSlices, SLICES * SLICE_SECONDS);
  const bareLoad = pool(bareSlices, SLICES * SLICE_SECONDS);
  const ratio = stateLoad.perSecond / bareLoad.perSecond;
  const markdown = `
${PARTICIPANTS} participants from one address, ${CONCURRENCY} requests in flight, against \`next start\` on SQLite.

| | figure | target |
|---|---|---|
| joins | ${tokens.filter(Boolean).length} of ${PARTICIPANTS} in ${fmt(joins.seconds, 1)} s; p50 ${ms(joins.times, 0.5)}, p99 ${ms(joins.times, 0.99)} | all within 10 s: ${verdict(tokens.filter(Boolean).length === PARTICIPANTS && joins.seconds <= 10)} |
| votes | ${acknowledged.size} acknowledged in ${fmt(votes.seconds, 1)} s; p50 ${ms(votes.times, 0.5)}, p99 ${ms(votes.times, 0.99)} | within 10 s: ${verdict(acknowledged.size === PARTICIPANTS && votes.seconds <= 10)} |
| lost votes | ${lost} (acknowledged ${acknowledged.size}, answer rows ${stored}); other failures ${failures} | 0: ${verdict(lost === 0)} |
| state shows all votes | ${consistentAfterMs < 0 ? "not within 10 s" : `${fmt(consistentAfterMs)} ms after the last vote`} | within 2 s: ${verdict(consistentAfterMs >= 0 && consistentAfterMs <= 2000)} |
| state endpoint (participant poll) | ${fmt(stateLoad.perSecond)} req/s; p50 ${stateLoad.p50} ms, p99 ${stateLoad.p99} ms; non-2xx ${stateLoad.non2xx} | |
| bare GET route handler | ${fmt(bareLoad.perSecond)} req/s; p50 ${bareLoad.p50} ms, p99 ${bareLoad.p99} ms | |
| state / bare | ${fmt(ratio * 100)}% | >= ${TARGET_RATIO * 100}%: ${verdict(ratio >= TARGET_RATIO)} |

The 1,000-participant run of the issue is not measured yet.
`;
  return { title: "Live workshop: 200 participants join, vote, poll the state", markdown };
}
