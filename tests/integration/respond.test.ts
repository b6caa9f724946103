import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as closeRoute from "@/app/api/v1/assessments/[id]/close/route";
import * as answersRoute from "@/app/api/v1/respond/[token]/answers/route";
import * as respondRoute from "@/app/api/v1/respond/[token]/route";
import * as startRoute from "@/app/api/v1/respond/[token]/start/route";
import * as submitRoute from "@/app/api/v1/respond/[token]/submit/route";
import { hashSecretToken } from "@/lib/auth/secret-token";
import {
  createAssessment,
  createInvitations,
  createOpenLink,
  openAssessment,
  revokeRespondentLink,
} from "@/lib/assessments/mutations";
import { closeAssessment } from "@/lib/results/mutations";
import { databaseProvider, disconnectDb, getDb, sqliteTurnsInUse } from "@/lib/db";
import { getFramework, latestFrameworkVersion, type RespondentRole } from "@/lib/framework";
import { questionsFor } from "@/lib/responses/data";
import {
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  type ErrorJson,
  type RequestOptions,
} from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// Closing's lock on the round (lockForUpdate on "Assessment", inside closeAssessment's
// transaction) passes through, except when a test holds the gate: then the close waits, holding
// the lock, until the test lets it go. That makes "a save arrives while the round is closing"
// repeatable instead of a matter of timing.
const closeGate = vi.hoisted(() => ({ hold: null as Promise<void> | null, reached: () => {} }));
vi.mock("@/lib/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db")>();
  return {
    ...original,
    lockForUpdate: async (...args: Parameters<typeof original.lockForUpdate>) => {
      await original.lockForUpdate(...args);
      const hold = closeGate.hold;
      if (hold && args[1] === "Assessment") {
        closeGate.hold = null;
        closeGate.reached();
        await hold;
      }
    },
  };
});

// The respondent's side through the real /api/v1/respond routes: no account, the link's token is
// the credential. Rounds and links are set up through lib/ as a consultant would make them.

type Handler = (
  request: Request,
  route: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Outcome = { status: number; body: unknown };

let world: World;
let organizationId = "";

beforeAll(async () => {
  world = await buildWorld();
  organizationId = (await freshOrganization(world.a, "Respondents")).id;
});
afterAll(async () => {
  await disconnectDb();
});

async function call(
  handler: Handler,
  url: string,
  token: string,
  options: RequestOptions = {},
): Promise<Outcome> {
  return readResponse(await handler(apiRequest(url, options), routeParams({ token })));
}

const view = (token: string) => call(respondRoute.GET, `/api/v1/respond/${token}`, token);
const put = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  call(answersRoute.PUT, `/api/v1/respond/${token}/answers`, token, {
    method: "PUT",
    body,
    headers,
  });
const submit = (token: string, key?: string) =>
  call(submitRoute.POST, `/api/v1/respond/${token}/submit`, token, {
    method: "POST",
    headers: key === undefined ? {} : { "idempotency-key": key },
  });
const start = (token: string, body: unknown) =>
  call(startRoute.POST, `/api/v1/respond/${token}/start`, token, { method: "POST", body });

async function expectError(
  outcome: Promise<Outcome> | Outcome,
  status: number,
  code: string,
): Promise<ErrorJson["error"]> {
  const { status: actual, body } = await outcome;
  expect(actual, JSON.stringify(body)).toBe(status);
  if (!isErrorJson(body)) throw new Error(`not an error body: ${JSON.stringify(body)}`);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\bat .+:\d+:\d+|prisma|sqlite|postgres/i);
  return body.error;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new Error(`expected an object, got ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

const framework = getFramework(latestFrameworkVersion);
const askedOf = (role: RespondentRole) =>
  questionsFor(framework, role).flatMap((section) => section.questions);

type Round = { id: string; tokens: string[] };

/** A round of A's organisation with personal links for the given roles. */
async function round(
  roles: RespondentRole[],
  options: { state?: "draft" | "open"; roundRoles?: RespondentRole[] } = {},
): Promise<Round> {
  const ctx = world.a.consultant.ctx;
  const assessment = await createAssessment(ctx, organizationId, {
    name: `Respond ${uniqueSuffix()}`,
    ...(options.roundRoles ? { roles: options.roundRoles } : {}),
  });
  const links = roles.length
    ? await createInvitations(ctx, assessment.id, { invitations: roles.map((role) => ({ role })) })
    : [];
  if (options.state !== "draft") await openAssessment(ctx, assessment.id);
  return { id: assessment.id, tokens: links.map((l) => l.token) };
}

const rowsOf = (token: string) =>
  getDb().answer.findMany({
    where: { response: { invitation: { tokenHash: hashSecretToken(token) } } },
    orderBy: { questionId: "asc" },
    select: { id: true, questionId: true, value: true, comment: true },
  });
const responseOf = (token: string) =>
  getDb().response.findFirstOrThrow({
    where: { invitation: { tokenHash: hashSecretToken(token) } },
  });

describe("links that do not work", () => {
  it("unknown and malformed tokens are 404 on every respondent endpoint", async () => {
    const { tokens } = await round(["business"]);
    const [kept] = tokens as [string];
    const q = askedOf("business")[0]!.id;
    const bad = [
      `gmr_${"A".repeat(43)}`,
      kept.slice(0, -1),
      "short",
      "x".repeat(201),
      "../../organizations",
    ];
    for (const token of bad) {
      const error = await expectError(view(token), 404, "not_found");
      expect(error.message).toMatch(/link/i);
      await expectError(put(token, { answers: { [q]: 2 } }), 404, "not_found");
      await expectError(submit(token), 404, "not_found");
      await expectError(submit(token, "key"), 404, "not_found");
      await expectError(start(token, { role: "business" }), 404, "not_found");
    }
    expect((await view(kept)).status).toBe(200);
  });

  // Only the holder of the token can tell a withdrawn link from an unknown one: they know it
  // existed. Reading it is 404 as before; a write says why it was refused, so the page can say so.
  it("a withdrawn link: reads are 404, saves, submits and starts are 409 link_withdrawn, and nothing is written", async () => {
    const { id, tokens } = await round(["business", "data"]);
    const [revoked, kept] = tokens as [string, string];
    const q = askedOf("business");
    expect((await put(revoked, { answers: { [q[0]!.id]: 1 } })).status).toBe(200);
    const invitation = await getDb().assessmentInvitation.findUniqueOrThrow({
      where: { tokenHash: hashSecretToken(revoked) },
    });
    await revokeRespondentLink(world.a.consultant.ctx, id, invitation.id);
    const stale = await createOpenLink(world.a.consultant.ctx, id);
    await createOpenLink(world.a.consultant.ctx, id);

    await expectError(view(revoked), 404, "not_found");
    const error = await expectError(
      put(revoked, { answers: { [q[1]!.id]: 2 } }),
      409,
      "link_withdrawn",
    );
    expect(error.message).toMatch(/withdrawn/i);
    await expectError(submit(revoked), 409, "link_withdrawn");
    await expectError(submit(revoked, "key"), 409, "link_withdrawn");

    await expectError(view(stale.token), 404, "not_found");
    await expectError(start(stale.token, { role: "business" }), 409, "link_withdrawn");
    // An open link never takes answers, withdrawn or not.
    await expectError(put(stale.token, { answers: { [q[1]!.id]: 2 } }), 404, "not_found");
    await expectError(submit(stale.token), 404, "not_found");

    // The withdrawn respondent's answer is kept as it was; the other link still works.
    expect((await rowsOf(revoked)).map((r) => r.value)).toEqual(["1"]);
    expect((await responseOf(revoked)).submittedAt).toBeNull();
    expect(await getDb().response.count({ where: { assessmentId: id } })).toBe(2);
    expect((await view(kept)).status).toBe(200);
  });

  it("a withdrawn link in a closed round is link_withdrawn: the link is why, whatever the round", async () => {
    const { id, tokens } = await round(["business", "business"]);
    const [revoked, other] = tokens as [string, string];
    expect((await put(other, { answers: { [askedOf("business")[0]!.id]: 2 } })).status).toBe(200);
    const invitation = await getDb().assessmentInvitation.findUniqueOrThrow({
      where: { tokenHash: hashSecretToken(revoked) },
    });
    await revokeRespondentLink(world.a.consultant.ctx, id, invitation.id);
    await closeAssessment(world.a.consultant.ctx, id);
    await expectError(
      put(revoked, { answers: { [askedOf("business")[1]!.id]: 2 } }),
      409,
      "link_withdrawn",
    );
    await expectError(submit(revoked), 409, "link_withdrawn");
  });
});

describe("PUT /respond/{token}/answers: bodies it refuses", () => {
  let token = "";
  let before: Awaited<ReturnType<typeof rowsOf>> = [];
  const business = askedOf("business");
  const notApplicable = business.find((q) => q.allowNotApplicable)!;
  const noNotApplicable = business.find((q) => !q.allowNotApplicable)!;

  beforeAll(async () => {
    [token] = (await round(["business"])).tokens as [string];
    expect((await put(token, { answers: { [business[0]!.id]: 2 } })).status).toBe(200);
    before = await rowsOf(token);
  });

  it("malformed JSON and empty bodies are 400", async () => {
    for (const body of ["", "  ", "{", '{"answers": {', "undefined", "{'answers': {}}"])
      await expectError(put(token, body), 400, "bad_request");
    expect(await rowsOf(token)).toEqual(before);
  });

  it("a body over 64 KB is 413, declared or not", async () => {
    const huge = JSON.stringify({
      answers: { [business[1]!.id]: 3 },
      comments: { [business[1]!.id]: "c".repeat(70 * 1024) },
    });
    await expectError(put(token, huge), 413, "payload_too_large");
    await expectError(
      put(token, huge, { "content-length": String(huge.length) }),
      413,
      "payload_too_large",
    );
    // A lying small content-length does not let a big body through.
    await expectError(put(token, huge, { "content-length": "10" }), 413, "payload_too_large");
    expect(await rowsOf(token)).toEqual(before);
  });

  it("invalid values are 422 naming each field path, and nothing of the batch is saved", async () => {
    const good = business[1]!.id;
    const cases: [unknown, string][] = [
      [{ answers: { [good]: 3, "nope.unknown": 2 } }, "answers.nope.unknown"],
      [{ answers: { [good]: 5 } }, `answers.${good}`],
      [{ answers: { [good]: -1 } }, `answers.${good}`],
      [{ answers: { [good]: 2.5 } }, `answers.${good}`],
      [{ answers: { [good]: "3" } }, `answers.${good}`],
      [{ answers: { [good]: null } }, `answers.${good}`],
      [{ answers: { [good]: "maybe" } }, `answers.${good}`],
      [
        { answers: { [good]: 3, [noNotApplicable.id]: "not_applicable" } },
        `answers.${noNotApplicable.id}`,
      ],
      [{ answers: [3] }, "answers"],
      [{ answers: "all fours" }, "answers"],
      [{}, "answers"],
      [{ answers: { [good]: 3 }, comments: { [good]: 7 } }, `comments.${good}`],
      [{ answers: { [good]: 3 }, comments: { [good]: "c".repeat(2001) } }, `comments.${good}`],
      [{ answers: { [good]: 3 }, comments: { "nope.unknown": "hi" } }, "comments.nope.unknown"],
      [{ answers: { [good]: 3 }, submittedAt: "2027-01-01" }, "_"],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(put(token, body), 422, "validation_failed");
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    await expectError(put(token, "[]"), 422, "validation_failed");
    await expectError(put(token, "null"), 422, "validation_failed");
    await expectError(put(token, "42"), 422, "validation_failed");
    expect(await rowsOf(token)).toEqual(before);
  });

  it("a question the framework does not ask of this role is 422 naming it, and nothing of the batch is saved", async () => {
    const asked = new Set(business.map((q) => q.id));
    const notAsked = framework.dimensions.flatMap((d) => d.questions).find((q) => !asked.has(q.id));
    expect(notAsked, "the framework asks some question of other roles only").toBeDefined();
    const error = await expectError(
      put(token, { answers: { [business[2]!.id]: 1, [notAsked!.id]: 3 } }),
      422,
      "validation_failed",
    );
    expect(error.fields).toMatchObject({
      [`answers.${notAsked!.id}`]: "This question is not asked of your role.",
    });
    expect(await rowsOf(token)).toEqual(before);
  });

  // JSON.parse makes `__proto__` an own key like any other; zod's record leaves it out without a
  // word, which acknowledged the save (`saved: 0`) and dropped what the respondent sent.
  it("an answer or comment keyed __proto__, constructor or toString is 422 naming it, like any unknown question", async () => {
    const good = business[1]!.id;
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      for (const [text, field] of [
        [`{"answers": {"${good}": 3, "${key}": 2}}`, `answers.${key}`],
        [`{"answers": {"${key}": {"${good}": 1}}}`, `answers.${key}`],
        [`{"answers": {"${good}": 3}, "comments": {"${key}": "hi"}}`, `comments.${key}`],
      ] as const) {
        const error = await expectError(put(token, text), 422, "validation_failed");
        expect(Object.keys(error.fields ?? {}), text).toContain(field);
      }
      const error = await expectError(
        put(token, `{"answers": {"${key}": 2}}`),
        422,
        "validation_failed",
      );
      expect(error.fields).toEqual({ [`answers.${key}`]: "Unknown question." });
    }
    expect(await rowsOf(token)).toEqual(before);
  });

  it("not_applicable is taken where the question allows it", async () => {
    const saved = await put(token, { answers: { [notApplicable.id]: "not_applicable" } });
    expect(saved.status).toBe(200);
    const row = (await rowsOf(token)).find((r) => r.questionId === notApplicable.id);
    expect(row?.value).toBe("not_applicable");
  });

  it("a comment alone on an answered question is saved and leaves the answer as it is", async () => {
    const q = business[4]!.id;
    expect((await put(token, { answers: { [q]: 3 } })).status).toBe(200);
    expect(
      (await put(token, { answers: {}, comments: { [q]: "Owner named in May" } })).status,
    ).toBe(200);
    const back = objectBody((await view(token)).body);
    expect(back.answers).toMatchObject({ [q]: 3 });
    expect(back.comments).toMatchObject({ [q]: "Owner named in May" });
  });

  it("a comment sent before its question is answered is refused with 422 naming it, not acknowledged and dropped", async () => {
    const q = business[3]!.id;
    const saved = await put(token, { answers: {}, comments: { [q]: "Ask me after the audit" } });
    expect(saved.status).toBe(422);
    expect(JSON.stringify(saved.body)).toContain(`comments.${q}`);
    const back = objectBody((await view(token)).body);
    expect(back.comments).not.toHaveProperty(q);
  });
});

describe("rounds that take no answers", () => {
  it("a draft round: answers, submissions and open-link starts are 409 round_not_open", async () => {
    const { id, tokens } = await round(["technical"], { state: "draft" });
    const token = tokens[0]!;
    const error = await expectError(
      put(token, { answers: { [askedOf("technical")[0]!.id]: 1 } }),
      409,
      "round_not_open",
    );
    expect(error.message).toMatch(/not opened/i);
    await expectError(submit(token), 409, "round_not_open");
    await expectError(submit(token, "draft-key"), 409, "round_not_open");
    const openLink = await createOpenLink(world.a.consultant.ctx, id);
    await expectError(start(openLink.token, { role: "technical" }), 409, "round_not_open");
    expect(await rowsOf(token)).toEqual([]);
    expect((await responseOf(token)).submittedAt).toBeNull();
  });

  it("a closed round: answers, submissions and starts are 409 round_closed and the result is unchanged", async () => {
    const { id, tokens } = await round(["business", "business"]);
    const [a, b] = tokens as [string, string];
    const q = askedOf("business");
    expect((await put(a, { answers: { [q[0]!.id]: 3 } })).status).toBe(200);
    const openLink = await createOpenLink(world.a.consultant.ctx, id);
    const closed = await readResponse(
      await closeRoute.POST(
        apiRequest(`/api/v1/assessments/${id}/close`, {
          method: "POST",
          bearer: world.a.consultant.bearer,
        }),
        routeParams({ id }),
      ),
    );
    expect(closed.status).toBe(200);
    const result = await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } });
    for (const token of [a, b]) {
      const error = await expectError(
        put(token, { answers: { [q[1]!.id]: 1 } }),
        409,
        "round_closed",
      );
      expect(error.message).toMatch(/closed/i);
      await expectError(submit(token), 409, "round_closed");
      await expectError(submit(token, `k-${token.slice(-6)}`), 409, "round_closed");
    }
    await expectError(start(openLink.token, { role: "business" }), 409, "round_closed");
    expect((await rowsOf(a)).map((r) => r.value)).toEqual(["3"]);
    expect(await rowsOf(b)).toEqual([]);
    expect(await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } })).toEqual(result);
  });
});

describe("submitting", () => {
  it("a second submit without a key is 409 already_submitted and keeps the first submission", async () => {
    const [token] = (await round(["data"])).tokens as [string];
    const q = askedOf("data");
    expect((await put(token, { answers: { [q[0]!.id]: 4 } })).status).toBe(200);
    const first = await submit(token);
    expect(first.status).toBe(200);
    const { submittedAt } = await responseOf(token);
    await expectError(submit(token), 409, "already_submitted");
    // A key sent only now does not make a second submission either.
    await expectError(submit(token, "after-the-fact"), 409, "already_submitted");
    expect((await responseOf(token)).submittedAt).toEqual(submittedAt);
  });

  it("a save after the submission is 409 already_submitted and changes nothing", async () => {
    const [token] = (await round(["data"])).tokens as [string];
    const q = askedOf("data");
    expect((await put(token, { answers: { [q[0]!.id]: 4 } })).status).toBe(200);
    expect((await submit(token, "k-submitted")).status).toBe(200);
    const before = await rowsOf(token);
    const error = await expectError(
      put(token, { answers: { [q[0]!.id]: 1, [q[1]!.id]: 2 } }),
      409,
      "already_submitted",
    );
    expect(error.message).toMatch(/submitted/i);
    await expectError(
      put(token, { answers: {}, comments: { [q[0]!.id]: "late" } }),
      409,
      "already_submitted",
    );
    expect(await rowsOf(token)).toEqual(before);
  });

  it("the same Idempotency-Key twice returns the same status and body and submits once", async () => {
    const [token] = (await round(["executive"])).tokens as [string];
    const q = askedOf("executive");
    expect((await put(token, { answers: { [q[0]!.id]: 1, [q[1]!.id]: 2 } })).status).toBe(200);
    const key = `submit-${uniqueSuffix()}`;
    const first = await submit(token, key);
    expect(first.status).toBe(200);
    expect(objectBody(first.body)).toMatchObject({ answered: 2 });
    const { submittedAt } = await responseOf(token);
    expect(submittedAt?.toISOString()).toBe(objectBody(first.body).submittedAt);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await submit(token, key);
    expect(second).toEqual(first);
    expect((await responseOf(token)).submittedAt).toEqual(submittedAt);
    const response = await responseOf(token);
    expect(
      await getDb().idempotencyRecord.count({ where: { scope: `submit:${response.id}` } }),
    ).toBe(1);
    // Another key is another request: the response is already submitted.
    await expectError(submit(token, `${key}-other`), 409, "already_submitted");
  });

  it("concurrent submits with one key all get the one submission's answer", async () => {
    const [token] = (await round(["technical"])).tokens as [string];
    expect((await put(token, { answers: { [askedOf("technical")[0]!.id]: 3 } })).status).toBe(200);
    const key = `race-${uniqueSuffix()}`;
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => submit(token, key)));
    for (const outcome of outcomes) expect(outcome, JSON.stringify(outcome)).toEqual(outcomes[0]);
    expect(outcomes[0]!.status).toBe(200);
    const response = await responseOf(token);
    expect(response.submittedAt?.toISOString()).toBe(objectBody(outcomes[0]!.body).submittedAt);
    expect(
      await getDb().idempotencyRecord.count({ where: { scope: `submit:${response.id}` } }),
    ).toBe(1);
  });

  it("concurrent submits without a key: exactly one succeeds, the others are 409", async () => {
    const [token] = (await round(["business"])).tokens as [string];
    expect((await put(token, { answers: { [askedOf("business")[0]!.id]: 3 } })).status).toBe(200);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => submit(token)));
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(1);
    const refused = outcomes.filter((o) => o.status !== 200);
    expect(refused).toHaveLength(5);
    for (const outcome of refused) await expectError(outcome, 409, "already_submitted");
  });

  it("an Idempotency-Key that is empty or over 200 characters is 422 and submits nothing", async () => {
    const [token] = (await round(["business"])).tokens as [string];
    await expectError(submit(token, ""), 422, "validation_failed");
    await expectError(submit(token, "   "), 422, "validation_failed");
    await expectError(submit(token, "k".repeat(201)), 422, "validation_failed");
    expect((await responseOf(token)).submittedAt).toBeNull();
  });
});

describe("saving under concurrency", () => {
  it("the same new answer saved concurrently makes one row, and every save is acknowledged", async () => {
    const [token] = (await round(["business"])).tokens as [string];
    const q = askedOf("business");
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(token, { answers: { [q[0]!.id]: 2, [q[1 + (i % 3)]!.id]: i % 5 } }),
      ),
    );
    for (const outcome of outcomes) expect(outcome.status, JSON.stringify(outcome)).toBe(200);
    const rows = await rowsOf(token);
    expect(rows.map((r) => r.questionId).sort()).toEqual(
      [q[0]!.id, q[1]!.id, q[2]!.id, q[3]!.id].sort(),
    );
  });

  // A save that arrives while the round is closing: on PostgreSQL it reads the link (still open),
  // then waits for the lock closing holds and reads the state again under it; on SQLite it waits
  // for its turn on the connection. Either way it is refused, never acknowledged and left out of
  // the result.
  it("a save that arrives while the round is closing is refused, not acknowledged", async () => {
    const { id, tokens } = await round(["business"]);
    const token = tokens[0]!;
    const q = askedOf("business");
    expect((await put(token, { answers: { [q[0]!.id]: 1 } })).status).toBe(200);
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      closeGate.reached = resolve;
    });
    closeGate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const closing = closeAssessment(world.a.consultant.ctx, id);
    let save: Promise<Outcome> | undefined;
    try {
      await reached;
      save = put(token, { answers: { [q[1]!.id]: 3 } });
      await saveIsWaiting();
    } finally {
      release();
    }
    await closing;
    const outcome = await save!;
    const result = await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } });
    const scored = (result.input as { responses: { answers: Record<string, unknown> }[] })
      .responses[0]!.answers;
    const rows = await rowsOf(token);
    expect({
      status: outcome.status,
      code: isErrorJson(outcome.body) ? outcome.body.error.code : null,
      written: rows.length,
      scored: Object.keys(scored).length,
    }).toEqual({
      status: 409,
      code: "round_closed",
      written: 1,
      scored: 1,
    });
  });
});

/**
 * Until the save in flight is blocked behind closing's lock: on PostgreSQL a lock request not
 * granted (so the save has read the link, still open, and must read the state again); on SQLite
 * the save queued for its turn on the connection, behind the one closing's transaction holds.
 */
async function saveIsWaiting(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (databaseProvider() !== "postgresql") {
      if (sqliteTurnsInUse() >= 2) return;
      continue;
    }
    // The save's own lock request, in this database: not any other session's wait.
    const rows = await getDb().$queryRaw<{ n: bigint | number }[]>`
      SELECT COUNT(*) AS "n" FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND a.datname = current_database() AND a.query LIKE '%FOR SHARE%'`;
    if (Number(rows[0]?.n ?? 0) > 0) return;
  }
  throw new Error("the save never waited for closing's lock");
}

describe("the open link", () => {
  it("GET shows the round and the roles to choose from; start with a role gives a personal link that works", async () => {
    const { id } = await round([], { roundRoles: ["business", "data"] });
    const openLink = await createOpenLink(world.a.consultant.ctx, id);
    const shown = objectBody((await view(openLink.token)).body);
    expect(shown).toMatchObject({ kind: "open", roles: ["business", "data"] });
    expect(shown).not.toHaveProperty("sections");
    await expectError(put(openLink.token, { answers: {} }), 404, "not_found");
    await expectError(submit(openLink.token), 404, "not_found");

    const started = await start(openLink.token, { role: "data" });
    expect(started.status).toBe(201);
    const personal = objectBody(started.body);
    expect(personal.path).toBe(`/respond/${String(personal.token)}`);
    expect(personal.url).toBe(`http://localhost:3000/respond/${String(personal.token)}`);
    const token = personal.token as string;
    const mine = objectBody((await view(token)).body);
    expect(mine).toMatchObject({ kind: "personal", respondent: { role: "data" } });
    const q = askedOf("data")[0]!.id;
    expect((await put(token, { answers: { [q]: 3 } })).status).toBe(200);
    expect((await submit(token, "open-link-key")).status).toBe(200);
    const row = await getDb().assessmentInvitation.findUniqueOrThrow({
      where: { tokenHash: hashSecretToken(token) },
    });
    expect(JSON.stringify(row)).not.toContain(token);
    // Each start is a new respondent.
    const again = objectBody((await start(openLink.token, { role: "data" })).body);
    expect(again.token).not.toBe(token);
  });

  it("a role not in the round, an unknown role or a bad body is refused; a personal link cannot start", async () => {
    const { id, tokens } = await round(["business"], { roundRoles: ["business"] });
    const openLink = await createOpenLink(world.a.consultant.ctx, id);
    const before = await getDb().response.count({ where: { assessmentId: id } });
    const notInRound = await expectError(
      start(openLink.token, { role: "technical" }),
      422,
      "validation_failed",
    );
    expect(notInRound.fields?.role).toBeTruthy();
    for (const body of [{ role: "ceo" }, {}, { role: 1 }, { role: "business", extra: true }])
      await expectError(start(openLink.token, body), 422, "validation_failed");
    for (const body of ["", "{", "[1,"])
      await expectError(start(openLink.token, body), 400, "bad_request");
    await expectError(
      start(openLink.token, JSON.stringify({ role: "business", pad: "p".repeat(70 * 1024) })),
      413,
      "payload_too_large",
    );
    await expectError(start(tokens[0]!, { role: "business" }), 409, "conflict");
    expect(await getDb().response.count({ where: { assessmentId: id } })).toBe(before);
  });
});
