import "server-only";
import { randomUUID } from "node:crypto";
import { databaseProvider } from "./client";
import { all, run, type Program } from "./program";

// The answer-save hot path as SQL that means the same on SQLite and PostgreSQL, in statements a
// program (program.ts) yields: runProgram runs them straight on the connection, without the
// Prisma client's per-query work. A round with hundreds of respondents saves an answer per tap.
// Every other read and write of answers goes through the model API.

/** A respondent link with what a save needs to know about its round and response. */
export type LinkForWrite = {
  kind: string;
  revoked: boolean;
  assessmentId: string;
  state: string;
  frameworkVersion: string;
  responseId: string | null;
  role: string | null;
  submitted: boolean;
};

/** A workshop participant's token is not a respondent link: null, as for an unknown token. */
export function* findLinkForWrite(tokenHash: string): Program<LinkForWrite | null> {
  const rows = yield* all<{
    kind: string;
    revokedAt: unknown;
    assessmentId: string;
    state: string;
    frameworkVersion: string;
    responseId: string | null;
    role: string | null;
    submittedAt: unknown;
  }>`
    SELECT i."kind", i."revokedAt", a."id" AS "assessmentId", a."state", a."frameworkVersion",
           r."id" AS "responseId", r."role", r."submittedAt"
    FROM "AssessmentInvitation" i
    JOIN "Assessment" a ON a."id" = i."assessmentId"
    LEFT JOIN "Response" r ON r."invitationId" = i."id"
    LEFT JOIN "Participant" p ON p."responseId" = r."id"
    WHERE i."tokenHash" = ${tokenHash} AND p."id" IS NULL`;
  const row = rows[0];
  if (!row) return null;
  return {
    kind: String(row.kind),
    revoked: row.revokedAt !== null,
    assessmentId: row.assessmentId,
    state: String(row.state),
    frameworkVersion: row.frameworkVersion,
    responseId: row.responseId,
    role: row.role,
    submitted: row.submittedAt !== null && row.submittedAt !== undefined,
  };
}

/**
 * PostgreSQL: shared on the round (saves of different respondents run side by side, closing
 * waits for them), exclusive on this response (its own saves and its submit queue). SQLite runs
 * the whole program inside BEGIN IMMEDIATE, one writer at a time, so nothing is needed there.
 */
export function* lockForWrite(assessmentId: string, responseId: string): Program<void> {
  if (databaseProvider() !== "postgresql") return;
  yield* all`SELECT 1 FROM "Assessment" WHERE "id" = ${assessmentId} FOR SHARE`;
  yield* all`SELECT 1 FROM "Response" WHERE "id" = ${responseId} FOR UPDATE`;
}

export type ResponseWriteState = { started: boolean; submitted: boolean; state: string };

export function* readResponseForWrite(responseId: string): Program<ResponseWriteState | null> {
  const rows = yield* all<{ startedAt: unknown; submittedAt: unknown; state: string }>`
    SELECT r."startedAt", r."submittedAt", a."state"
    FROM "Response" r JOIN "Assessment" a ON a."id" = r."assessmentId"
    WHERE r."id" = ${responseId}`;
  const row = rows[0];
  if (!row) return null;
  return {
    started: row.startedAt !== null,
    submitted: row.submittedAt !== null,
    state: String(row.state),
  };
}

export function* answeredQuestionIds(responseId: string): Program<Set<string>> {
  const rows = yield* all<{ questionId: string }>`
    SELECT "questionId" FROM "Answer" WHERE "responseId" = ${responseId}`;
  return new Set(rows.map((r) => r.questionId));
}

/** Insert or update one answer by (response, question). `comment: undefined` keeps the stored one. */
export function* upsertAnswer(
  answer: {
    responseId: string;
    questionId: string;
    value: string;
    comment: string | null | undefined;
  },
  now: Date,
): Program<void> {
  if (answer.comment === undefined) {
    yield* run`
      INSERT INTO "Answer" ("id", "responseId", "questionId", "value", "comment", "updatedAt")
      VALUES (${randomUUID()}, ${answer.responseId}, ${answer.questionId}, ${answer.value}, NULL, ${now})
      ON CONFLICT ("responseId", "questionId")
      DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`;
    return;
  }
  yield* run`
    INSERT INTO "Answer" ("id", "responseId", "questionId", "value", "comment", "updatedAt")
    VALUES (${randomUUID()}, ${answer.responseId}, ${answer.questionId}, ${answer.value}, ${answer.comment}, ${now})
    ON CONFLICT ("responseId", "questionId")
    DO UPDATE SET "value" = excluded."value", "comment" = excluded."comment", "updatedAt" = excluded."updatedAt"`;
}

/** Sets the comment of an answer already given. */
export function* setAnswerComment(
  responseId: string,
  questionId: string,
  comment: string | null,
  now: Date,
): Program<void> {
  yield* run`
    UPDATE "Answer" SET "comment" = ${comment}, "updatedAt" = ${now}
    WHERE "responseId" = ${responseId} AND "questionId" = ${questionId}`;
}

/** The first save of a response marks it started. */
export function* markResponseStarted(responseId: string, now: Date): Program<void> {
  yield* run`
    UPDATE "Response" SET "startedAt" = ${now}, "updatedAt" = ${now}
    WHERE "id" = ${responseId} AND "startedAt" IS NULL`;
}

export function* countAnswers(responseId: string): Program<number> {
  const rows = yield* all<{ n: bigint | number | string }>`
    SELECT COUNT(*) AS "n" FROM "Answer" WHERE "responseId" = ${responseId}`;
  return Number(rows[0]?.n ?? 0);
}
