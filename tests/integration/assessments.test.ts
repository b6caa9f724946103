import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as closeRoute from "@/app/api/v1/assessments/[id]/close/route";
import * as invitationsRoute from "@/app/api/v1/assessments/[id]/invitations/route";
import * as openLinkRoute from "@/app/api/v1/assessments/[id]/open-link/route";
import * as openRoute from "@/app/api/v1/assessments/[id]/open/route";
import * as resultRoute from "@/app/api/v1/assessments/[id]/result/route";
import * as assessmentRoute from "@/app/api/v1/assessments/[id]/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as organizationAssessmentsRoute from "@/app/api/v1/organizations/[id]/assessments/route";
import * as organizationsRoute from "@/app/api/v1/organizations/route";
import * as answersRoute from "@/app/api/v1/respond/[token]/answers/route";
import * as respondRoute from "@/app/api/v1/respond/[token]/route";
import * as submitRoute from "@/app/api/v1/respond/[token]/submit/route";
import { canonicalJson } from "@/lib/results/mutations";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { disconnectDb, getDb } from "@/lib/db";
import { latestFrameworkVersion, RESPONDENT_ROLES } from "@/lib/framework";
import type { OrganizationView } from "@/lib/organizations/data";
import {
  apiRequest,
  isErrorJson,
  readResponse,
  routeParams,
  type ErrorJson,
  type RequestOptions,
} from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// The consultant's side of an assessment round, through the real /api/v1 route handlers: create,
// invite, open, close, result, with every error a client can cause. The respondent's side is in
// respond.test.ts; random input in respond-fuzz.test.ts.

type Handler = (
  request: Request,
  route: { params: Promise<Record<string, string>> },
) => Promise<Response>;

let world: World;
let organization: OrganizationView;

beforeAll(async () => {
  world = await buildWorld();
  organization = await freshOrganization(world.a, "Assessed", { grantToExecutive: true });
});
afterAll(async () => {
  await disconnectDb();
});

async function call(
  handler: Handler,
  url: string,
  params: Record<string, string>,
  options: RequestOptions = {},
): Promise<{ status: number; body: unknown }> {
  return readResponse(await handler(apiRequest(url, options), routeParams(params)));
}

async function expectError(
  outcome: Promise<{ status: number; body: unknown }> | { status: number; body: unknown },
  status: number,
  code: string,
): Promise<ErrorJson["error"]> {
  const { status: actual, body } = await outcome;
  expect(actual, JSON.stringify(body)).toBe(status);
  if (!isErrorJson(body)) throw new Error(`not an error body: ${JSON.stringify(body)}`);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(body.error.message).not.toMatch(/\bat .+:\d+:\d+|prisma|sqlite|postgres/i);
  return body.error;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new Error(`expected an object, got ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

type Link = { id: string; token: string; path: string; url: string; role: string | null };

function linksOf(body: unknown): Link[] {
  const data = objectBody(body).data;
  if (!Array.isArray(data)) throw new Error(`no links in ${JSON.stringify(body)}`);
  return data as Link[];
}

// ---- The calls, by endpoint ------------------------------------------------------------------

const createRound = (organizationId: string, options: RequestOptions) =>
  call(
    organizationAssessmentsRoute.POST,
    `/api/v1/organizations/${organizationId}/assessments`,
    { id: organizationId },
    { method: "POST", ...options },
  );
const listRounds = (organizationId: string, options: RequestOptions, query = "") =>
  call(
    organizationAssessmentsRoute.GET,
    `/api/v1/organizations/${organizationId}/assessments${query}`,
    { id: organizationId },
    options,
  );
const getRound = (id: string, options: RequestOptions) =>
  call(assessmentRoute.GET, `/api/v1/assessments/${id}`, { id }, options);
const invite = (id: string, options: RequestOptions) =>
  call(
    invitationsRoute.POST,
    `/api/v1/assessments/${id}/invitations`,
    { id },
    {
      method: "POST",
      ...options,
    },
  );
const openLink = (id: string, options: RequestOptions) =>
  call(
    openLinkRoute.POST,
    `/api/v1/assessments/${id}/open-link`,
    { id },
    {
      method: "POST",
      ...options,
    },
  );
const open = (id: string, options: RequestOptions) =>
  call(openRoute.POST, `/api/v1/assessments/${id}/open`, { id }, { method: "POST", ...options });
const close = (id: string, options: RequestOptions) =>
  call(closeRoute.POST, `/api/v1/assessments/${id}/close`, { id }, { method: "POST", ...options });
const result = (id: string, options: RequestOptions) =>
  call(resultRoute.GET, `/api/v1/assessments/${id}/result`, { id }, options);
const respondView = (token: string) =>
  call(respondRoute.GET, `/api/v1/respond/${token}`, { token });
const putAnswers = (token: string, body: unknown) =>
  call(answersRoute.PUT, `/api/v1/respond/${token}/answers`, { token }, { method: "PUT", body });
const submitAnswers = (token: string, headers: Record<string, string> = {}) =>
  call(
    submitRoute.POST,
    `/api/v1/respond/${token}/submit`,
    { token },
    {
      method: "POST",
      headers,
    },
  );

const consultantA = (): RequestOptions => ({ bearer: world.a.consultant.bearer });

/** A round of A's assessed organisation, made through the API; opened on request. */
async function roundOf(
  options: { open?: boolean; body?: Record<string, unknown>; organizationId?: string } = {},
): Promise<string> {
  const created = await createRound(options.organizationId ?? organization.id, {
    ...consultantA(),
    body: { name: `Round ${uniqueSuffix()}`, ...options.body },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = objectBody(created.body).id;
  if (typeof id !== "string") throw new Error("no id");
  if (options.open) expect((await open(id, consultantA())).status).toBe(200);
  return id;
}

async function inviteOne(id: string, role = "business"): Promise<Link> {
  const invited = await invite(id, { ...consultantA(), body: { invitations: [{ role }] } });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const [link] = linksOf(invited.body);
  if (!link) throw new Error("no link");
  return link;
}

/** Question ids the respondent is asked, from GET /respond/{token}. */
async function questionsOf(token: string): Promise<{ id: string; allowNotApplicable: boolean }[]> {
  const view = objectBody((await respondView(token)).body);
  const sections = view.sections as { questions: { id: string; allowNotApplicable: boolean }[] }[];
  return sections.flatMap((s) => s.questions);
}

const answerRows = (token: string) =>
  getDb().answer.findMany({
    where: { response: { invitation: { tokenHash: hashSecretToken(token) } } },
    orderBy: { questionId: "asc" },
    select: { id: true, questionId: true, value: true, comment: true },
  });

// ---- The whole flow ---------------------------------------------------------------------------

describe("a round from creation to result", () => {
  let id = "";
  let links: Link[] = [];
  let questions: { id: string; allowNotApplicable: boolean }[] = [];

  it("creating needs only a name: 201, the id at the top level, the documented defaults", async () => {
    const name = `Q1 2027 ${uniqueSuffix()}`;
    const created = await createRound(organization.id, { ...consultantA(), body: { name } });
    expect(created.status).toBe(201);
    const body = objectBody(created.body);
    expect(typeof body.id).toBe("string");
    id = body.id as string;
    expect(body).toMatchObject({
      name,
      organizationId: organization.id,
      frameworkVersion: latestFrameworkVersion,
      anonymous: false,
      minGroupSize: 3,
      state: "draft",
      openedAt: null,
      closedAt: null,
    });
    expect([...(body.roles as string[])].sort()).toEqual([...RESPONDENT_ROLES].sort());
    const listed = await listRounds(organization.id, consultantA());
    expect(listed.status).toBe(200);
    expect((objectBody(listed.body).data as { id: string }[]).map((r) => r.id)).toContain(id);
  });

  it("inviting returns each link and its token once; the database keeps only the token's hash", async () => {
    const invited = await invite(id, {
      ...consultantA(),
      body: {
        invitations: [
          { name: "Ada", email: "ada@example.test", role: "business" },
          { role: "technical" },
          { name: "Grace", role: "executive" },
        ],
      },
    });
    expect(invited.status).toBe(201);
    links = linksOf(invited.body);
    expect(links.map((l) => l.role)).toEqual(["business", "technical", "executive"]);
    for (const link of links) {
      expect(link.token.length).toBeGreaterThanOrEqual(40);
      expect(link.path).toBe(`/respond/${link.token}`);
      expect(link.url).toBe(`http://localhost:3000/respond/${link.token}`);
      const row = await getDb().assessmentInvitation.findUniqueOrThrow({ where: { id: link.id } });
      expect(row.tokenHash).toBe(hashSecretToken(link.token));
      expect(JSON.stringify(row)).not.toContain(link.token);
    }
    expect(new Set(links.map((l) => l.token)).size).toBe(3);
    const round = objectBody((await getRound(id, consultantA())).body);
    expect(round.progress).toMatchObject({ invited: 3, started: 0, submitted: 0 });
    // The API never hands a token out again.
    expect(JSON.stringify(round)).not.toContain(links[0]!.token);
  });

  it("a draft round refuses answers with 409", async () => {
    const q = (await questionsOf(links[0]!.token))[0]!;
    await expectError(
      putAnswers(links[0]!.token, { answers: { [q.id]: 2 } }),
      409,
      "round_not_open",
    );
    expect(await answerRows(links[0]!.token)).toEqual([]);
  });

  it("opening makes the round take answers", async () => {
    const opened = await open(id, consultantA());
    expect(opened.status).toBe(200);
    expect(objectBody(opened.body)).toMatchObject({ id, state: "open" });
    expect(objectBody(opened.body).openedAt).toBeTruthy();
  });

  it("GET /respond/{token} shows only the role's questions and nothing saved yet", async () => {
    const view = objectBody((await respondView(links[0]!.token)).body);
    expect(view).toMatchObject({
      kind: "personal",
      respondent: { role: "business", name: "Ada" },
      answers: {},
      comments: {},
      submittedAt: null,
      round: { state: "open", organizationName: organization.name },
    });
    questions = await questionsOf(links[0]!.token);
    expect(view.questionCount).toBe(questions.length);
    expect(questions.length).toBeGreaterThan(5);
  });

  it("PUT answers merges, upserts one row per question, and the same PUT twice changes nothing", async () => {
    const [q1, q2, q3] = questions;
    const token = links[0]!.token;
    const first = {
      answers: { [q1!.id]: 3, [q2!.id]: "dont_know" },
      comments: { [q1!.id]: " ok " },
    };
    const saved = await putAnswers(token, first);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ saved: 2, answered: 2 });
    const afterFirst = await answerRows(token);
    expect(afterFirst.map((r) => [r.questionId, r.value, r.comment])).toEqual(
      [
        [q1!.id, "3", "ok"],
        [q2!.id, "dont_know", null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    const again = await putAnswers(token, first);
    expect(again).toEqual(saved);
    expect(await answerRows(token)).toEqual(afterFirst);

    // Another question merges in; the first two stay as they were.
    expect((await putAnswers(token, { answers: { [q3!.id]: 0 } })).body).toEqual({
      saved: 1,
      answered: 3,
    });
    // A changed answer updates its row in place: same row id, new value, comment kept.
    expect((await putAnswers(token, { answers: { [q1!.id]: 4 } })).body).toEqual({
      saved: 1,
      answered: 3,
    });
    const rows = await answerRows(token);
    expect(rows).toHaveLength(3);
    const row1 = rows.find((r) => r.questionId === q1!.id);
    expect(row1).toMatchObject({
      id: afterFirst.find((r) => r.questionId === q1!.id)!.id,
      value: "4",
      comment: "ok",
    });
    const view = objectBody((await respondView(token)).body);
    expect(view.answers).toEqual({ [q1!.id]: 4, [q2!.id]: "dont_know", [q3!.id]: 0 });
    expect(view.comments).toEqual({ [q1!.id]: "ok" });
  });

  it("submit records the submission; later answers are refused with 409", async () => {
    const token = links[0]!.token;
    const submitted = await submitAnswers(token);
    expect(submitted.status).toBe(200);
    const body = objectBody(submitted.body);
    expect(body.answered).toBe(3);
    const response = await getDb().response.findFirstOrThrow({
      where: { invitationId: links[0]!.id },
    });
    expect(response.submittedAt?.toISOString()).toBe(body.submittedAt);
    await expectError(
      putAnswers(token, { answers: { [questions[4]!.id]: 1 } }),
      409,
      "already_submitted",
    );
    expect(await answerRows(token)).toHaveLength(3);
    // A second respondent answers but does not submit: their answers still count at close.
    const technical = await questionsOf(links[1]!.token);
    expect(
      (
        await putAnswers(links[1]!.token, {
          answers: { [technical[0]!.id]: 1, [technical[1]!.id]: 2 },
        })
      ).status,
    ).toBe(200);
    const round = objectBody((await getRound(id, consultantA())).body);
    expect(round.progress).toMatchObject({ invited: 3, started: 2, submitted: 1 });
  });

  it("the result is 404 until the round closes", async () => {
    await expectError(result(id, consultantA()), 404, "not_found");
  });

  it("closing stores the result with its framework version, the scored input and its hash", async () => {
    const closed = await close(id, consultantA());
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(objectBody(closed.body)).toMatchObject({ id, state: "closed" });
    const row = await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } });
    expect(row.frameworkVersion).toBe(latestFrameworkVersion);
    const input = row.input as {
      frameworkVersion: string;
      responses: { role: string; answers: Record<string, unknown> }[];
    };
    expect(input.frameworkVersion).toBe(latestFrameworkVersion);
    expect(input.responses.map((r) => r.role).sort()).toEqual(["business", "technical"]);
    const business = input.responses.find((r) => r.role === "business")!;
    expect(business.answers).toEqual({
      [questions[0]!.id]: 4,
      [questions[1]!.id]: "dont_know",
      [questions[2]!.id]: 0,
    });
    expect(row.inputHash).toMatch(/^[0-9a-f]{64}$/);
    // Five answers from two respondents are far under half the expected answers: under 2027.2
    // the round has no index and no stage, and the headline columns hold null, not a stand-in.
    expect(row).toMatchObject({ score: null, stage: null, readyToScale: false });
  });

  it("the stored input hashes to the stored inputHash, so the snapshot can be verified", async () => {
    const row = await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } });
    // Keys sorted: PostgreSQL's jsonb keeps object keys in its own order.
    expect(row.inputHash).toBe(createHash("sha256").update(canonicalJson(row.input)).digest("hex"));
  });

  it("closing twice is 409 and leaves the stored result as it was", async () => {
    const before = await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } });
    await expectError(close(id, consultantA()), 409, "conflict");
    expect(await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } })).toEqual(before);
  });

  it("GET result answers the stored snapshot", async () => {
    const got = await result(id, consultantA());
    expect(got.status).toBe(200);
    const body = objectBody(got.body);
    expect(body).toMatchObject({
      assessmentId: id,
      frameworkVersion: latestFrameworkVersion,
      responseCount: 2,
    });
    const row = await getDb().result.findUniqueOrThrow({ where: { assessmentId: id } });
    expect(body.result).toEqual(row.result);
  });

  it("a closed round refuses answers and submissions with 409, and its answers stay as scored", async () => {
    const technical = links[1]!.token;
    const before = await answerRows(technical);
    const q = (await questionsOf(technical))[5]!;
    const error = await expectError(
      putAnswers(technical, { answers: { [q.id]: 3 } }),
      409,
      "round_closed",
    );
    expect(error.message).toMatch(/closed/i);
    await expectError(submitAnswers(technical), 409, "round_closed");
    await expectError(
      submitAnswers(links[2]!.token, { "idempotency-key": "late" }),
      409,
      "round_closed",
    );
    expect(await answerRows(technical)).toEqual(before);
    // Still readable, so the respondent sees "this round has closed".
    expect(objectBody((await respondView(technical)).body).round).toMatchObject({
      state: "closed",
    });
    // No new links for a closed round.
    await expectError(
      invite(id, { ...consultantA(), body: { invitations: [{ role: "business" }] } }),
      409,
      "conflict",
    );
    await expectError(openLink(id, consultantA()), 409, "conflict");
    await expectError(open(id, consultantA()), 409, "conflict");
  });
});

// ---- Errors -----------------------------------------------------------------------------------

describe("consultant endpoints: errors a client can cause", () => {
  let draft = "";
  beforeAll(async () => {
    draft = await roundOf();
  });

  it("malformed JSON and empty bodies are 400 bad_request", async () => {
    for (const body of ["", "   ", "{name: 'x'", '{"name": }', "[1,"]) {
      await expectError(
        createRound(organization.id, { ...consultantA(), body }),
        400,
        "bad_request",
      );
      await expectError(invite(draft, { ...consultantA(), body }), 400, "bad_request");
    }
    // A POST with no body at all.
    await expectError(createRound(organization.id, consultantA()), 400, "bad_request");
    await expectError(invite(draft, consultantA()), 400, "bad_request");
  });

  it("without credentials every consultant endpoint is 401", async () => {
    const none: RequestOptions = {};
    const body = { name: "x" };
    await expectError(listRounds(organization.id, none), 401, "unauthorized");
    await expectError(createRound(organization.id, { body }), 401, "unauthorized");
    await expectError(getRound(draft, none), 401, "unauthorized");
    await expectError(
      invite(draft, { body: { invitations: [{ role: "data" }] } }),
      401,
      "unauthorized",
    );
    await expectError(openLink(draft, none), 401, "unauthorized");
    await expectError(open(draft, none), 401, "unauthorized");
    await expectError(close(draft, none), 401, "unauthorized");
    await expectError(result(draft, none), 401, "unauthorized");
    await expectError(getRound(draft, { authorization: "Bearer" }), 401, "unauthorized");
    await expectError(getRound(draft, { bearer: "gmt_not-a-real-token" }), 401, "unauthorized");
    expect((await getDb().assessment.findUniqueOrThrow({ where: { id: draft } })).state).toBe(
      "draft",
    );
  });

  it("unknown ids and another workspace's ids are 404 on every consultant endpoint, revealing nothing", async () => {
    const otherOrganization = world.b.granted;
    const otherRound = await (async () => {
      const created = await createRound(otherOrganization.id, {
        bearer: world.b.consultant.bearer,
        body: { name: `B secret ${uniqueSuffix()}` },
      });
      expect(created.status).toBe(201);
      return objectBody(created.body).id as string;
    })();
    const unknown = `c${uniqueSuffix()}${uniqueSuffix()}`;
    for (const [label, orgId, roundId] of [
      ["unknown", unknown, unknown],
      ["other workspace", otherOrganization.id, otherRound],
    ] as const) {
      const checks = [
        listRounds(orgId, consultantA()),
        createRound(orgId, { ...consultantA(), body: { name: `Smuggled ${label}` } }),
        getRound(roundId, consultantA()),
        invite(roundId, { ...consultantA(), body: { invitations: [{ role: "data" }] } }),
        openLink(roundId, consultantA()),
        open(roundId, consultantA()),
        close(roundId, consultantA()),
        result(roundId, consultantA()),
      ];
      for (const check of checks) {
        const error = await expectError(check, 404, "not_found");
        expect(JSON.stringify(error)).not.toContain(otherOrganization.name);
      }
    }
    const untouched = await getDb().assessment.findUniqueOrThrow({ where: { id: otherRound } });
    expect(untouched.state).toBe("draft");
    expect(await getDb().assessmentInvitation.count({ where: { assessmentId: otherRound } })).toBe(
      0,
    );
    expect(await getDb().assessment.count({ where: { name: { startsWith: "Smuggled" } } })).toBe(0);
  });

  it("a body over 64 KB is 413, declared or not", async () => {
    const huge = JSON.stringify({ name: "x".repeat(70 * 1024) });
    await expectError(
      createRound(organization.id, { ...consultantA(), body: huge }),
      413,
      "payload_too_large",
    );
    const manyInvitations = JSON.stringify({
      invitations: Array.from({ length: 480 }, (_, i) => ({
        name: `n${i}`.padEnd(120, "x"),
        role: "data",
      })),
    });
    expect(manyInvitations.length).toBeGreaterThan(64 * 1024);
    await expectError(
      invite(draft, {
        ...consultantA(),
        body: manyInvitations,
        headers: { "content-length": String(manyInvitations.length) },
      }),
      413,
      "payload_too_large",
    );
    expect(await getDb().assessmentInvitation.count({ where: { assessmentId: draft } })).toBe(0);
  });

  it("invalid values at creation are 422 naming each field", async () => {
    const cases: [unknown, string][] = [
      [{}, "name"],
      [{ name: "  " }, "name"],
      [{ name: 7 }, "name"],
      [{ name: "n".repeat(121) }, "name"],
      [{ name: "x", roles: [] }, "roles"],
      [{ name: "x", roles: ["ceo"] }, "roles.0"],
      [{ name: "x", roles: ["data", "data"] }, "roles"],
      [{ name: "x", minGroupSize: 0 }, "minGroupSize"],
      [{ name: "x", minGroupSize: "3" }, "minGroupSize"],
      [{ name: "x", anonymous: "yes" }, "anonymous"],
      [{ name: "x", frameworkVersion: "1999.1" }, "frameworkVersion"],
      [{ name: "x", opensAt: "next week" }, "opensAt"],
      [{ name: "x", opensAt: "2027-03-31", closesAt: "2027-03-01" }, "closesAt"],
      [{ name: "x", targets: { nonsense: 50 } }, "targets.nonsense"],
      [{ name: "x", workspaceId: world.b.id }, "_"],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(
        createRound(organization.id, { ...consultantA(), body: body as Record<string, unknown> }),
        422,
        "validation_failed",
      );
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    await expectError(
      createRound(organization.id, { ...consultantA(), body: [] }),
      422,
      "validation_failed",
    );
    await expectError(
      createRound(organization.id, { ...consultantA(), body: "null" }),
      422,
      "validation_failed",
    );
  });

  it("invitations with an unknown role, a role not taking part or bad fields are 422 with the field path", async () => {
    const businessOnly = await roundOf({ body: { roles: ["business"] } });
    const unknownRole = await expectError(
      invite(businessOnly, {
        ...consultantA(),
        body: { invitations: [{ role: "business" }, { role: "ceo" }] },
      }),
      422,
      "validation_failed",
    );
    expect(unknownRole.fields?.["invitations.1.role"]).toBeTruthy();
    const notTakingPart = await expectError(
      invite(businessOnly, {
        ...consultantA(),
        body: { invitations: [{ role: "business" }, { role: "business" }, { role: "technical" }] },
      }),
      422,
      "validation_failed",
    );
    expect(notTakingPart.fields?.["invitations.2.role"]).toMatch(/business/);
    for (const [body, field] of [
      [{ invitations: [] }, "invitations"],
      [{ invitations: "business" }, "invitations"],
      [{ invitations: [{}] }, "invitations.0.role"],
      [{ invitations: [{ role: "data", email: "not an email" }] }, "invitations.0.email"],
      [{ invitations: [{ role: "data", name: 5 }] }, "invitations.0.name"],
      [{ invitations: [{ role: "data", token: "mine" }] }, "invitations.0"],
    ] as const) {
      const error = await expectError(
        invite(draft, { ...consultantA(), body }),
        422,
        "validation_failed",
      );
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // Nothing half-made: a refused batch creates no link at all.
    expect(
      await getDb().assessmentInvitation.count({ where: { assessmentId: businessOnly } }),
    ).toBe(0);
    expect(await getDb().assessmentInvitation.count({ where: { assessmentId: draft } })).toBe(0);
  });

  it("a limit over 100 (or not a number) on list endpoints is 422; 100 is accepted", async () => {
    for (const query of ["?limit=101", "?limit=100000", "?limit=0", "?limit=abc", "?limit=-1"]) {
      const error = await expectError(
        listRounds(organization.id, consultantA(), query),
        422,
        "validation_failed",
      );
      expect(error.fields?.limit).toBeTruthy();
    }
    expect((await listRounds(organization.id, consultantA(), "?limit=100")).status).toBe(200);
    const organizations = await readResponse(
      await organizationsRoute.GET(apiRequest("/api/v1/organizations?limit=101", consultantA())),
    );
    expect(organizations.status).toBe(422);
  });

  it("list pagination follows the cursor without repeats", async () => {
    const org = await freshOrganization(world.a, "Paged");
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await roundOf({ organizationId: org.id }));
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 5; page += 1) {
      const listed = objectBody(
        (await listRounds(org.id, consultantA(), `?limit=2${cursor ? `&cursor=${cursor}` : ""}`))
          .body,
      );
      seen.push(...(listed.data as { id: string }[]).map((r) => r.id));
      if (!listed.nextCursor) break;
      cursor = listed.nextCursor as string;
    }
    expect(seen.sort()).toEqual(ids.sort());
  });

  it("closing a round nobody answered is 409 and leaves it open", async () => {
    const empty = await roundOf({ open: true });
    await expectError(close(empty, consultantA()), 409, "conflict");
    expect((await getDb().assessment.findUniqueOrThrow({ where: { id: empty } })).state).toBe(
      "open",
    );
    expect(await getDb().result.count({ where: { assessmentId: empty } })).toBe(0);
  });
});

// ---- Roles ------------------------------------------------------------------------------------

describe("an executive's token reads granted rounds and writes nothing", () => {
  let granted = "";
  let notGranted = "";
  beforeAll(async () => {
    granted = await roundOf({ open: true });
    const link = await inviteOne(granted, "executive");
    const [q] = await questionsOf(link.token);
    expect((await putAnswers(link.token, { answers: { [q!.id]: 2 } })).status).toBe(200);
    expect((await close(granted, consultantA())).status).toBe(200);
    notGranted = await roundOf({ organizationId: world.a.notGranted.id });
  });
  const executive = (): RequestOptions => ({ bearer: world.a.executive.bearer });

  it("reads a granted organisation's round, its list and its result", async () => {
    expect(objectBody((await getRound(granted, executive())).body)).toMatchObject({
      id: granted,
      state: "closed",
    });
    expect((await listRounds(organization.id, executive())).status).toBe(200);
    const got = await result(granted, executive());
    expect(got.status).toBe(200);
    expect(objectBody(got.body)).toMatchObject({ assessmentId: granted, responseCount: 1 });
  });

  it("is 403 on create, invitations, open link, open and close, and changes nothing", async () => {
    const before = await getDb().assessment.count({ where: { organizationId: organization.id } });
    const draft = await roundOf();
    await expectError(
      createRound(organization.id, { ...executive(), body: { name: "By an executive" } }),
      403,
      "forbidden",
    );
    await expectError(
      invite(draft, { ...executive(), body: { invitations: [{ role: "data" }] } }),
      403,
      "forbidden",
    );
    await expectError(openLink(draft, executive()), 403, "forbidden");
    await expectError(open(draft, executive()), 403, "forbidden");
    await expectError(close(granted, executive()), 403, "forbidden");
    expect(await getDb().assessment.count({ where: { organizationId: organization.id } })).toBe(
      before + 1,
    );
    const row = await getDb().assessment.findUniqueOrThrow({ where: { id: draft } });
    expect(row.state).toBe("draft");
    expect(await getDb().assessmentInvitation.count({ where: { assessmentId: draft } })).toBe(0);
  });

  it("a round of an organisation not granted to them is 404, not 403", async () => {
    await expectError(getRound(notGranted, executive()), 404, "not_found");
    await expectError(result(notGranted, executive()), 404, "not_found");
    await expectError(listRounds(world.a.notGranted.id, executive()), 404, "not_found");
  });
});

// ---- OpenAPI ----------------------------------------------------------------------------------

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("is valid JSON, OpenAPI 3.1.0, and lists every v1 route file with its methods", async () => {
    const response = openApiRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const doc = JSON.parse(await response.text()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe("3.1.0");

    const v1 = path.join(process.cwd(), "app", "api", "v1");
    const files = routeFiles(v1);
    expect(files.length).toBeGreaterThanOrEqual(14);
    const expected = new Map<string, string[]>();
    for (const file of files) {
      const route = path
        .relative(v1, path.dirname(file))
        .split(path.sep)
        .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))
        .join("/");
      const apiPath = `/api/v1/${route}`;
      if (apiPath === "/api/v1/openapi.json") continue;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      expected.set(
        apiPath,
        METHODS.filter((m) => typeof mod[m] === "function").map((m) => m.toLowerCase()),
      );
    }
    expect(Object.keys(doc.paths).sort()).toEqual([...expected.keys()].sort());
    for (const [apiPath, methods] of expected) {
      const documented = Object.keys(doc.paths[apiPath] ?? {}).filter((k) =>
        (METHODS as readonly string[]).includes(k.toUpperCase()),
      );
      expect(documented.sort(), apiPath).toEqual([...methods].sort());
    }
  });
});
