import "server-only";
import { randomUUID } from "node:crypto";
import type { DbTx } from "./client";

// The answer-save hot path in plain SQL that means the same on SQLite and PostgreSQL. A round
// with hundreds of respondents saves an answer per tap; through the model API each save took
// about seven statements' worth of query planning (7 ms), this takes three statements (2 ms).
// Every other read and write of answers goes through the model API.

export type ResponseWriteState = { started: boolean; submitted: boolean; state: string };

export async function readResponseForWrite(
  tx: DbTx,
  responseId: string,
): Promise<ResponseWriteState | null> {
  const rows = await tx.$queryRaw<{ startedAt: unknown; submittedAt: unknown; state: string }[]>`
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

/** Insert or update one answer by (response, question). `comment: undefined` keeps the stored one. */
export async function upsertAnswer(
  tx: DbTx,
  answer: {
    responseId: string;
    questionId: string;
    value: string;
    comment: string | null | undefined;
  },
  now: Date,
): Promise<void> {
  if (answer.comment === undefined) {
    await tx.$executeRaw`
      INSERT INTO "Answer" ("id", "responseId", "questionId", "value", "comment", "updatedAt")
      VALUES (${randomUUID()}, ${answer.responseId}, ${answer.questionId}, ${answer.value}, NULL, ${now})
      ON CONFLICT ("responseId", "questionId")
      DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`;
    return;
  }
  await tx.$executeRaw`
    INSERT INTO "Answer" ("id", "responseId", "questionId", "value", "comment", "updatedAt")
    VALUES (${randomUUID()}, ${answer.responseId}, ${answer.questionId}, ${answer.value}, ${answer.comment}, ${now})
    ON CONFLICT ("responseId", "questionId")
    DO UPDATE SET "value" = excluded."value", "comment" = excluded."comment", "updatedAt" = excluded."updatedAt"`;
}

export async function countAnswers(tx: DbTx, responseId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ n: bigint | number | string }[]>`
    SELECT COUNT(*) AS "n" FROM "Answer" WHERE "responseId" = ${responseId}`;
  return Number(rows[0]?.n ?? 0);
}
