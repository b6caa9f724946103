import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as nextRoundRoute from "@/app/api/v1/assessments/[id]/next-round/route";
import * as assessmentActions from "@/app/(app)/assessments/actions";
import { disconnectDb, getDb } from "@/lib/db";
import {
  createAssessment,
  createInvitations,
  createOpenLink,
  openAssessment,
} from "@/lib/assessments/mutations";
import { closeAssessment } from "@/lib/results/mutations";
import { saveAnswers } from "@/lib/responses/mutations";
import { changeInitiativeStatus, createInitiative } from "@/lib/initiatives/mutations";
import { getPortfolioPipeline } from "@/lib/initiatives/data";
import { getAssessmentComparison } from "@/lib/dashboards/compare";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import { listRetakesDue } from "@/lib/assessments/retakes";
import { updateWorkspaceSettings } from "@/lib/workspaces/mutations";
import { getRespondentView } from "@/lib/responses/data";
import { getResultPage } from "@/lib/results/data";
import { findRoundDiagnosticOffer, offeredStatus } from "@/lib/initiatives/round-diagnostic";
import {
  actAs,
  apiRequest,
  readResponse,
  routeParams,
  submit,
  type Credentials,
} from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

type Json = Record<string, unknown>;
let world: World;

const framework = getFramework(latestFrameworkVersion);
const dimensionA = framework.dimensions[0]!.id;
const dimensionB = framework.dimensions[1]!.id;
const businessQuestions = framework.dimensions
  .flatMap((d) => d.questions)
  .filter((q) => (q.audience as readonly string[]).includes("business"))
  .map((q) => q.id);

async function nextRound(id: string, who: Credentials, body?: unknown) {
  return readResponse(
    await nextRoundRoute.POST(
      apiRequest(`/api/v1/assessments/${id}/next-round`, {
        ...who,
        method: "POST",
        ...(body === undefined ? {} : { body }),
      }),
      routeParams({ id }),
    ),
  );
}

/** A closed, named round with targets, a focus, two named links, an open link and answers. */
async function closedRound(label: string, options: { anonymous?: boolean } = {}) {
  const ctx = world.a.consultant.ctx;
  const organization = await freshOrganization(world.a, label, { grantToExecutive: true });
  const initiative = await createInitiative(ctx, organization.id, {
    name: "Claims triage",
    workflow: "claims triage",
  });
  const round = await createAssessment(ctx, organization.id, {
    name: "Q1 2027",
    roles: ["business", "technical"],
    minGroupSize: 2,
    anonymous: options.anonymous ?? false,
    showPreviousAnswers: !options.anonymous,
    targets: { [dimensionA]: 80, [dimensionB]: 65 },
    focusInitiativeId: initiative.id,
  });
  const links = await createInvitations(ctx, round.id, {
    invitations: [
      { name: "Ana", email: `ana-${uniqueSuffix()}@example.test`, role: "business" },
      { name: "Bo", role: "technical" },
    ],
  });
  await openAssessment(ctx, round.id);
  await createOpenLink(ctx, round.id);
  await saveAnswers(links[0]!.token, {
    answers: Object.fromEntries(businessQuestions.map((q) => [q, 2])),
  });
  await closeAssessment(ctx, round.id);
  return { organization, initiative, round, links };
}

describe("start next round", () => {
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(async () => {
    await disconnectDb();
  });

  it("copies settings, roles, focus, targets and the audience with new links, but no answers", async () => {
    const { organization, initiative, round, links } = await closedRound("Retake copy");
    const { status, body } = await nextRound(round.id, { bearer: world.a.consultant.bearer });
    expect(status).toBe(201);
    const next = body as Json & { links: Json[] };
    expect(next).toMatchObject({
      name: "Q2 2027",
      state: "draft",
      organizationId: organization.id,
      frameworkVersion: round.frameworkVersion,
      roles: ["business", "technical"],
      minGroupSize: 2,
      anonymous: false,
      showPreviousAnswers: true,
      targets: { [dimensionA]: 80, [dimensionB]: 65 },
      focusInitiativeId: initiative.id,
      previousAssessmentId: round.id,
      baselineAssessmentId: round.id,
    });
    // Two named links again (new tokens) and a new open link.
    expect(next.links.map((l) => [l.name, l.role])).toEqual([
      ["Ana", "business"],
      ["Bo", "technical"],
      [null, null],
    ]);
    for (const link of next.links)
      expect(links.map((l) => l.token)).not.toContain(link.token as string);
    const db = getDb();
    expect(
      await db.answer.count({ where: { response: { assessmentId: next.id as string } } }),
    ).toBe(0);
    expect(
      await db.response.count({
        where: { assessmentId: next.id as string, startedAt: { not: null } },
      }),
    ).toBe(0);
    // Each new personal link knows whose link it continues: that is how a returning respondent
    // is recognised.
    const copied = await db.assessmentInvitation.findMany({
      where: { assessmentId: next.id as string, kind: "personal" },
      orderBy: { createdAt: "asc" },
      select: { previousInvitationId: true },
    });
    expect(copied.map((c) => c.previousInvitationId)).toEqual(links.map((l) => l.id));
  });

  it("the first round stays the baseline of every retake after it", async () => {
    const { round } = await closedRound("Retake baseline");
    const second = (await nextRound(round.id, { bearer: world.a.consultant.bearer })).body as Json;
    const ctx = world.a.consultant.ctx;
    await openAssessment(ctx, second.id as string);
    const [link] = await createInvitations(ctx, second.id as string, {
      invitations: [{ name: "Cy", role: "business" }],
    });
    await saveAnswers(link!.token, {
      answers: Object.fromEntries(businessQuestions.map((q) => [q, 3])),
    });
    await closeAssessment(ctx, second.id as string);
    const third = await nextRound(second.id as string, { bearer: world.a.consultant.bearer });
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({
      previousAssessmentId: second.id,
      baselineAssessmentId: round.id,
      name: "Q3 2027",
    });
  });

  it("an anonymous round issues new links but does not link respondents across rounds", async () => {
    const { round } = await closedRound("Retake anonymous", { anonymous: true });
    const { status, body } = await nextRound(round.id, { bearer: world.a.consultant.bearer });
    expect(status).toBe(201);
    expect(body).toMatchObject({ anonymous: true, showPreviousAnswers: false });
    const copied = await getDb().assessmentInvitation.findMany({
      where: { assessmentId: (body as Json).id as string, kind: "personal" },
      select: { previousInvitationId: true },
    });
    expect(copied.length).toBe(2);
    expect(copied.every((c) => c.previousInvitationId === null)).toBe(true);
  });

  it("an anonymous round cannot opt in to showing last answers", async () => {
    const organization = await freshOrganization(world.a, "Retake anon opt-in");
    await expect(
      createAssessment(world.a.consultant.ctx, organization.id, {
        name: "Q1 2027",
        anonymous: true,
        showPreviousAnswers: true,
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("open and in-progress actions carry over; done and dropped ones stay with their round", async () => {
    const { organization, round } = await closedRound("Retake actions");
    const ctx = world.a.consultant.ctx;
    const open = await createAction(ctx, organization.id, { title: "Name an owner" });
    const doing = await createAction(ctx, organization.id, { title: "Audit the data" });
    await updateAction(ctx, doing.id, { status: "in_progress" });
    const done = await createAction(ctx, organization.id, { title: "Redesign the workflow" });
    await updateAction(ctx, done.id, { status: "done" });
    const dropped = await createAction(ctx, organization.id, { title: "Buy a platform" });
    await updateAction(ctx, dropped.id, { status: "dropped" });
    expect(open.assessmentId).toBe(round.id);

    const { status, body } = await nextRound(round.id, { bearer: world.a.consultant.bearer });
    expect(status).toBe(201);
    expect((body as Json).carriedOverActions).toBe(2);
    const rounds = await getDb().action.findMany({
      where: { organizationId: organization.id },
      select: { id: true, assessmentId: true },
    });
    const roundOf = new Map(rounds.map((a) => [a.id, a.assessmentId]));
    expect(roundOf.get(open.id)).toBe((body as Json).id);
    expect(roundOf.get(doing.id)).toBe((body as Json).id);
    expect(roundOf.get(done.id)).toBe(round.id);
    expect(roundOf.get(dropped.id)).toBe(round.id);
  });

  it("refuses an open round, a second next round, an executive and another workspace", async () => {
    const { round } = await closedRound("Retake refusals");
    const organization = await freshOrganization(world.a, "Retake draft");
    const draft = await createAssessment(world.a.consultant.ctx, organization.id, { name: "Q1" });
    expect((await nextRound(draft.id, { bearer: world.a.consultant.bearer })).status).toBe(409);

    // Executives read only, even on a granted organisation.
    expect((await nextRound(round.id, { bearer: world.a.executive.bearer })).status).toBe(403);
    // Another workspace's round is not found, by token or by session.
    expect((await nextRound(round.id, { bearer: world.b.owner.bearer })).status).toBe(404);
    expect((await nextRound(round.id, { cookie: world.b.owner.cookie })).status).toBe(404);
    expect(await getDb().assessment.count({ where: { previousAssessmentId: round.id } })).toBe(0);

    const first = await nextRound(round.id, { bearer: world.a.owner.bearer }, { name: "Spring" });
    expect(first.status).toBe(201);
    expect((first.body as Json).name).toBe("Spring");
    const again = await nextRound(round.id, { bearer: world.a.owner.bearer });
    expect(again.status).toBe(409);
    expect(await getDb().assessment.count({ where: { previousAssessmentId: round.id } })).toBe(1);
  });

  it("the server action starts the next round for the workspace's consultant, and for nobody else", async () => {
    const { round } = await closedRound("Retake action");
    actAs(world.b.owner.cookie);
    const foreign = await submit(assessmentActions.startNextRoundAction, {
      assessmentId: round.id,
    });
    expect(foreign).toMatchObject({ kind: "state", state: { status: "error", code: "not_found" } });
    actAs(world.a.executive.cookie);
    const executive = await submit(assessmentActions.startNextRoundAction, {
      assessmentId: round.id,
    });
    expect(executive).toMatchObject({
      kind: "state",
      state: { status: "error", code: "forbidden" },
    });
    expect(await getDb().assessment.count({ where: { previousAssessmentId: round.id } })).toBe(0);

    actAs(world.a.consultant.cookie);
    const outcome = await submit(assessmentActions.startNextRoundAction, {
      assessmentId: round.id,
      name: "Q2 2027",
    });
    expect(outcome).toMatchObject({ kind: "state", state: { status: "success" } });
    const state = (outcome as { state: { data: { links: unknown[]; round: Json } } }).state;
    expect(state.data.links).toHaveLength(3);
    expect(state.data.round.name).toBe("Q2 2027");
  });

  it("lists organisations whose last closed round is older than the workspace's interval, in scope", async () => {
    const { organization, round } = await closedRound("Retake due");
    const closedAt = (await getDb().assessment.findUniqueOrThrow({ where: { id: round.id } }))
      .closedAt!;
    const later = (days: number) => new Date(closedAt.getTime() + days * 86_400_000);
    const ids = async (ctx: typeof world.a.owner.ctx, now: Date) =>
      (await listRetakesDue(ctx, now)).due.map((d) => d.organizationId);

    await updateWorkspaceSettings(world.a.owner.ctx, { retakeIntervalDays: 91 });
    expect(await ids(world.a.consultant.ctx, later(90))).not.toContain(organization.id);
    const due = await listRetakesDue(world.a.consultant.ctx, later(100));
    expect(due.due.find((d) => d.organizationId === organization.id)).toMatchObject({
      lastRound: { id: round.id },
      daysOverdue: 9,
    });
    // The executive was granted it; another workspace never sees it.
    expect(await ids(world.a.executive.ctx, later(100))).toContain(organization.id);
    expect(await ids(world.b.owner.ctx, later(100))).not.toContain(organization.id);

    // A shorter interval, set by the owner (a consultant may not), makes it due sooner.
    await expect(
      updateWorkspaceSettings(world.a.consultant.ctx, { retakeIntervalDays: 30 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await updateWorkspaceSettings(world.a.owner.ctx, { retakeIntervalDays: 30 });
    expect(await ids(world.a.consultant.ctx, later(40))).toContain(organization.id);
    await expect(
      updateWorkspaceSettings(world.a.owner.ctx, { retakeIntervalDays: 2 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await updateWorkspaceSettings(world.a.owner.ctx, { retakeIntervalDays: 91 });

    // Once the next round is started, it is no longer due.
    await nextRound(round.id, { bearer: world.a.consultant.bearer });
    expect(await ids(world.a.consultant.ctx, later(100))).not.toContain(organization.id);
  });

  it("a returning respondent sees their own last answers and the result counts what changed", async () => {
    const { round } = await closedRound("Retake returning");
    const next = (await nextRound(round.id, { bearer: world.a.consultant.bearer })).body as Json & {
      links: { token: string; name: string | null }[];
    };
    const ctx = world.a.consultant.ctx;
    await openAssessment(ctx, next.id as string);
    const ana = next.links.find((l) => l.name === "Ana")!;
    const view = await getRespondentView(ana.token);
    if (view.kind !== "personal") throw new Error("expected a personal link");
    expect(view.previous?.roundName).toBe("Q1 2027");
    expect(view.previous?.answers[businessQuestions[0]!]).toBe(2);
    // The focus names the workflow in the questions that say "the workflow".
    expect(view.round.focus).toBe("claims triage");
    const texts = view.sections.flatMap((s) => s.questions.map((q) => q.text));
    expect(texts.some((t) => t.includes("the workflow “claims triage”"))).toBe(true);
    // Bo never answered: nothing to show him.
    const bo = await getRespondentView(next.links.find((l) => l.name === "Bo")!.token);
    expect(bo.kind === "personal" && bo.previous).toBe(null);

    const [first, second, third] = businessQuestions;
    await saveAnswers(ana.token, { answers: { [first!]: 2, [second!]: 4, [third!]: 1 } });
    await closeAssessment(ctx, next.id as string);
    const page = await getResultPage(ctx, next.id as string);
    expect(page?.answerChanges).toMatchObject({
      previousRoundName: "Q1 2027",
      returning: 1,
      confirmed: 1,
      changed: 2,
    });
    expect(page?.answerChanges?.questions.map((q) => [q.questionId, q.up, q.down]).sort()).toEqual(
      [
        [second, 1, 0],
        [third, 0, 1],
      ].sort(),
    );
  });

  it("an anonymous round shows nobody their last answers", async () => {
    const { round, links } = await closedRound("Retake anon view", { anonymous: true });
    const next = (await nextRound(round.id, { bearer: world.a.consultant.bearer })).body as Json & {
      links: { token: string; name: string | null }[];
    };
    await openAssessment(world.a.consultant.ctx, next.id as string);
    const view = await getRespondentView(next.links.find((l) => l.name === "Ana")!.token);
    expect(view.kind === "personal" && view.previous).toBe(null);
    expect(links).toHaveLength(2);
  });

  it("a focused round's diagnostic is offered as its initiative's, in scope only", async () => {
    const { initiative, round } = await closedRound("Retake focus offer");
    const offer = await findRoundDiagnosticOffer(world.a.consultant.ctx, initiative.id);
    expect(offer?.assessmentId).toBe(round.id);
    expect(offer?.parts.map((p) => p.part).sort()).toEqual(
      ["data_audit", "monitoring", "ownership"].sort(),
    );
    for (const part of offer!.parts) expect(part.offered).toBe(offeredStatus(part.found));
    expect(await findRoundDiagnosticOffer(world.b.owner.ctx, initiative.id)).toBe(null);
    expect(offeredStatus("unknown")).toBe("unmet");
    expect(offeredStatus("disputed")).toBe("partial");
  });

  it("the portfolio's conversion comes from the dated status changes, scoped by workspace and grant", async () => {
    const ctx = world.a.consultant.ctx;
    const granted = await freshOrganization(world.a, "Pipeline granted", {
      grantToExecutive: true,
    });
    const hidden = await freshOrganization(world.a, "Pipeline hidden");
    const override = { reason: "Sponsor's call, recorded for the test." };
    // Granted: two pilots, one moved to production (with an override: the diagnostic is empty).
    const live = await createInitiative(ctx, granted.id, { name: "Live one", status: "pilot" });
    await changeInitiativeStatus(ctx, live.id, { status: "production", override });
    const stuck = await createInitiative(ctx, granted.id, { name: "Stuck one", status: "pilot" });
    // Hidden from the executive: one pilot, still in pilot.
    await createInitiative(ctx, hidden.id, { name: "Hidden pilot", status: "pilot" });

    const consultant = await getPortfolioPipeline(ctx);
    const executive = await getPortfolioPipeline(world.a.executive.ctx);
    const other = await getPortfolioPipeline(world.b.owner.ctx);
    expect(executive.organizationNames[granted.id]).toBeDefined();
    expect(executive.organizationNames[hidden.id]).toBeUndefined();
    expect(consultant.organizationNames[hidden.id]).toBeDefined();
    expect(other.organizationNames[granted.id]).toBeUndefined();

    const piloted = (p: typeof consultant) => p.conversion.piloted;
    expect(piloted(consultant) - piloted(executive)).toBeGreaterThanOrEqual(1);
    const held = executive.held.find((h) => h.part === "monitoring")!;
    expect(held.initiatives.map((i) => i.id)).toContain(stuck.id);
    expect(held.initiatives.map((i) => i.id)).not.toContain(live.id);

    // The conversion is read from the dated changes, not the current status: without the
    // recorded move to production, the same initiative no longer counts as converted.
    const change = await getDb().initiativeStatusChange.findFirstOrThrow({
      where: { initiativeId: live.id, toStatus: "production" },
    });
    const before = (await getPortfolioPipeline(world.a.executive.ctx)).conversion;
    await getDb().initiativeStatusChange.delete({ where: { id: change.id } });
    const after = (await getPortfolioPipeline(world.a.executive.ctx)).conversion;
    expect(after.converted).toBe(before.converted - 1);
    expect(after.piloted).toBe(before.piloted);
  });

  it("the round comparison lists the actions done in each dimension between the two rounds", async () => {
    const { organization, round } = await closedRound("Retake compare");
    const ctx = world.a.consultant.ctx;
    const done = await createAction(ctx, organization.id, {
      title: "Audit the claims data",
      dimension: dimensionA,
    });
    await updateAction(ctx, done.id, { status: "done" });
    const open = await createAction(ctx, organization.id, {
      title: "Name the owner",
      dimension: dimensionA,
    });
    const next = (await nextRound(round.id, { bearer: world.a.consultant.bearer })).body as Json & {
      links: { token: string; name: string | null }[];
    };
    await openAssessment(ctx, next.id as string);
    await saveAnswers(next.links.find((l) => l.name === "Ana")!.token, {
      answers: Object.fromEntries(businessQuestions.map((q) => [q, 3])),
    });
    await closeAssessment(ctx, next.id as string);
    // Done after the second round closed: not "in between".
    const late = await createAction(ctx, organization.id, {
      title: "Too late",
      dimension: dimensionA,
    });
    await updateAction(ctx, late.id, { status: "done" });

    for (const who of [world.a.consultant.ctx, world.a.executive.ctx]) {
      const { comparison } = await getAssessmentComparison(who, organization.id);
      expect(comparison?.actionsDone[dimensionA]?.map((a) => a.id)).toEqual([done.id]);
    }
    expect(open.id).not.toBe(done.id);

    // The dashboard shows progress toward target, measured from the first round.
    const page = await findOrganizationPage(ctx, organization.id);
    const dimension = page?.latest?.dimensions.find((d) => d.id === dimensionA);
    expect(dimension?.target).toBe(80);
    expect(dimension?.baseline).not.toBeNull();
    expect(dimension?.progress).not.toBeNull();
  });

  it("when the framework changed since the first round, the first round of the new version is the baseline", async () => {
    const ctx = world.a.consultant.ctx;
    const organization = await freshOrganization(world.a, "Retake versions");
    const answerAll = async (roundId: string, version: string, level: number) => {
      const [link] = await createInvitations(ctx, roundId, {
        invitations: [{ name: `P ${uniqueSuffix()}`, role: "business" }],
      });
      await openAssessment(ctx, roundId);
      const questions = getFramework(version)
        .dimensions.flatMap((d) => d.questions)
        .filter((q) => (q.audience as readonly string[]).includes("business"));
      await saveAnswers(link!.token, {
        answers: Object.fromEntries(questions.map((q) => [q.id, level])),
      });
      await closeAssessment(ctx, roundId);
    };
    const old = await createAssessment(ctx, organization.id, {
      name: "Q1 2026",
      frameworkVersion: "2026.4",
    });
    await answerAll(old.id, "2026.4", 1);
    const first = await createAssessment(ctx, organization.id, { name: "Q2 2026" });
    expect(first.baselineAssessmentId).toBe(old.id);
    await answerAll(first.id, latestFrameworkVersion, 2);
    const next = (await nextRound(first.id, { bearer: world.a.consultant.bearer })).body as Json;
    await answerAll(next.id as string, latestFrameworkVersion, 3);
    const page = await findOrganizationPage(ctx, organization.id);
    const firstPage = await getResultPage(ctx, first.id);
    const scoreOf = new Map(firstPage!.result!.result.dimensions.map((d) => [d.id, d.score]));
    for (const d of page!.latest!.dimensions) {
      if (scoreOf.get(d.id) == null) continue;
      expect(d.baseline).toBe(scoreOf.get(d.id));
    }
    expect(page!.latest!.dimensions.some((d) => d.progress !== null)).toBe(true);
  });
});
