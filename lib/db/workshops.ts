import "server-only";
import { databaseProvider } from "./client";
import { all, type Program } from "./program";

// A workshop vote, the room's hot path (200 phones tapping within seconds), as SQL beside the
// answer save (./answers.ts): the vote is the participant's answer, written by the same upsert.

/** The participant's link, response, round and room, as a vote needs them. */
export type ParticipantForVote = {
  participantId: string;
  workshopId: string;
  phase: string;
  currentQuestionId: string | null;
  assessmentId: string;
  assessmentState: string;
  responseId: string;
  revoked: boolean;
  submitted: boolean;
  started: boolean;
};

export function* findParticipantForVote(tokenHash: string): Program<ParticipantForVote | null> {
  const rows = yield* all<{
    participantId: string;
    workshopId: string;
    phase: string;
    currentQuestionId: string | null;
    assessmentId: string;
    assessmentState: string;
    responseId: string;
    revokedAt: unknown;
    submittedAt: unknown;
    startedAt: unknown;
  }>`
    SELECT p."id" AS "participantId", w."id" AS "workshopId", w."phase", w."currentQuestionId",
           a."id" AS "assessmentId", a."state" AS "assessmentState", r."id" AS "responseId",
           i."revokedAt", r."submittedAt", r."startedAt"
    FROM "Participant" p
    JOIN "Workshop" w ON w."id" = p."workshopId"
    JOIN "Response" r ON r."id" = p."responseId"
    JOIN "Assessment" a ON a."id" = w."assessmentId"
    JOIN "AssessmentInvitation" i ON i."id" = r."invitationId"
    WHERE p."tokenHash" = ${tokenHash}`;
  const row = rows[0];
  if (!row) return null;
  return {
    participantId: row.participantId,
    workshopId: row.workshopId,
    phase: String(row.phase),
    currentQuestionId: row.currentQuestionId,
    assessmentId: row.assessmentId,
    assessmentState: String(row.assessmentState),
    responseId: row.responseId,
    revoked: row.revokedAt !== null && row.revokedAt !== undefined,
    submitted: row.submittedAt !== null && row.submittedAt !== undefined,
    started: row.startedAt !== null && row.startedAt !== undefined,
  };
}

/**
 * PostgreSQL: shared on the workshop, so a reveal (which takes it exclusively) waits for votes in
 * flight and votes after it see the question revealed. SQLite runs the program inside BEGIN
 * IMMEDIATE, one writer at a time, so nothing is needed there.
 */
export function* lockWorkshopForVote(workshopId: string): Program<void> {
  if (databaseProvider() !== "postgresql") return;
  yield* all`SELECT 1 FROM "Workshop" WHERE "id" = ${workshopId} FOR SHARE`;
}
