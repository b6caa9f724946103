import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { getResultPage } from "@/lib/results/data";
import { setKeyQuote } from "@/lib/comments/mutations";
import { setKeyQuoteAction } from "@/app/(app)/comments/actions";
import type { CommentsView } from "@/lib/comments/shape";
import { AppError } from "@/lib/errors";
import { answeredRound } from "../fixtures/answered-round";
import { buildWorld, freshOrganization, type World } from "../fixtures/world";
import { actAs, apiRequest, readResponse, routeParams, submit } from "../fixtures/next-request";
import * as commentsRoute from "@/app/api/v1/assessments/[id]/comments/route";
import * as keyQuoteRoute from "@/app/api/v1/comments/[id]/key-quote/route";

let world: World;

function allComments(view: CommentsView) {
  return view.questions.flatMap((q) =>
    q.groups.flatMap((g) => g.comments.map((c) => ({ ...c, label: g.label }))),
  );
}

/** An anonymous round with a minimum group of 2: two business comments, one lone executive's. */
function anonymousRoundWithLoneExecutive(organizationId: string) {
  return answeredRound(world.a.consultant.ctx, organizationId, {
    anonymous: true,
    minGroupSize: 2,
    respondents: [
      { role: "business", level: 2, comment: "Data is spread over five systems." },
      { role: "business", level: 2, comment: "We test by hand." },
      { role: "executive", level: 4, comment: "The lone executive's view." },
    ],
  });
}

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await disconnectDb();
});

describe("respondents' comments on the result page and the dashboard", () => {
  it("shows comments per question grouped by level, with names in a named round", async () => {
    const org = await freshOrganization(world.a, "Comments named", { grantToExecutive: true });
    const round = await answeredRound(world.a.consultant.ctx, org.id, {
      respondents: [
        { role: "business", name: "Ada Business", level: 1, comment: "Nobody owns the model." },
        { role: "business", name: "Bo Business", level: 3, comment: '=HYPERLINK("x")' },
        { role: "business", level: 3 },
      ],
    });
    const page = await getResultPage(world.a.executive.ctx, round.assessmentId);
    const comments = allComments(page!.result!.comments);
    expect(comments.map((c) => [c.text, c.name, c.label.slice(0, 7)])).toEqual([
      ["Nobody owns the model.", "Ada Business", "Level 1"],
      ['=HYPERLINK("x")', "Bo Business", "Level 3"],
    ]);
    const q = page!.result!.comments.questions[0]!;
    expect(q.questionId).toBe(round.firstQuestion.business);
    expect(q.groups.map((g) => g.value)).toEqual([1, 3]);
    const dashboard = await findOrganizationPage(world.a.executive.ctx, org.id);
    expect(allComments(dashboard!.comments!).map((c) => c.text)).toHaveLength(2);
  });

  it("an anonymous round shows comments without names, and a role under the minimum group not at all", async () => {
    const org = await freshOrganization(world.a, "Comments anonymous");
    const round = await anonymousRoundWithLoneExecutive(org.id);
    const page = await getResultPage(world.a.owner.ctx, round.assessmentId);
    const view = page!.result!.comments;
    const comments = allComments(view);
    expect(comments.map((c) => c.text).sort()).toEqual([
      "Data is spread over five systems.",
      "We test by hand.",
    ]);
    expect(comments.every((c) => c.name === null)).toBe(true);
    expect(view.hiddenRoles).toEqual(["executive"]);
    expect(view.hiddenReason).toContain("fewer than 2");
    expect(JSON.stringify(view)).not.toContain("lone executive");
  });
});

describe("key quotes", () => {
  it("a consultant marks and unmarks a key quote; each change is in the audit log once", async () => {
    const org = await freshOrganization(world.a, "Quotes");
    const round = await answeredRound(world.a.consultant.ctx, org.id, {
      respondents: [
        { role: "data", level: 1, comment: "We do not know where the training data comes from." },
        { role: "data", level: 2 },
      ],
    });
    const [comment] = allComments(
      (await getResultPage(world.a.consultant.ctx, round.assessmentId))!.result!.comments,
    );
    await setKeyQuote(world.a.consultant.ctx, { answerId: comment!.answerId, keyQuote: true });
    await setKeyQuote(world.a.consultant.ctx, { answerId: comment!.answerId, keyQuote: true });
    const marked = allComments(
      (await getResultPage(world.a.owner.ctx, round.assessmentId))!.result!.comments,
    );
    expect(marked[0]!.keyQuote).toBe(true);
    const events = await getDb().auditEvent.findMany({
      where: { workspaceId: world.a.id, targetId: comment!.answerId },
      select: { action: true },
    });
    expect(events.map((e) => e.action)).toEqual(["comment.key_quote_marked"]);
    // The form on the page posts "false" as text, through the server action.
    actAs(world.a.consultant.cookie);
    const outcome = await submit(setKeyQuoteAction, {
      answerId: comment!.answerId,
      keyQuote: "false",
    });
    expect(outcome.kind === "state" && outcome.state.status).toBe("success");
    expect(await getDb().keyQuote.count({ where: { answerId: comment!.answerId } })).toBe(0);
  });

  it("an executive cannot mark a key quote (403), nor anyone another workspace's or a hidden comment (404)", async () => {
    const org = await freshOrganization(world.a, "Quotes refused", { grantToExecutive: true });
    const round = await answeredRound(world.a.consultant.ctx, org.id, {
      minGroupSize: 2,
      respondents: [
        { role: "business", level: 1, comment: "Shown." },
        { role: "business", level: 1 },
        { role: "technical", level: 1, comment: "Hidden: one technical respondent." },
      ],
    });
    const shown = allComments(
      (await getResultPage(world.a.owner.ctx, round.assessmentId))!.result!.comments,
    )[0]!;
    const hidden = await getDb().answer.findFirstOrThrow({
      where: { comment: "Hidden: one technical respondent." },
      select: { id: true },
    });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "allowed",
        (e: unknown) => (e instanceof AppError ? e.code : "internal"),
      );
    expect(
      await code(setKeyQuote(world.a.executive.ctx, { answerId: shown.answerId, keyQuote: true })),
    ).toBe("forbidden");
    expect(
      await code(setKeyQuote(world.b.consultant.ctx, { answerId: shown.answerId, keyQuote: true })),
    ).toBe("not_found");
    expect(
      await code(setKeyQuote(world.a.consultant.ctx, { answerId: hidden.id, keyQuote: true })),
    ).toBe("not_found");
    expect(
      await code(
        setKeyQuote(world.a.consultant.ctx, { answerId: shown.answerId, keyQuote: "yes" }),
      ),
    ).toBe("validation_failed");
    expect(await getDb().keyQuote.count({ where: { assessmentId: round.assessmentId } })).toBe(0);
  });
});

describe("the comments and key quotes over the REST API", () => {
  const getComments = async (id: string, bearer: string) =>
    readResponse(
      await commentsRoute.GET(
        apiRequest(`/api/v1/assessments/${id}/comments`, { bearer }),
        routeParams({ id }),
      ),
    );
  const putKeyQuote = async (answerId: string, bearer: string, body: unknown) =>
    readResponse(
      await keyQuoteRoute.PUT(
        apiRequest(`/api/v1/comments/${answerId}/key-quote`, { bearer, method: "PUT", body }),
        routeParams({ id: answerId }),
      ),
    );

  it("lists a closed round's comments as the result page does, and marks a key quote by its answer id", async () => {
    const org = await freshOrganization(world.a, "Comments API", { grantToExecutive: true });
    const round = await anonymousRoundWithLoneExecutive(org.id);
    const listed = await getComments(round.assessmentId, world.a.executive.bearer);
    expect(listed.status).toBe(200);
    const view = listed.body as CommentsView;
    expect(view).toEqual(
      (await getResultPage(world.a.owner.ctx, round.assessmentId))!.result!.comments,
    );
    expect(JSON.stringify(view)).not.toContain("lone executive");
    const [first] = allComments(view);

    const marked = await putKeyQuote(first!.answerId, world.a.consultant.bearer, {
      keyQuote: true,
    });
    expect(marked).toMatchObject({
      status: 200,
      body: { answerId: first!.answerId, assessmentId: round.assessmentId, keyQuote: true },
    });
    const again = (await getComments(round.assessmentId, world.a.consultant.bearer))
      .body as CommentsView;
    expect(allComments(again).find((c) => c.answerId === first!.answerId)?.keyQuote).toBe(true);

    // An executive may read but not mark; another workspace finds neither; a bad body is 422.
    expect(
      (await putKeyQuote(first!.answerId, world.a.executive.bearer, { keyQuote: false })).status,
    ).toBe(403);
    expect(
      await putKeyQuote(first!.answerId, world.b.owner.bearer, { keyQuote: false }),
    ).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    expect(await getComments(round.assessmentId, world.b.owner.bearer)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    expect(
      await putKeyQuote(first!.answerId, world.a.consultant.bearer, { keyQuote: "yes" }),
    ).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed" } },
    });
    expect(
      await putKeyQuote(first!.answerId, world.a.consultant.bearer, { keyQuote: true, extra: 1 }),
    ).toMatchObject({
      status: 422,
    });
    // A hidden comment (a role under the minimum group) is not found, as on the page.
    const hidden = await getDb().answer.findFirstOrThrow({
      where: {
        comment: "The lone executive's view.",
        response: { assessmentId: round.assessmentId },
      },
      select: { id: true },
    });
    expect(
      (await putKeyQuote(hidden.id, world.a.consultant.bearer, { keyQuote: true })).status,
    ).toBe(404);
  });

  it("an open round's comments wait for the close: 409", async () => {
    const org = await freshOrganization(world.a, "Comments open");
    const round = await answeredRound(world.a.consultant.ctx, org.id, {
      open: true,
      respondents: [{ role: "business", level: 2, comment: "Still answering." }],
    });
    expect(await getComments(round.assessmentId, world.a.owner.bearer)).toMatchObject({
      status: 409,
      body: { error: { code: "conflict" } },
    });
  });
});

describe("marking at once", () => {
  it("two consultants marking the same comment together leave one key quote and one audit event", async () => {
    const org = await freshOrganization(world.a, "Quotes at once");
    const round = await answeredRound(world.a.consultant.ctx, org.id, {
      respondents: [
        { role: "business", level: 1, comment: "Marked twice at once." },
        { role: "business", level: 2 },
      ],
    });
    const answer = await getDb().answer.findFirstOrThrow({
      where: { comment: "Marked twice at once.", response: { assessmentId: round.assessmentId } },
      select: { id: true },
    });
    const results = await Promise.allSettled([
      setKeyQuote(world.a.consultant.ctx, { answerId: answer.id, keyQuote: true }),
      setKeyQuote(world.a.owner.ctx, { answerId: answer.id, keyQuote: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await getDb().keyQuote.count({ where: { answerId: answer.id } })).toBe(1);
    expect(
      await getDb().auditEvent.count({
        where: { targetId: answer.id, action: "comment.key_quote_marked" },
      }),
    ).toBe(1);
  });
});
