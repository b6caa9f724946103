import "server-only";
import {
  answersSql,
  getDb,
  isUniqueViolation,
  lockForShare,
  lockForUpdate,
  runProgram,
} from "@/lib/db";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { AppError, parseInput } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import {
  answersSchemaFor,
  chooseRoleSchema,
  encodeAnswer,
  idempotencyKeySchema,
} from "@/lib/assessments/schema";
import { findLinkForWrite, invalidLink, linkTokenHash } from "./data";
import { assertLinkTakesWrites } from "./write-guard";

/** The open link: the respondent picks a role and gets a personal link to resume from. */
export async function startFromOpenLink(
  token: string,
  input: unknown,
): Promise<{ token: string; path: string }> {
  const link = await findLinkForWrite(token);
  if (link.kind !== "open")
    throw new AppError("conflict", "This is a personal link: it already has a role.");
  assertLinkTakesWrites({
    revoked: link.revokedAt !== null,
    assessmentState: link.assessment.state,
    submitted: false,
  });
  const { role } = parseInput(chooseRoleSchema, input);
  const roles = Array.isArray(link.assessment.roles) ? link.assessment.roles : [];
  if (!roles.includes(role)) {
    throw new AppError("validation_failed", "This role does not take part in this round.", {
      fields: { role: "Choose one of the roles offered." },
    });
  }
  const personal = createSecretToken("gmr");
  await getDb().assessmentInvitation.create({
    data: {
      workspaceId: link.workspaceId,
      assessmentId: link.assessment.id,
      kind: "personal",
      tokenHash: hashSecretToken(personal),
      role,
      response: {
        create: {
          workspaceId: link.workspaceId,
          assessmentId: link.assessment.id,
          role,
          startedAt: new Date(),
        },
      },
    },
  });
  return { token: personal, path: `/respond/${personal}` };
}

/**
 * Merges answers into the response, each upserted by (response, question): a retried save
 * changes nothing. The call returns only after the transaction committed.
 *
 * The hot path of a round: one transaction run straight on the connection (runProgram), the link
 * read, checked and written in it. The round's state is read again under the locks that closing
 * and submitting take, so a save that races the round's closing (or the respondent's own submit)
 * either lands before it and is scored, or is refused; never acknowledged and then left out.
 */
export async function saveAnswers(
  token: string,
  input: unknown,
): Promise<{ saved: number; answered: number }> {
  const tokenHash = linkTokenHash(token);
  return runProgram(function* () {
    const link = yield* answersSql.findLinkForWrite(tokenHash);
    if (!link || link.kind !== "personal" || !link.responseId || !link.role) throw invalidLink();
    const responseId = link.responseId;
    assertLinkTakesWrites({
      revoked: link.revoked,
      assessmentState: link.state,
      submitted: link.submitted,
    });
    const data = parseInput(
      answersSchemaFor(getFramework(link.frameworkVersion), link.role),
      input,
    );
    yield* answersSql.lockForWrite(link.assessmentId, responseId);
    const current = yield* answersSql.readResponseForWrite(responseId);
    if (!current) throw invalidLink();
    // Again under the locks closing and submitting take. (Withdrawing a link takes none: a save
    // that races it may still land, kept like the answers given before it.)
    assertLinkTakesWrites({
      revoked: link.revoked,
      assessmentState: current.state,
      submitted: current.submitted,
    });
    const ids = [
      ...new Set([...Object.keys(data.answers), ...Object.keys(data.comments ?? {})]),
    ].sort();
    const commentOnly = ids.filter((id) => data.answers[id] === undefined);
    if (commentOnly.length) {
      const answered = yield* answersSql.answeredQuestionIds(responseId);
      const missing = commentOnly.filter((id) => !answered.has(id));
      if (missing.length) {
        throw new AppError(
          "validation_failed",
          "Answer a question before adding a comment to it.",
          {
            fields: Object.fromEntries(
              missing.map((id) => [`comments.${id}`, "Answer this question first."]),
            ),
          },
        );
      }
    }
    const now = new Date();
    for (const questionId of ids) {
      const value = data.answers[questionId];
      const comment = data.comments?.[questionId];
      const commentValue = comment === undefined ? undefined : comment.trim() || null;
      if (value === undefined) {
        yield* answersSql.setAnswerComment(responseId, questionId, commentValue ?? null, now);
      } else {
        yield* answersSql.upsertAnswer(
          { responseId, questionId, value: encodeAnswer(value), comment: commentValue },
          now,
        );
      }
    }
    if (!current.started) yield* answersSql.markResponseStarted(responseId, now);
    return { saved: ids.length, answered: yield* answersSql.countAnswers(responseId) };
  });
}

export type SubmitOutcome = { status: number; body: { submittedAt: string; answered: number } };

/**
 * Submits the response. With an Idempotency-Key, a retry returns the first answer again; without
 * one, a second submission is refused (already_submitted). Never two submissions.
 */
export async function submitResponse(
  token: string,
  idempotencyKey: string | null,
): Promise<SubmitOutcome> {
  const link = await findLinkForWrite(token);
  if (link.kind !== "personal" || !link.response) throw invalidLink();
  const key = idempotencyKey === null ? null : parseInput(idempotencyKeySchema, idempotencyKey);
  const scope = `submit:${link.response.id}`;
  const db = getDb();
  if (key) {
    const previous = await db.idempotencyRecord.findUnique({
      where: { scope_key: { scope, key } },
      select: { status: true, body: true },
    });
    if (previous) return { status: previous.status, body: previous.body as SubmitOutcome["body"] };
  }
  const responseId = link.response.id;
  const assessmentId = link.assessment.id;
  const startedAt = link.response.startedAt;
  try {
    // Inside the try: a retry of the same key that finds the response just submitted by its
    // twin answers with the twin's record, below.
    assertLinkTakesWrites({
      revoked: link.revokedAt !== null,
      assessmentState: link.assessment.state,
      submitted: link.response.submittedAt !== null,
    });
    return await db.$transaction(async (tx) => {
      // Exclusive on the response (saves in flight finish first), shared on the round (closing
      // waits for this submit, or this submit sees the round closed).
      await lockForShare(tx, "Assessment", assessmentId);
      await lockForUpdate(tx, "Response", responseId);
      const current = await tx.response.findUnique({
        where: { id: responseId },
        select: {
          submittedAt: true,
          assessment: { select: { state: true } },
          invitation: { select: { revokedAt: true } },
        },
      });
      if (!current) throw invalidLink();
      assertLinkTakesWrites({
        revoked: current.invitation.revokedAt !== null,
        assessmentState: current.assessment.state,
        submitted: current.submittedAt !== null,
      });
      const now = new Date();
      const claimed = await tx.response.updateMany({
        where: { id: responseId, submittedAt: null },
        data: { submittedAt: now, startedAt: startedAt ?? now },
      });
      if (claimed.count === 0)
        throw new AppError("already_submitted", "These answers were already submitted.");
      const answered = await tx.answer.count({ where: { responseId } });
      const outcome: SubmitOutcome = {
        status: 200,
        body: { submittedAt: now.toISOString(), answered },
      };
      if (key)
        await tx.idempotencyRecord.create({
          data: { scope, key, status: outcome.status, body: outcome.body },
        });
      return outcome;
    });
  } catch (error) {
    // The same key raced itself: the winner's record is the answer (whatever refused the loser,
    // most often already_submitted).
    if (key && (isUniqueViolation(error) || (error instanceof AppError && error.status === 409))) {
      const winner = await db.idempotencyRecord.findUnique({
        where: { scope_key: { scope, key } },
        select: { status: true, body: true },
      });
      if (winner) return { status: winner.status, body: winner.body as SubmitOutcome["body"] };
    }
    throw error;
  }
}
