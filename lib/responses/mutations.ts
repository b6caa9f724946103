import "server-only";
import { getDb, isUniqueViolation, type Prisma } from "@/lib/db";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { AppError, parseInput } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import {
  answersSchemaFor,
  chooseRoleSchema,
  encodeAnswer,
  idempotencyKeySchema,
} from "@/lib/assessments/schema";
import { findLink, invalidLink } from "./data";

type Link = Awaited<ReturnType<typeof findLink>>;

function assertAcceptsAnswers(link: Link) {
  const state = link.assessment.state;
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
  const link = await findLink(token);
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
 */
export async function saveAnswers(
  token: string,
  input: unknown,
): Promise<{ saved: number; answered: number }> {
  const link = await findLink(token);
  if (link.kind !== "personal" || !link.response) throw invalidLink();
  assertAcceptsAnswers(link);
  if (link.response.submittedAt)
    throw new AppError("conflict", "These answers were already submitted.");
  const data = parseInput(answersSchemaFor(getFramework(link.assessment.frameworkVersion)), input);
  const responseId = link.response.id;
  const ids = new Set([...Object.keys(data.answers), ...Object.keys(data.comments ?? {})]);
  const db = getDb();
  const startedAt = link.response.startedAt;
  const buildWrites = () => {
    const writes: Prisma.PrismaPromise<unknown>[] = [];
    for (const questionId of [...ids].sort()) {
      const value = data.answers[questionId];
      const comment = data.comments?.[questionId];
      const commentValue = comment === undefined ? undefined : comment.trim() || null;
      if (value === undefined) {
        // A comment alone, for a question answered before.
        writes.push(
          db.answer.updateMany({
            where: { responseId, questionId },
            data: { comment: commentValue },
          }),
        );
        continue;
      }
      writes.push(
        db.answer.upsert({
          where: { responseId_questionId: { responseId, questionId } },
          create: {
            responseId,
            questionId,
            value: encodeAnswer(value),
            comment: commentValue ?? null,
          },
          update: {
            value: encodeAnswer(value),
            ...(commentValue !== undefined ? { comment: commentValue } : {}),
          },
        }),
      );
    }
    if (!startedAt) {
      writes.push(
        db.response.updateMany({
          where: { id: responseId, startedAt: null },
          data: { startedAt: new Date() },
        }),
      );
    }
    return writes;
  };
  try {
    await db.$transaction(buildWrites());
  } catch (error) {
    // Two saves of the same new answer raced and the other created the row first: run the
    // writes again, now as updates. The outcome is the same as if they had not raced.
    if (!isUniqueViolation(error)) throw error;
    await db.$transaction(buildWrites());
  }
  const answered = await db.answer.count({ where: { responseId } });
  return { saved: ids.size, answered };
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
  const link = await findLink(token);
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
  try {
    return await db.$transaction(async (tx) => {
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
