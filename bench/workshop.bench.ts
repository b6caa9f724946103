// A live workshop under load, against the real production server (`next start`) on SQLite.
//
// Two rooms: 200 participants join with the code from one address within a burst (the issue's
// targets), and a keynote of 1,000 from four addresses; in each, everyone votes once on the open
// question (the facilitator's action runs through lib/ in this process, on the same database: the
// server keeps no room state in memory, so it sees the change on its next read). Every
// acknowledged vote must be an answer row, and the state must show them all. Then the state
// endpoint (a participant's poll) against a bare GET route handler written into this benchmark's
// own build, in alternating slices of the same run: the target is >= 50%.
import fs from "node:fs";
import http from "node:http";
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

// The room the issue sets targets for (200 from one address), then a conference keynote (1,000
// from four networks: one venue address takes at most JOIN_SUCCESS_LIMIT joins in 10 minutes).
const ROOMS = [
  { participants: 200, addresses: ["127.0.0.1"], targets: true },
  {
    participants: 1000,
    addresses: ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"],
    targets: false,
  },
] as const;
const CONCURRENCY = 50;
const SLICES = 3;
const SLICE_SECONDS = 5;
const CONNECTIONS = 50;
const TARGET_RATIO = 0.5;
const BARE_PATH = "/api/bench-bare-get";

// One agent per source address (Linux answers on all of 127.0.0.0/8): the server
// records the socket's address, so this is how a room on several networks looks to it.
const agents = new Map<string, http.Agent>();
function agentFor(localAddress: string): http.Agent {
  let agent = agents.get(localAddress);
  if (!agent) {
    // No keep-alive: the server closes an idle socket after 5 s (between the phases), and a
    // request sent on it meanwhile fails with ECONNRESET.
    agent = new http.Agent({ keepAlive: false, maxSockets: CONCURRENCY, localAddress });
    agents.set(localAddress, agent);
  }
  return agent;
}

/** One request from `localAddress`; the status and the parsed JSON body. */
function send(
  url: string,
  options: { method: string; body?: unknown; token?: string; localAddress: string },
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = http.request(
      url,
      {
        method: options.method,
        agent: agentFor(options.localAddress),
        headers: {
          ...(payload ? { "content-type": "application/json" } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    // A failed request is a failure of the run (counted), not the end of the benchmark.
    request.on("error", (error: Error) => resolve({ status: 0, body: error.message }));
    request.end(payload);
  });
}

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
  const workshops = [];
  for (let i = 0; i < ROOMS.length; i += 1)
    workshops.push(await createWorkshop(gate.ctx, round.id, { plan: { kind: "gating" } }));
  return { ctx: gate.ctx, workshops };
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

type RoomRun = {
  participants: number;
  addresses: number;
  targets: boolean;
  joined: number;
  joins: Awaited<ReturnType<typeof timed>>;
  votes: Awaited<ReturnType<typeof timed>>;
  acknowledged: number;
  stored: number;
  failures: number;
  consistentAfterMs: number;
  state: ReturnType<typeof pool>;
};

export async function run(): Promise<{ title: string; markdown: string }> {
  const { base, port, env, appDir, logFile } = await prepareServer("workshop", addBareRoute);
  const { ctx, workshops } = await seed();
  const { nextQuestion } = await import("../lib/workshops/mutations");
  const { getDb } = await import("../lib/db");
  const { server, closeLog } = startNext({ appDir, env, port, logFile });
  const runs: RoomRun[] = [];
  const bareSlices: Slice[] = [];
  const roles = ["executive", "business", "technical", "data"];
  try {
    await waitUntilReady(base, server, logFile);
    for (const [r, room] of ROOMS.entries()) {
      const workshop = workshops[r]!;
      const tokens: string[] = [];
      const acknowledged = new Set<number>();
      let failures = 0;
      const from = (i: number) => room.addresses[i % room.addresses.length]!;
      const joins = await timed(room.participants, CONCURRENCY, async (i) => {
        const { status, body } = await send(`${base}/api/v1/workshops/join`, {
          method: "POST",
          body: { code: workshop.code, role: roles[i % 4], name: `P${i}` },
          localAddress: from(i),
        });
        if (status !== 201 || typeof body !== "object" || body === null || !("token" in body))
          failures += 1;
        else tokens[i] = String(body.token);
      });
      // The facilitator opens the first question, through lib/ on the same database.
      const questionId = (await nextQuestion(ctx, workshop.id, {})).questionId ?? "";
      const votes = await timed(room.participants, CONCURRENCY, async (i) => {
        const token = tokens[i];
        if (!token) return;
        const { status } = await send(`${base}/api/v1/workshops/${workshop.id}/vote`, {
          method: "PUT",
          body: { questionId, value: i % 5 },
          token,
          localAddress: from(i),
        });
        if (status === 200) acknowledged.add(i);
        else failures += 1;
      });
      const lastVote = performance.now();
      let consistentAfterMs = -1;
      while (performance.now() - lastVote < 10_000) {
        const { body } = await send(`${base}/api/v1/workshops/${workshop.id}/state`, {
          method: "GET",
          token: tokens[0],
          localAddress: from(0),
        });
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
      const stateSlices: Slice[] = [];
      for (let s = 0; s < SLICES; s += 1) {
        bareSlices.push(await measured(bareRequest));
        stateSlices.push(await measured(stateRequest));
      }
      const stored = await getDb().answer.count({
        where: { questionId, response: { participant: { workshopId: workshop.id } } },
      });
      runs.push({
        participants: room.participants,
        addresses: room.addresses.length,
        targets: room.targets,
        joined: tokens.filter(Boolean).length,
        joins,
        votes,
        acknowledged: acknowledged.size,
        stored,
        failures,
        consistentAfterMs,
        state: pool(stateSlices, SLICES * SLICE_SECONDS),
      });
    }
  } finally {
    await stopServer(server);
    closeLog();
    for (const agent of agents.values()) agent.destroy();
  }
  const bareLoad = pool(bareSlices, bareSlices.length * SLICE_SECONDS);
  const rows = runs.map((room) => {
    const lost = room.acknowledged - room.stored;
    const ratio = room.state.perSecond / bareLoad.perSecond;
    const target = (text: string, met: boolean) => (room.targets ? `${text}: ${verdict(met)}` : "");
    return `
### ${room.participants.toLocaleString("en")} participants, from ${room.addresses === 1 ? "one address" : `${room.addresses} addresses`}

| | figure | target |
|---|---|---|
| joins | ${room.joined} of ${room.participants} in ${fmt(room.joins.seconds, 1)} s; p50 ${ms(room.joins.times, 0.5)}, p99 ${ms(room.joins.times, 0.99)} | ${target("all within 10 s", room.joined === room.participants && room.joins.seconds <= 10)} |
| votes | ${room.acknowledged} acknowledged in ${fmt(room.votes.seconds, 1)} s; p50 ${ms(room.votes.times, 0.5)}, p99 ${ms(room.votes.times, 0.99)} | ${target("within 10 s", room.acknowledged === room.participants && room.votes.seconds <= 10)} |
| lost votes | ${lost} (acknowledged ${room.acknowledged}, answer rows ${room.stored}); other failures ${room.failures} | 0: ${verdict(lost === 0)} |
| state shows all votes | ${room.consistentAfterMs < 0 ? "not within 10 s" : `${fmt(room.consistentAfterMs)} ms after the last vote`} | ${target("within 2 s", room.consistentAfterMs >= 0 && room.consistentAfterMs <= 2000)} |
| state endpoint (a participant's poll, the question revealed to nobody yet) | ${fmt(room.state.perSecond)} req/s; p50 ${room.state.p50} ms, p99 ${room.state.p99} ms; non-2xx ${room.state.non2xx} | |
| state / bare GET route handler (${fmt(bareLoad.perSecond)} req/s over the run) | ${fmt(ratio * 100)}% | >= ${TARGET_RATIO * 100}%: ${verdict(ratio >= TARGET_RATIO)} |
`;
  });
  const markdown = `
Against \`next start\` on SQLite, ${CONCURRENCY} requests in flight; the state endpoint and a bare GET
route handler (written into this benchmark's own build) take turns in ${SLICES} slices of ${SLICE_SECONDS} s per room,
${CONNECTIONS} connections. A venue address takes at most 360 joins in 10 minutes (lib/workshops/limits.ts), so the keynote
joins from four local addresses, as a hall on several networks would.
${rows.join("")}`;
  return {
    title: "Live workshop: 200 and 1,000 participants join, vote, poll the state",
    markdown,
  };
}
