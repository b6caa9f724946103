import "server-only";
import {
  answersSql,
  getDb,
  isUniqueViolation,
  lockForShare,
  lockForUpdate,
  runProgram,
  workshopsSql,
  type DbTx,
} from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/mutations";
import { getAssessment } from "@/lib/assessments/data";
import { encodeAnswer } from "@/lib/assessments/schema";
import { AppError, parseInput } from "@/lib/errors";
import { getFramework, RESPONDENT_ROLES, type RespondentRole } from "@/lib/framework";
import { linkTokenHash } from "@/lib/responses/data";
import { assertLinkTakesWrites } from "@/lib/responses/write-guard";
import { generateJoinCode, isJoinCodeShape } from "./code";
import { getRoomStateForMember, parsePlan, workshopNotFound, workshopScope } from "./data";
import { limitJoin, lookUpJoinCode } from "./limits";
import { WORKSHOP_PARTICIPANT_CAP } from "./room-size";
import { buildPlan, markRevealed, stepThroughPlan } from "./plan";
import {
  agreeSchema,
  createWorkshopSchema,
  joinCodeSchema,
  joinWorkshopSchema,
  nextQuestionSchema,
  openQuestionSchema,
  voteSchema,
  type VoteValue,
} from "./schema";
import type { RoomState } from "./state";

// Writes of the room. The facilitator's actions (member, `assessment.manage`) each run in one
// transaction holding the workshop's row lock, so two clicks, or a click and a vote, never
// interleave; a vote is the participant's answer, saved by the answer path's own SQL.

const workshopEnded = () =>
  new AppError("workshop_ended", "This workshop has ended: it takes no more votes. Thank you.");

export type CreatedWorkshop = { id: string; code: string; phase: "lobby" };

/** Starts a workshop on an open round: a join code unique among live workshops. */
export async function createWorkshop(
  ctx: WorkspaceContext,
  assessmentId: string,
  input: unknown,
): Promise<CreatedWorkshop> {
  assertCan(ctx, "assessment.manage");
  const { plan: choice, expectedParticipants } = parseInput(createWorkshopSchema, input);
  const db = getDb();
  const round = await getAssessment(ctx, assessmentId);
  if (round.state !== "open")
    throw new AppError(
      round.state === "closed" ? "round_closed" : "round_not_open",
      round.state === "closed"
        ? "This round has closed: start a workshop on an open round."
        : "Open the round before starting a workshop: participants answer the round.",
    );
  const framework = getFramework(round.frameworkVersion);
  const plan = buildPlan(framework, choice);
  if (plan.questionIds.length === 0)
    throw new AppError("validation_failed", "This framework has no such dimension.", {
      fields: { "plan.dimensionId": "Choose one of the round's dimensions." },
    });
  // A clash with a live code is astronomically rare; a few fresh draws settle it.
  for (let attempt = 0; ; attempt += 1) {
    const code = generateJoinCode();
    try {
      return await db.$transaction(async (tx) => {
        const row = await tx.workshop.create({
          data: {
            workspaceId: ctx.workspaceId,
            assessmentId: round.id,
            code,
            liveCode: code,
            plan,
            expectedParticipants,
            createdByUserId: ctx.userId,
          },
          select: { id: true, code: true },
        });
        await recordAudit(auditOf(ctx, "workshop.started", round.id, { workshopId: row.id }), tx);
        return { id: row.id, code: row.code, phase: "lobby" as const };
      });
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function auditOf(
  ctx: WorkspaceContext,
  action: "workshop.started" | "workshop.level_agreed" | "workshop.ended",
  assessmentId: string,
  detail: Record<string, string>,
) {
  return {
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.userId,
    actorLabel: ctx.email,
    action,
    targetType: "assessment",
    targetId: assessmentId,
    detail,
  };
}

export type Joined = { workshopId: string; participantId: string; token: string };

/**
 * A person joins the room with the code: they become a respondent of the round (a personal link
 * of their own, whose token the phone keeps), so every vote is their answer. Every code looked up
 * counts against the address, a right one taken back at once (./limits.ts); a join then counts
 * against the bound on joins per address. A full workshop is 409.
 */
/**
 * The live workshop of a join code, counted against the address like every code looked up
 * (./limits.ts), or 404 in the words a phone shows.
 */
async function findLiveWorkshop(code: string, address: string, now: Date) {
  const workshop = isJoinCodeShape(code)
    ? await lookUpJoinCode(
        address,
        (tx) =>
          tx.workshop.findFirst({
            where: { liveCode: code, phase: { not: "ended" } },
            select: {
              id: true,
              workspaceId: true,
              expectedParticipants: true,
              assessment: { select: { id: true, state: true, roles: true, anonymous: true } },
            },
          }),
        now,
      )
    : null;
  if (!workshop)
    throw new AppError(
      "not_found",
      "No workshop is running with this code. Check the code on the screen.",
    );
  return workshop;
}

/** The round's roles, in framework order, as stored on the round. */
function roundRoles(roles: unknown): RespondentRole[] {
  const stored = Array.isArray(roles) ? roles : [];
  return RESPONDENT_ROLES.filter((role) => stored.includes(role));
}

export type JoinChoices = { roles: RespondentRole[]; anonymous: boolean };

/**
 * What the phone offers before joining: the roles the round takes and whether it is anonymous
 * (then no name is asked for). Looked up like a join, so it is no way around the guessing limit.
 */
export async function describeJoin(
  code: unknown,
  address: string,
  now = new Date(),
): Promise<JoinChoices> {
  const { code: normalized } = parseInput(joinCodeSchema, { code });
  const workshop = await findLiveWorkshop(normalized, address, now);
  return {
    roles: roundRoles(workshop.assessment.roles),
    anonymous: workshop.assessment.anonymous,
  };
}

export async function joinWorkshop(
  input: unknown,
  address: string,
  now = new Date(),
): Promise<Joined> {
  const data = parseInput(joinWorkshopSchema, input);
  const workshop = await findLiveWorkshop(data.code, address, now);
  await limitJoin(workshop, address, now);
  const round = workshop.assessment;
  assertLinkTakesWrites({ revoked: false, assessmentState: round.state, submitted: false });
  if (!roundRoles(round.roles).includes(data.role))
    throw new AppError("validation_failed", "This role does not take part in this round.", {
      fields: { role: "Choose one of the roles offered." },
    });
  const token = createSecretToken("gmr");
  const tokenHash = hashSecretToken(token);
  const invitation = await getDb().$transaction(async (tx) => {
    // Round, then workshop (the order a close and the facilitator take them): the count of
    // participants, the workshop's phase and the round's state are read under the locks, so
    // parallel joins cannot pass the cap together, nor join a workshop just ended or closed.
    await lockForShare(tx, "Assessment", round.id);
    await lockForUpdate(tx, "Workshop", workshop.id);
    const current = await tx.workshop.findUnique({
      where: { id: workshop.id },
      select: {
        phase: true,
        assessment: { select: { state: true } },
        _count: { select: { participants: true } },
      },
    });
    if (!current || current.phase === "ended")
      throw new AppError(
        "not_found",
        "No workshop is running with this code. Check the code on the screen.",
      );
    assertLinkTakesWrites({
      revoked: false,
      assessmentState: current.assessment.state,
      submitted: false,
    });
    if (current._count.participants >= WORKSHOP_PARTICIPANT_CAP)
      throw new AppError(
        "conflict",
        `This workshop is full: it takes at most ${WORKSHOP_PARTICIPANT_CAP.toLocaleString("en")} people. Ask the facilitator.`,
      );
    return tx.assessmentInvitation.create({
      data: {
        workspaceId: workshop.workspaceId,
        assessmentId: round.id,
        kind: "personal",
        tokenHash,
        role: data.role,
        // An anonymous round never stores a name, whatever a client sends.
        name: round.anonymous ? null : data.name || null,
        response: {
          create: {
            workspaceId: workshop.workspaceId,
            assessmentId: round.id,
            role: data.role,
            startedAt: now,
            participant: { create: { workshopId: workshop.id, tokenHash } },
          },
        },
      },
      select: { response: { select: { participant: { select: { id: true } } } } },
    });
  });
  const participantId = invitation.response?.participant?.id;
  if (!participantId) throw new Error("joinWorkshop: the participant was not created");
  return { workshopId: workshop.id, participantId, token };
}

/**
 * A participant's vote on the question shown: their answer to it, upserted by (response,
 * question) like any answer, so the last vote counts and a retry changes nothing. Refused (409)
 * unless that question is open for voting, and by the same guard as every respondent write.
 */
export async function castVote(
  token: string,
  workshopId: string,
  input: unknown,
): Promise<{ questionId: string; value: VoteValue }> {
  const tokenHash = linkTokenHash(token);
  const vote = parseInput(voteSchema, input);
  return runProgram(function* () {
    const found = yield* workshopsSql.findParticipantForVote(tokenHash);
    if (!found || found.workshopId !== workshopId) throw workshopNotFound();
    // Under the locks a reveal and a close take (PostgreSQL), read again: a vote racing a reveal
    // lands before it and is counted, or sees the question revealed and is refused.
    // Round first, then workshop: the order a facilitator's action and a close take them.
    yield* answersSql.lockForWrite(found.assessmentId, found.responseId);
    yield* workshopsSql.lockWorkshopForVote(found.workshopId);
    const p = yield* workshopsSql.findParticipantForVote(tokenHash);
    if (!p) throw workshopNotFound();
    assertLinkTakesWrites({
      revoked: p.revoked,
      assessmentState: p.assessmentState,
      submitted: p.submitted,
    });
    if (p.phase === "ended") throw workshopEnded();
    if (p.phase !== "voting" || p.currentQuestionId !== vote.questionId)
      throw new AppError(
        "question_not_open",
        p.phase === "revealed" && p.currentQuestionId === vote.questionId
          ? "The votes on this question are revealed: yours can no longer change."
          : "Voting is not open on this question. Wait for the facilitator to open it.",
      );
    const now = new Date();
    yield* answersSql.upsertAnswer(
      {
        responseId: p.responseId,
        questionId: vote.questionId,
        value: encodeAnswer(vote.value),
        comment: undefined,
      },
      now,
    );
    if (!p.started) yield* answersSql.markResponseStarted(p.responseId, now);
    return { questionId: vote.questionId, value: vote.value };
  });
}

// ---- The facilitator's actions -------------------------------------------------------------

type LockedWorkshop = {
  id: string;
  assessmentId: string;
  phase: RoomState["phase"];
  currentQuestionId: string | null;
  plan: ReturnType<typeof parsePlan>;
};

/**
 * Runs one facilitator action on the workshop, locked; answers the room's state after it. The
 * round is locked shared first (closing takes it exclusively, then ends the round's workshops):
 * an action either lands before a close and is scored, or sees the round closed and is refused,
 * never recorded after the result. Ending a workshop is the one action a closed round allows.
 */
async function facilitate(
  ctx: WorkspaceContext,
  workshopId: string,
  change: (tx: DbTx, workshop: LockedWorkshop, now: Date) => Promise<void>,
  options: { onClosedRound?: boolean } = {},
): Promise<RoomState> {
  assertCan(ctx, "assessment.manage");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const where = { id: workshopId, ...workshopScope(ctx) };
    const first = await tx.workshop.findFirst({ where, select: { id: true, assessmentId: true } });
    if (!first) throw workshopNotFound();
    // Round before workshop, the order a vote and a close take them too: no deadlock.
    await lockForShare(tx, "Assessment", first.assessmentId);
    await lockForUpdate(tx, "Workshop", first.id);
    const row = await tx.workshop.findFirst({
      where,
      select: {
        id: true,
        assessmentId: true,
        phase: true,
        currentQuestionId: true,
        plan: true,
        assessment: { select: { state: true } },
      },
    });
    if (!row) throw workshopNotFound();
    if (row.phase === "ended")
      throw new AppError("workshop_ended", "This workshop has ended. Start a new one to go on.");
    if (row.assessment.state !== "open" && !options.onClosedRound)
      throw new AppError(
        row.assessment.state === "closed" ? "round_closed" : "round_not_open",
        "This round is not open: the room's votes and agreed levels can no longer change it.",
      );
    const { assessment: _round, ...workshop } = row;
    await change(tx, { ...workshop, plan: parsePlan(row.plan) }, new Date());
  });
  return getRoomStateForMember(ctx, workshopId);
}

function countdownEnd(now: Date, seconds: number | undefined): Date | null {
  return seconds === undefined ? null : new Date(now.getTime() + seconds * 1000);
}

/** Opens voting on a question of the plan (again, if it was revealed: a second round of votes). */
export function openQuestion(ctx: WorkspaceContext, workshopId: string, input: unknown) {
  const data = parseInput(openQuestionSchema, input);
  return facilitate(ctx, workshopId, async (tx, workshop, now) => {
    if (!workshop.plan.questionIds.includes(data.questionId))
      throw new AppError("validation_failed", "This question is not part of this workshop.", {
        fields: { questionId: "Choose a question of the workshop's plan." },
      });
    await tx.workshop.update({
      where: { id: workshop.id },
      data: {
        phase: "voting",
        currentQuestionId: data.questionId,
        countdownEndsAt: countdownEnd(now, data.seconds),
        plan: markRevealed(workshop.plan, data.questionId, false),
      },
    });
  });
}

/** Shows the room's votes on the current question; no vote changes after this. */
export function revealVotes(ctx: WorkspaceContext, workshopId: string) {
  return facilitate(ctx, workshopId, async (tx, workshop) => {
    if (!workshop.currentQuestionId || workshop.phase === "revealed")
      throw new AppError(
        "conflict",
        workshop.phase === "revealed"
          ? "The votes on this question are already revealed."
          : "Open a question before revealing its votes.",
      );
    await tx.workshop.update({
      where: { id: workshop.id },
      data: {
        phase: "revealed",
        countdownEndsAt: null,
        plan: markRevealed(workshop.plan, workshop.currentQuestionId, true),
      },
    });
  });
}

/** Records the level the room agreed on the revealed question, with the reason (replaces one). */
export function agreeLevel(ctx: WorkspaceContext, workshopId: string, input: unknown) {
  const data = parseInput(agreeSchema, input);
  return facilitate(ctx, workshopId, async (tx, workshop, now) => {
    if (workshop.phase !== "revealed" || workshop.currentQuestionId !== data.questionId)
      throw new AppError(
        "conflict",
        "Reveal the votes on this question before recording the level the room agreed.",
      );
    const votes = await tx.answer.count({
      where: {
        questionId: data.questionId,
        response: { participant: { workshopId: workshop.id } },
      },
    });
    // The round scores the agreed level in place of the answers given (lib/results/agreed.ts):
    // with no answer at all there would be nothing to replace, and the agreement would be lost.
    if (votes === 0)
      throw new AppError(
        "conflict",
        "Nobody in the room voted on this question: open it and let the room vote first.",
      );
    const value = encodeAnswer(data.value);
    await tx.agreedLevel.upsert({
      where: {
        assessmentId_questionId: {
          assessmentId: workshop.assessmentId,
          questionId: data.questionId,
        },
      },
      create: {
        workspaceId: ctx.workspaceId,
        assessmentId: workshop.assessmentId,
        workshopId: workshop.id,
        questionId: data.questionId,
        value,
        reason: data.reason,
        agreedByUserId: ctx.userId,
        agreedAt: now,
      },
      update: {
        workshopId: workshop.id,
        value,
        reason: data.reason,
        agreedByUserId: ctx.userId,
        agreedAt: now,
      },
    });
    await recordAudit(
      auditOf(ctx, "workshop.level_agreed", workshop.assessmentId, {
        workshopId: workshop.id,
        questionId: data.questionId,
        value,
      }),
      tx,
    );
  });
}

/** Opens the next question of the plan (the first, from the lobby). */
export function nextQuestion(ctx: WorkspaceContext, workshopId: string, input: unknown) {
  const data = parseInput(nextQuestionSchema, input ?? {});
  return facilitate(ctx, workshopId, async (tx, workshop, now) => {
    const next = stepThroughPlan(workshop.plan, workshop.currentQuestionId, 1);
    if (!next)
      throw new AppError("conflict", "This was the workshop's last question: end the workshop.");
    await tx.workshop.update({
      where: { id: workshop.id },
      data: {
        phase: "voting",
        currentQuestionId: next,
        countdownEndsAt: countdownEnd(now, data.seconds),
        plan: markRevealed(workshop.plan, next, false),
      },
    });
  });
}

/**
 * Goes back to the previous question: its votes shown if they were revealed, else paused with
 * them blind (a question left mid-vote must not show its votes). Open it to vote again.
 */
export function previousQuestion(ctx: WorkspaceContext, workshopId: string) {
  return facilitate(ctx, workshopId, async (tx, workshop) => {
    const previous = stepThroughPlan(workshop.plan, workshop.currentQuestionId, -1);
    if (!previous) throw new AppError("conflict", "This is the workshop's first question.");
    const revealed = (workshop.plan.revealedIds ?? []).includes(previous);
    await tx.workshop.update({
      where: { id: workshop.id },
      data: {
        phase: revealed ? "revealed" : "lobby",
        currentQuestionId: previous,
        countdownEndsAt: null,
      },
    });
  });
}

/** Stops voting without revealing: phones wait; open the question again to go on. */
export function pauseWorkshop(ctx: WorkspaceContext, workshopId: string) {
  return facilitate(ctx, workshopId, async (tx, workshop) => {
    await tx.workshop.update({
      where: { id: workshop.id },
      data: { phase: "lobby", countdownEndsAt: null },
    });
  });
}

/** Ends the workshop: its code is free again; the round stays open for answers by link. */
export function endWorkshop(ctx: WorkspaceContext, workshopId: string) {
  return facilitate(
    ctx,
    workshopId,
    async (tx, workshop, now) => {
      await tx.workshop.update({
        where: { id: workshop.id },
        data: { phase: "ended", liveCode: null, endedAt: now, countdownEndsAt: null },
      });
      await recordAudit(
        auditOf(ctx, "workshop.ended", workshop.assessmentId, { workshopId: workshop.id }),
        tx,
      );
    },
    { onClosedRound: true },
  );
}
