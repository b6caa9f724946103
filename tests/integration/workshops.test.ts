import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as createRoute from "@/app/api/v1/assessments/[id]/workshops/route";
import * as joinRoute from "@/app/api/v1/workshops/join/route";
import * as stateRoute from "@/app/api/v1/workshops/[id]/state/route";
import * as voteRoute from "@/app/api/v1/workshops/[id]/vote/route";
import * as openRoute from "@/app/api/v1/workshops/[id]/open/route";
import * as revealRoute from "@/app/api/v1/workshops/[id]/reveal/route";
import * as agreeRoute from "@/app/api/v1/workshops/[id]/agree/route";
import * as nextRoute from "@/app/api/v1/workshops/[id]/next/route";
import * as backRoute from "@/app/api/v1/workshops/[id]/back/route";
import * as pauseRoute from "@/app/api/v1/workshops/[id]/pause/route";
import * as endRoute from "@/app/api/v1/workshops/[id]/end/route";
import * as respondRoute from "@/app/api/v1/respond/[token]/route";
import * as respondAnswersRoute from "@/app/api/v1/respond/[token]/answers/route";
import * as respondSubmitRoute from "@/app/api/v1/respond/[token]/submit/route";
import { createAssessment, openAssessment } from "@/lib/assessments/mutations";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { getResult } from "@/lib/results/data";
import { closeAssessment } from "@/lib/results/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import { JOIN_FAILURE_LIMIT } from "@/lib/workshops/limits";
import {
  EXPECTED_ROOM_HEADROOM,
  JOIN_SUCCESS_LIMIT,
  joinLimitFor,
  WORKSHOP_PARTICIPANT_CAP,
} from "@/lib/workshops/room-size";
import { buildPlan } from "@/lib/workshops/plan";
import {
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  type RequestOptions,
} from "../fixtures/next-request";
import {
  addGrant,
  buildWorld,
  freshOrganization,
  uniqueSuffix,
  type World,
} from "../fixtures/world";

// The live workshop through its real route handlers: a consultant starts it on an open round,
// phones join with the code and vote with their token, the facilitator opens, reveals, agrees,
// moves on and ends. Each phone is a respondent of the round: its vote is its answer.

type Handler = (
  request: Request,
  route: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Outcome = { status: number; body: unknown; headers: Headers };

let world: World;
let organizationId = "";
const framework = getFramework(latestFrameworkVersion);
const plan = buildPlan(framework, { kind: "all" }).questionIds;
const Q1 = plan[0]!;
const Q2 = plan[1]!;

beforeAll(async () => {
  world = await buildWorld();
  organizationId = (await freshOrganization(world.a, "Workshops")).id;
});
afterAll(async () => {
  await disconnectDb();
});

async function call(
  handler: Handler,
  url: string,
  params: Record<string, string>,
  options: RequestOptions = {},
): Promise<Outcome> {
  const response = await handler(apiRequest(url, options), routeParams(params));
  const { status, body } = await readResponse(response);
  return { status, body, headers: response.headers };
}

function obj(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new Error(`expected an object, got ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}
const str = (body: unknown, key: string) => String(obj(body)[key]);

function expectError(outcome: Outcome, status: number, code: string): string {
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(status);
  if (!isErrorJson(outcome.body)) throw new Error(`not an error: ${JSON.stringify(outcome.body)}`);
  expect(outcome.body.error.code).toBe(code);
  return outcome.body.error.message;
}

const consultant = () => ({ bearer: world.a.consultant.bearer });

async function openRound(
  options: { anonymous?: boolean; minGroupSize?: number; roles?: string[] } = {},
) {
  const ctx = world.a.consultant.ctx;
  const round = await createAssessment(ctx, organizationId, {
    name: `Workshop round ${uniqueSuffix()}`,
    ...options,
  });
  await openAssessment(ctx, round.id);
  return round.id;
}

async function startWorkshop(assessmentId: string, body?: unknown) {
  const created = await call(
    createRoute.POST,
    `/api/v1/assessments/${assessmentId}/workshops`,
    { id: assessmentId },
    { ...consultant(), method: "POST", ...(body === undefined ? {} : { body }) },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: str(created.body, "id"), code: str(created.body, "code"), body: obj(created.body) };
}

let addressCounter = 0;
const freshAddress = () => `198.51.100.${(addressCounter += 1)}`;

const join = (body: unknown, address = freshAddress()) =>
  call(
    joinRoute.POST,
    "/api/v1/workshops/join",
    {},
    {
      body,
      headers: { "x-gapmap-client-address": address },
    },
  );

async function joined(code: string, role: string, name?: string) {
  const outcome = await join({ code, role, ...(name ? { name } : {}) });
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(201);
  return { token: str(outcome.body, "token"), participantId: str(outcome.body, "participantId") };
}

const state = (id: string, credentials: RequestOptions) =>
  call(stateRoute.GET, `/api/v1/workshops/${id}/state`, { id }, credentials);
const vote = (id: string, token: string, questionId: string, value: unknown) =>
  call(
    voteRoute.PUT,
    `/api/v1/workshops/${id}/vote`,
    { id },
    {
      bearer: token,
      method: "PUT",
      body: { questionId, value },
    },
  );
const act = (
  handler: Handler,
  name: string,
  id: string,
  body?: unknown,
  credentials = consultant(),
) =>
  call(
    handler,
    `/api/v1/workshops/${id}/${name}`,
    { id },
    {
      ...credentials,
      method: "POST",
      ...(body === undefined ? {} : { body }),
    },
  );

const answerOf = (token: string, questionId: string) =>
  getDb().answer.findFirst({
    where: { questionId, response: { invitation: { tokenHash: hashSecretToken(token) } } },
    select: { value: true },
  });

describe("starting a workshop", () => {
  it("answers 201 with a 6-character code without look-alikes and the join URL, in the lobby", async () => {
    const roundId = await openRound();
    const { body, code } = await startWorkshop(roundId, {});
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(body.phase).toBe("lobby");
    expect(body.joinUrl).toBe(`http://localhost:3000/join?code=${code}`);
  });

  it("runs one dimension or the gating questions when asked", async () => {
    const roundId = await openRound();
    const dimension = framework.dimensions[1]!;
    const w = await startWorkshop(roundId, {
      plan: { kind: "dimension", dimensionId: dimension.id },
    });
    const s = await act(nextRoute.POST, "next", w.id);
    expect(obj(obj(s.body).question).total).toBe(dimension.questions.length);
    expect(str(s.body, "questionId")).toBe(dimension.questions[0]!.id);
    const bad = await call(
      createRoute.POST,
      `/api/v1/assessments/${roundId}/workshops`,
      { id: roundId },
      {
        ...consultant(),
        body: { plan: { kind: "dimension", dimensionId: "nope" } },
      },
    );
    expectError(bad, 422, "validation_failed");
  });

  it("refuses a round that is not open (409), another workspace's round (404), an executive (403)", async () => {
    const draft = await createAssessment(world.a.consultant.ctx, organizationId, {
      name: `Draft ${uniqueSuffix()}`,
    });
    const url = `/api/v1/assessments/${draft.id}/workshops`;
    expectError(
      await call(createRoute.POST, url, { id: draft.id }, { ...consultant(), method: "POST" }),
      409,
      "round_not_open",
    );
    expectError(
      await call(
        createRoute.POST,
        url,
        { id: draft.id },
        { bearer: world.b.owner.bearer, method: "POST" },
      ),
      404,
      "not_found",
    );
    expectError(
      await call(
        createRoute.POST,
        url,
        { id: draft.id },
        { bearer: world.a.executive.bearer, method: "POST" },
      ),
      403,
      "forbidden",
    );
  });
});

describe("the room's state machine", () => {
  it("join, open, blind vote, change vote, reveal, agree, next, back, pause, end", async () => {
    const roundId = await openRound({ minGroupSize: 2 });
    const w = await startWorkshop(roundId);
    const alice = await joined(w.code.toLowerCase(), "technical", "Alice");
    const bob = await joined(w.code, "technical", "Bob");
    const carol = await joined(w.code, "executive", "Carol");

    let s = await state(w.id, { bearer: alice.token });
    expect(s.status).toBe(200);
    expect(obj(s.body)).toMatchObject({
      phase: "lobby",
      questionId: null,
      participants: 3,
      votes: 0,
      distribution: null,
      myVote: null,
    });

    // Nothing is open yet.
    expectError(await vote(w.id, alice.token, Q1, 2), 409, "question_not_open");

    s = await act(openRoute.POST, "open", w.id, { questionId: Q1, seconds: 60 });
    expect(obj(s.body)).toMatchObject({ phase: "voting", questionId: Q1, votes: 0 });
    expect(typeof obj(s.body).countdownEndsAt).toBe("string");

    expect((await vote(w.id, alice.token, Q1, 1)).status).toBe(200);
    expect((await vote(w.id, alice.token, Q1, 3)).status).toBe(200); // changed: the last counts
    expect((await vote(w.id, bob.token, Q1, "dont_know")).status).toBe(200);
    expect((await vote(w.id, carol.token, Q1, 4)).status).toBe(200);
    // The vote IS the participant's answer to the question (the executive too, whatever the audience).
    expect(await answerOf(alice.token, Q1)).toEqual({ value: "3" });
    expect(await answerOf(carol.token, Q1)).toEqual({ value: "4" });

    // Blind: a count, no distribution; each phone sees its own vote only.
    s = await state(w.id, { bearer: alice.token });
    expect(obj(s.body)).toMatchObject({ votes: 3, distribution: null, byRole: null, myVote: 3 });
    s = await state(w.id, consultant());
    expect(obj(s.body)).toMatchObject({ votes: 3, distribution: null, myVote: null });

    // A vote on a question that is not the open one.
    const wrong = expectError(await vote(w.id, alice.token, Q2, 1), 409, "question_not_open");
    expect(wrong).toMatch(/not open/);

    s = await act(revealRoute.POST, "reveal", w.id);
    expect(obj(s.body)).toMatchObject({
      phase: "revealed",
      distribution: { "0": 0, "1": 0, "2": 0, "3": 1, "4": 1, dont_know: 1 },
      spread: { min: 3, max: 4, median: 3.5 },
    });
    // technical (2) reaches the minimum group of 2; the lone executive does not, and the totals
    // less technical would give the executive's vote away: no breakdown by role at all.
    expect(obj(s.body)).toMatchObject({ byRole: null, byRoleHidden: true });
    const late = expectError(await vote(w.id, bob.token, Q1, 2), 409, "question_not_open");
    expect(late).toMatch(/revealed/);
    expect(await answerOf(bob.token, Q1)).toEqual({ value: "dont_know" });

    // Agree needs the revealed question; a reason is required.
    expectError(
      await act(agreeRoute.POST, "agree", w.id, { questionId: Q1, value: 3 }),
      422,
      "validation_failed",
    );
    expectError(
      await act(agreeRoute.POST, "agree", w.id, { questionId: Q2, value: 3, reason: "x" }),
      409,
      "conflict",
    );
    s = await act(agreeRoute.POST, "agree", w.id, {
      questionId: Q1,
      value: 3,
      reason: "Pilots are monitored, production is not",
    });
    expect(obj(s.body).agreed).toEqual({
      value: 3,
      reason: "Pilots are monitored, production is not",
    });
    const stored = await getDb().agreedLevel.findUnique({
      where: { assessmentId_questionId: { assessmentId: roundId, questionId: Q1 } },
      select: { value: true, reason: true, workshopId: true, agreedByUserId: true },
    });
    expect(stored).toEqual({
      value: "3",
      reason: "Pilots are monitored, production is not",
      workshopId: w.id,
      agreedByUserId: world.a.consultant.userId,
    });

    s = await act(nextRoute.POST, "next", w.id);
    expect(obj(s.body)).toMatchObject({ phase: "voting", questionId: Q2, votes: 0, agreed: null });
    expect((await vote(w.id, bob.token, Q2, 0)).status).toBe(200);

    s = await act(pauseRoute.POST, "pause", w.id);
    expect(obj(s.body)).toMatchObject({ phase: "lobby", paused: true, questionId: Q2 });
    expectError(await vote(w.id, bob.token, Q2, 1), 409, "question_not_open");

    s = await act(backRoute.POST, "back", w.id);
    expect(obj(s.body)).toMatchObject({ phase: "revealed", questionId: Q1, agreed: { value: 3 } });
    expectError(await act(backRoute.POST, "back", w.id), 409, "conflict");

    s = await act(endRoute.POST, "end", w.id);
    expect(obj(s.body)).toMatchObject({ phase: "ended", code: null });
    expectError(await vote(w.id, alice.token, Q1, 1), 409, "workshop_ended");
    expectError(await act(openRoute.POST, "open", w.id, { questionId: Q1 }), 409, "workshop_ended");
    // An ended code no longer joins.
    expectError(await join({ code: w.code, role: "data" }), 404, "not_found");
    // The round stays open for answers by link.
    expect(
      (await getDb().assessment.findUnique({ where: { id: roundId }, select: { state: true } }))
        ?.state,
    ).toBe("open");
  });

  it("refuses a vote after the round closed, with the respondent guard's code", async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId);
    const p = await joined(w.code, "data");
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    await getDb().assessment.update({ where: { id: roundId }, data: { state: "closed" } });
    expectError(await vote(w.id, p.token, Q1, 2), 409, "round_closed");
    expectError(await join({ code: w.code, role: "data" }), 409, "round_closed");
  });

  it("refuses bad votes with 422, never 500", async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId);
    const p = await joined(w.code, "business");
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    for (const value of [5, -1, "3", "not_applicable", null, 2.5])
      expectError(await vote(w.id, p.token, Q1, value), 422, "validation_failed");
    expectError(await vote(w.id, p.token, "\ud800", 1), 422, "validation_failed");
    expectError(await join({ code: w.code, role: "ceo" }), 422, "validation_failed");
    expectError(
      await join({ code: w.code, role: "data", name: "x".repeat(61) }),
      422,
      "validation_failed",
    );
  });
});

describe("going back", () => {
  it("to a question never revealed keeps its votes blind: paused, not revealed", async () => {
    const w = await startWorkshop(await openRound({ minGroupSize: 1 }));
    const p = await joined(w.code, "technical");
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    expect((await vote(w.id, p.token, Q1, 4)).status).toBe(200);
    await act(nextRoute.POST, "next", w.id);
    let s = await act(backRoute.POST, "back", w.id);
    expect(obj(s.body)).toMatchObject({
      phase: "lobby",
      paused: true,
      questionId: Q1,
      distribution: null,
      byRole: null,
      spread: null,
    });
    // Revealed once, it is shown again on the way back; voting again blinds it until revealed.
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    await act(revealRoute.POST, "reveal", w.id);
    await act(nextRoute.POST, "next", w.id);
    s = await act(backRoute.POST, "back", w.id);
    expect(obj(s.body)).toMatchObject({ phase: "revealed", questionId: Q1 });
    expect(obj(obj(s.body).distribution)["4"]).toBe(1);
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    await act(nextRoute.POST, "next", w.id);
    s = await act(backRoute.POST, "back", w.id);
    expect(obj(s.body)).toMatchObject({ phase: "lobby", questionId: Q1, distribution: null });
  });
});

describe("who may do what in the room", () => {
  it("another workspace's workshop is 404; a participant calling facilitator actions 403; a token of another workshop 404", async () => {
    const w = await startWorkshop(await openRound());
    const other = await startWorkshop(await openRound());
    const p = await joined(w.code, "business");
    const stranger = await joined(other.code, "business");

    expectError(await state(w.id, { bearer: world.b.owner.bearer }), 404, "not_found");
    expectError(
      await act(openRoute.POST, "open", w.id, { questionId: Q1 }, { bearer: world.b.owner.bearer }),
      404,
      "not_found",
    );
    for (const [handler, name, body] of [
      [openRoute.POST, "open", { questionId: Q1 }],
      [revealRoute.POST, "reveal", undefined],
      [agreeRoute.POST, "agree", { questionId: Q1, value: 1, reason: "r" }],
      [nextRoute.POST, "next", undefined],
      [endRoute.POST, "end", undefined],
    ] as const)
      expectError(await act(handler, name, w.id, body, { bearer: p.token }), 403, "forbidden");
    // An executive of the workspace reads the screen but runs nothing (their role: 403).
    expectError(
      await act(nextRoute.POST, "next", w.id, undefined, { bearer: world.a.executive.bearer }),
      403,
      "forbidden",
    );
    expect(obj((await state(w.id, { bearer: world.a.owner.bearer })).body).phase).toBe("lobby");
    // An executive sees the room of a granted organisation's round only, like its rounds.
    const executive = { bearer: world.a.executive.bearer };
    expectError(await state(w.id, executive), 404, "not_found");
    await addGrant(world.a, organizationId);
    expect(obj((await state(w.id, executive)).body).phase).toBe("lobby");
    await getDb().organizationGrant.deleteMany({
      where: { memberId: world.a.executive.memberId, organizationId },
    });
    expectError(await state(w.id, executive), 404, "not_found");

    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    expectError(await state(w.id, { bearer: stranger.token }), 404, "not_found");
    expectError(await vote(w.id, stranger.token, Q1, 1), 404, "not_found");
    expectError(await vote(w.id, "gmr_made-up-token-of-nobody", Q1, 1), 404, "not_found");
    // A member does not vote.
    expectError(
      await call(
        voteRoute.PUT,
        `/api/v1/workshops/${w.id}/vote`,
        { id: w.id },
        {
          ...consultant(),
          method: "PUT",
          body: { questionId: Q1, value: 1 },
        },
      ),
      403,
      "forbidden",
    );
    // Nothing was written by the refused calls.
    expect(
      (await getDb().workshop.findUnique({ where: { id: w.id }, select: { phase: true } }))?.phase,
    ).toBe("voting");
  });

  it("an anonymous round stores no name", async () => {
    const w = await startWorkshop(await openRound({ anonymous: true }));
    const p = await joined(w.code, "business", "Dana Secret");
    const row = await getDb().assessmentInvitation.findUnique({
      where: { tokenHash: hashSecretToken(p.token) },
      select: { name: true },
    });
    expect(row?.name).toBeNull();
  });
});

describe("a participant's token is not a respondent link", () => {
  it("the respond endpoints answer 404 for it, as for an unknown token; the vote still works", async () => {
    const w = await startWorkshop(await openRound());
    const p = await joined(w.code, "technical");
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    expect((await vote(w.id, p.token, Q1, 1)).status).toBe(200);
    await act(revealRoute.POST, "reveal", w.id);
    const params = { token: p.token };
    expectError(
      await call(respondRoute.GET, `/api/v1/respond/${p.token}`, params),
      404,
      "not_found",
    );
    // After the reveal the vote cannot change, nor can a question the room never opened be answered.
    for (const answers of [{ [Q1]: 4 }, { [Q2]: 2 }])
      expectError(
        await call(respondAnswersRoute.PUT, `/api/v1/respond/${p.token}/answers`, params, {
          method: "PUT",
          body: { answers },
        }),
        404,
        "not_found",
      );
    expectError(
      await call(respondSubmitRoute.POST, `/api/v1/respond/${p.token}/submit`, params, {
        method: "POST",
      }),
      404,
      "not_found",
    );
    expect(await answerOf(p.token, Q1)).toEqual({ value: "1" });
    expect(await answerOf(p.token, Q2)).toBeNull();
    await act(openRoute.POST, "open", w.id, { questionId: Q2 });
    expect((await vote(w.id, p.token, Q2, 3)).status).toBe(200);
  });
});

describe("what a phone offers before joining", () => {
  const choices = (code: string, address = freshAddress()) =>
    call(
      joinRoute.GET,
      `/api/v1/workshops/join?code=${encodeURIComponent(code)}`,
      {},
      { headers: { "x-gapmap-client-address": address } },
    );

  it("the round's roles in framework order, and whether it is anonymous; a role outside them cannot join", async () => {
    const w = await startWorkshop(await openRound({ roles: ["technical", "business"] }));
    const offered = await choices(w.code.toLowerCase());
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);
    expect(offered.body).toEqual({ roles: ["business", "technical"], anonymous: false });
    expectError(await join({ code: w.code, role: "executive" }), 422, "validation_failed");

    const anonymous = await startWorkshop(await openRound({ anonymous: true }));
    expect((await choices(anonymous.code)).body).toEqual({
      roles: ["executive", "business", "technical", "data"],
      anonymous: true,
    });
  });

  it("an unknown or ended code is 404, and every lookup counts against the guessing limit", async () => {
    const w = await startWorkshop(await openRound());
    expectError(await choices("ZZZZZZ"), 404, "not_found");
    expectError(await choices(""), 422, "validation_failed");
    // A code that is not text (a lone surrogate's bytes) is a clear 404, never a 500.
    const odd = await call(joinRoute.GET, "/api/v1/workshops/join?code=%ED%A0%80ABCDE", {}, {});
    expectError(odd, 404, "not_found");
    const address = `198.18.0.${Math.floor(Math.random() * 250) + 1}`;
    await getDb().rateLimit.deleteMany({ where: { key: `workshop-join-fail:${address}` } });
    expect((await choices(w.code, address)).status).toBe(200);
    for (let i = 0; i < JOIN_FAILURE_LIMIT.max; i += 1)
      expectError(await choices("ZZZZZZ", address), 404, "not_found");
    expectError(await choices(w.code, address), 429, "rate_limited");
    await act(endRoute.POST, "end", w.id);
    expectError(await choices(w.code), 404, "not_found");
  });
});

describe("join codes cannot be guessed", () => {
  it(`after ${JOIN_FAILURE_LIMIT.max} wrong codes in a minute the address gets 429 with Retry-After; right codes are not counted`, async () => {
    const w = await startWorkshop(await openRound());
    const address = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    await getDb().rateLimit.deleteMany({ where: { key: `workshop-join-fail:${address}` } });
    // A room of 40 behind one address joins: successes are never limited.
    for (let i = 0; i < 40; i += 1)
      expect((await join({ code: w.code, role: "business" }, address)).status).toBe(201);
    for (let i = 0; i < JOIN_FAILURE_LIMIT.max; i += 1)
      expectError(await join({ code: "ZZZZZZ", role: "business" }, address), 404, "not_found");
    const limited = await join({ code: w.code, role: "business" }, address);
    expectError(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address is not affected.
    expect((await join({ code: w.code, role: "business" })).status).toBe(201);
  });
});

describe("joins with the right code are bounded too", () => {
  it(`after ${JOIN_SUCCESS_LIMIT.max} joins in 10 minutes from one address: 429; another address still joins`, async () => {
    const w = await startWorkshop(await openRound());
    const address = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < JOIN_SUCCESS_LIMIT.max; i += 1)
      expect((await join({ code: w.code, role: "business" }, address)).status).toBe(201);
    const limited = await join({ code: w.code, role: "business" }, address);
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await join({ code: w.code, role: "business" })).status).toBe(201);
    expect(await getDb().participant.count({ where: { workshopId: w.id } })).toBe(
      JOIN_SUCCESS_LIMIT.max + 1,
    );
  }, 60_000);

  it("a keynote the facilitator sized: one address joins up to 120% of the expected room, then 429", async () => {
    // 310 expected: 372 joins from one venue's address, above the usual 360.
    const expected = 310;
    const limit = Math.ceil(expected * EXPECTED_ROOM_HEADROOM);
    expect(joinLimitFor(expected)).toBe(limit);
    expect(limit).toBeGreaterThan(JOIN_SUCCESS_LIMIT.max);
    const w = await startWorkshop(await openRound(), {
      plan: { kind: "gating" },
      expectedParticipants: expected,
    });
    expect(
      (await getDb().workshop.findUniqueOrThrow({ where: { id: w.id } })).expectedParticipants,
    ).toBe(expected);
    const address = "203.0.113.200";
    for (let i = 0; i < limit; i += 1)
      expect((await join({ code: w.code, role: "business" }, address)).status).toBe(201);
    expectError(await join({ code: w.code, role: "business" }, address), 429, "rate_limited");
  }, 90_000);

  it("refuses an expected room size that is not a whole number from 1 to the cap, saying which field", async () => {
    const roundId = await openRound();
    for (const expectedParticipants of [0, 2.5, WORKSHOP_PARTICIPANT_CAP + 1, "500"]) {
      const refused = await call(
        createRoute.POST,
        `/api/v1/assessments/${roundId}/workshops`,
        { id: roundId },
        { ...consultant(), method: "POST", body: { expectedParticipants } },
      );
      expect(refused.status, String(expectedParticipants)).toBe(422);
      expect(JSON.stringify(refused.body)).toContain("expectedParticipants");
    }
    // Sizes beyond the cap never lift the limit past it; none keeps the usual one.
    expect(joinLimitFor(WORKSHOP_PARTICIPANT_CAP)).toBe(WORKSHOP_PARTICIPANT_CAP);
    expect(joinLimitFor(null)).toBe(JOIN_SUCCESS_LIMIT.max);
    expect(joinLimitFor(20)).toBe(JOIN_SUCCESS_LIMIT.max);
  });

  it(`a workshop takes at most ${WORKSHOP_PARTICIPANT_CAP} participants: then 409`, async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId);
    const db = getDb();
    const workspaceId: string = world.a.id;
    const ids = Array.from({ length: WORKSHOP_PARTICIPANT_CAP - 1 }, () => crypto.randomUUID());
    await db.assessmentInvitation.createMany({
      data: ids.map((id) => ({
        id,
        workspaceId,
        assessmentId: roundId,
        kind: "personal" as const,
        tokenHash: `seed-${id}`,
        role: "business",
      })),
    });
    await db.response.createMany({
      data: ids.map((id) => ({
        id,
        workspaceId,
        assessmentId: roundId,
        invitationId: id,
        role: "business",
      })),
    });
    await db.participant.createMany({
      data: ids.map((id) => ({ workshopId: w.id, responseId: id, tokenHash: `seed-${id}` })),
    });
    expect((await join({ code: w.code, role: "business" })).status).toBe(201);
    const full = expectError(await join({ code: w.code, role: "business" }), 409, "conflict");
    expect(full).toMatch(/full/);
    expect(await db.participant.count({ where: { workshopId: w.id } })).toBe(
      WORKSHOP_PARTICIPANT_CAP,
    );
  }, 60_000);
});

describe("a burst of wrong codes", () => {
  it("80 wrong codes at once from one address: all beyond the limit get 429", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 50) + 201}`;
    await getDb().rateLimit.deleteMany({ where: { key: `workshop-join-fail:${address}` } });
    const outcomes = await Promise.all(
      Array.from({ length: 80 }, () => join({ code: "ZZZZZZ", role: "business" }, address)),
    );
    const limited = outcomes.filter((o) => o.status === 429).length;
    expect(outcomes.every((o) => o.status === 429 || o.status === 404)).toBe(true);
    expect(limited).toBeGreaterThanOrEqual(50);
  });

  it("a room of 60 joining at once from one address all get in: right codes are no guesses", async () => {
    const w = await startWorkshop(await openRound());
    const address = `203.0.113.${Math.floor(Math.random() * 50) + 201}`;
    await getDb().rateLimit.deleteMany({ where: { key: `workshop-join-fail:${address}` } });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () => join({ code: w.code, role: "business" }, address)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 201));
  });
});

describe("a closed round", () => {
  it("takes no agreed level: the facilitator's actions answer 409 round_closed", async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId);
    const p = await joined(w.code, "technical");
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    expect((await vote(w.id, p.token, Q1, 2)).status).toBe(200);
    await act(revealRoute.POST, "reveal", w.id);
    await getDb().assessment.update({ where: { id: roundId }, data: { state: "closed" } });
    expectError(
      await act(agreeRoute.POST, "agree", w.id, { questionId: Q1, value: 3, reason: "late" }),
      409,
      "round_closed",
    );
    expectError(await act(nextRoute.POST, "next", w.id), 409, "round_closed");
    expect(await getDb().agreedLevel.findFirst({ where: { assessmentId: roundId } })).toBeNull();
  });

  it("closing the round ends its live workshops and frees their codes", async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId);
    const p = await joined(w.code, "technical");
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    expect((await vote(w.id, p.token, Q1, 2)).status).toBe(200);
    await closeAssessment(world.a.consultant.ctx, roundId);
    const row = await getDb().workshop.findUnique({
      where: { id: w.id },
      select: { phase: true, liveCode: true, endedAt: true },
    });
    expect(row?.phase).toBe("ended");
    expect(row?.liveCode).toBeNull();
    expect(row?.endedAt).toBeInstanceOf(Date);
    expectError(await join({ code: w.code, role: "data" }), 404, "not_found");
  });
});

describe("the agreed level is what the round scores", () => {
  it("closing the round scores the agreed level, keeps the individual median beside it", async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId);
    const phones = [
      await joined(w.code, "technical"),
      await joined(w.code, "technical"),
      await joined(w.code, "executive"),
    ];
    await act(openRoute.POST, "open", w.id, { questionId: Q1 });
    for (const [phone, value] of phones.map((p, i) => [p, [0, 1, 4][i]] as const))
      expect((await vote(w.id, phone.token, Q1, value)).status).toBe(200);
    await act(revealRoute.POST, "reveal", w.id);
    await act(agreeRoute.POST, "agree", w.id, {
      questionId: Q1,
      value: 2,
      reason: "Monitored in one team",
    });
    await act(endRoute.POST, "end", w.id);

    await closeAssessment(world.a.consultant.ctx, roundId);
    const { result, agreed } = await getResult(world.a.consultant.ctx, roundId);
    expect(result.questions.find((q) => q.id === Q1)?.medianLevel).toBe(2);
    expect(agreed).toEqual([
      expect.objectContaining({
        questionId: Q1,
        value: 2,
        reason: "Monitored in one team",
        individualMedian: 1,
      }),
    ]);
    // The individual votes are kept as answered.
    expect(await answerOf(phones[2]!.token, Q1)).toEqual({ value: "4" });
  });

  it("a workshop on the gating questions: the participants are expected to answer only those", async () => {
    const roundId = await openRound();
    const w = await startWorkshop(roundId, { plan: { kind: "gating" } });
    const gating = buildPlan(framework, { kind: "gating" }).questionIds;
    const roles = ["executive", "business", "technical", "data"];
    const phones = [];
    for (const role of roles) phones.push(await joined(w.code, role));
    for (const questionId of gating) {
      expect((await act(nextRoute.POST, "next", w.id)).status).toBe(200);
      for (const phone of phones)
        expect((await vote(w.id, phone.token, questionId, 3)).status).toBe(200);
      await act(revealRoute.POST, "reveal", w.id);
    }
    await act(endRoute.POST, "end", w.id);

    await closeAssessment(world.a.consultant.ctx, roundId);
    const { result } = await getResult(world.a.consultant.ctx, roundId);
    // Every question they were asked was answered: full coverage, so the round has an index
    // (counted against the whole questionnaire it would be about a fifth, and no index at all).
    expect(result.overall.coverage).toBe(1);
    expect(result.overall.score).not.toBeNull();
  });
});
