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

type Link = Awaited<ReturnType<typeof findLinkForWrite>>;

function assertAcceptsAnswers(link: Link) {
  assertStateAcceptsAnswers(link.assessment.state);
}

function assertStateAcceptsAnswers(state: string) {
  if (state === "closed")
    throw new AppError("conflict", "This round has closed: it takes no more answers. Thank you.");
  if (state === "draft")
    throw new AppError(
      "conflict",
      "This round has not opened yet. Try again when your consultant opens it.",
    );
}

/** The open link: the respondent picks a role and gets a personal link to resume from. */
export async function startFromOpenLink(
  token: string,
  input: unknown,
): Promise<{ token: string; path: string }> {
  const link = await findLinkForWrite(token);
  if (link.kind !== "open")
    throw new AppError("conflict", "This is a personal link: it already has a role.");
  assertAcceptsAnswers(link);
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
    if (!link || link.revoked || link.kind !== "personal" || !link.responseId || !link.role)
      throw invalidLink();
    const responseId = link.responseId;
    assertStateAcceptsAnswers(link.state);
    if (link.submitted) throw new AppError("conflict", "These answers were already submitted.");
    const data = parseInput(
      answersSchemaFor(getFramework(link.frameworkVersion), link.role),
      input,
    );
    yield* answersSql.lockForWrite(link.assessmentId, responseId);
    const current = yield* answersSql.readResponseForWrite(responseId);
    if (!current) throw invalidLink();
    assertStateAcceptsAnswers(current.state);
    if (current.submitted) throw new AppError("conflict", "These answers were already submitted.");
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
 * one, a second submission is a conflict. Never two submissions.
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
  assertAcceptsAnswers(link);
  const responseId = link.response.id;
  const assessmentId = link.assessment.id;
  try {
    return await db.$transaction(async (tx) => {
      // Exclusive on the response (saves in flight finish first), shared on the round (closing
      // waits for this submit, or this submit sees the round closed).
      await lockForShare(tx, "Assessment", assessmentId);
      await lockForUpdate(tx, "Response", responseId);
      const round = await tx.assessment.findUnique({
        where: { id: assessmentId },
        select: { state: true },
      });
      assertStateAcceptsAnswers(round?.state ?? "closed");
      const now = new Date();
      const claimed = await tx.response.updateMany({
        where: { id: responseId, submittedAt: null },
        data: { submittedAt: now, startedAt: link.response?.startedAt ?? now },
      });
      if (claimed.count === 0)
        throw new AppError("conflict", "These answers were already submitted.");
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
    // The same key raced itself: the winner's record is the answer.
    if (
      key &&
      (isUniqueViolation(error) || (error instanceof AppError && error.code === "conflict"))
    ) {
      const winner = await db.idempotencyRecord.findUnique({
        where: { scope_key: { scope, key } },
        select: { status: true, body: true },
      });
      if (winner) return { status: winner.status, body: winner.body as SubmitOutcome["body"] };
    }
    throw error;
  }
}
