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

/** Who reads the room: a participant by their link, or a member through their workspace. */
export type RoomReader =
  | { kind: "participant"; tokenHash: string }
  | { kind: "member"; workspaceId: string; grantsOf: string | null };

/** The room as one read: the workshop, its round, the count, the viewer, the agreed level. */
export type RoomRow = {
  id: string;
  assessmentId: string;
  liveCode: string | null;
  phase: string;
  currentQuestionId: string | null;
  countdownEndsAt: Date | null;
  plan: unknown;
  round: { name: string; anonymous: boolean; minGroupSize: number; frameworkVersion: string };
  participants: number;
  viewerResponseId: string | null;
  agreed: { value: string; reason: string } | null;
  /** The current question's votes counted by role and value (a keynote has 1,000 of them). */
  tallies: { role: string; value: string; count: number }[];
  /** The viewer's own vote on the current question (a participant), else null. */
  viewerVote: string | null;
};

const asDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as string | Date);

/** JSON columns: text on SQLite, already parsed by the driver on PostgreSQL. */
const asJson = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

/**
 * A room's state, polled every second or two by every phone in the room (1,000 at a keynote):
 * at most three statements (the room, the current question's votes counted by role and value,
 * the viewer's own vote) instead of four Prisma queries and a row per vote.
 * A participant reaches only the workshop of their own token; a member only a workshop of their
 * workspace, and an executive (grantsOf: their member id) only one of a granted organisation,
 * the scope lib/workshops' workshopScope gives the Prisma reads.
 */
export function* readRoom(workshopId: string, reader: RoomReader): Program<RoomRow | null> {
  const participant = reader.kind === "participant" ? reader.tokenHash : null;
  const workspaceId = reader.kind === "member" ? reader.workspaceId : null;
  const grantsOf = reader.kind === "member" ? reader.grantsOf : null;
  // Neither a token nor a workspace would match every workshop: nobody (the types forbid it).
  if (participant === null && workspaceId === null) return null;
  const rows = yield* all`
    SELECT w."id", w."assessmentId", w."liveCode", w."phase", w."currentQuestionId",
           w."countdownEndsAt", w."plan",
           a."name", a."anonymous", a."minGroupSize", a."frameworkVersion",
           (SELECT COUNT(*) FROM "Participant" c WHERE c."workshopId" = w."id") AS "participants",
           p."responseId" AS "viewerResponseId",
           g."value" AS "agreedValue", g."reason" AS "agreedReason"
    FROM "Workshop" w
    JOIN "Assessment" a ON a."id" = w."assessmentId"
    LEFT JOIN "Participant" p ON p."workshopId" = w."id" AND p."tokenHash" = ${participant}
    LEFT JOIN "AgreedLevel" g
      ON g."assessmentId" = w."assessmentId" AND g."questionId" = w."currentQuestionId"
    WHERE w."id" = ${workshopId}
      AND (CAST(${participant} AS TEXT) IS NULL OR p."id" IS NOT NULL)
      AND (CAST(${workspaceId} AS TEXT) IS NULL OR (w."workspaceId" = ${workspaceId}
                                                    AND a."workspaceId" = ${workspaceId}))
      AND (CAST(${grantsOf} AS TEXT) IS NULL OR EXISTS (
            SELECT 1 FROM "OrganizationGrant" og
            WHERE og."organizationId" = a."organizationId" AND og."memberId" = ${grantsOf}))`;
  const row = rows[0];
  if (!row) return null;
  const currentQuestionId = (row.currentQuestionId as string | null) ?? null;
  // Counted in the database: a poll reads a handful of rows, not one per person in the room.
  const tallies = currentQuestionId
    ? yield* all<{ role: string; value: string; count: unknown }>`
        SELECT r."role", an."value", COUNT(*) AS "count"
        FROM "Participant" vp
        JOIN "Answer" an ON an."responseId" = vp."responseId" AND an."questionId" = ${currentQuestionId}
        JOIN "Response" r ON r."id" = vp."responseId"
        WHERE vp."workshopId" = ${workshopId}
        GROUP BY r."role", an."value"`
    : [];
  const viewerResponseId = (row.viewerResponseId as string | null) ?? null;
  const own =
    currentQuestionId && viewerResponseId
      ? yield* all<{ value: string }>`
          SELECT "value" FROM "Answer"
          WHERE "responseId" = ${viewerResponseId} AND "questionId" = ${currentQuestionId}`
      : [];
  return {
    id: String(row.id),
    assessmentId: String(row.assessmentId),
    liveCode: (row.liveCode as string | null) ?? null,
    phase: String(row.phase),
    currentQuestionId,
    countdownEndsAt: asDate(row.countdownEndsAt),
    plan: asJson(row.plan),
    round: {
      name: String(row.name),
      // 0/1 on SQLite, a boolean on PostgreSQL.
      anonymous: Boolean(Number(row.anonymous)),
      minGroupSize: Number(row.minGroupSize),
      frameworkVersion: String(row.frameworkVersion),
    },
    participants: Number(row.participants),
    viewerResponseId,
    agreed:
      row.agreedValue === null || row.agreedValue === undefined
        ? null
        : { value: String(row.agreedValue), reason: String(row.agreedReason) },
    tallies: tallies.map((t) => ({
      role: String(t.role),
      value: String(t.value),
      count: Number(t.count),
    })),
    viewerVote: own[0]?.value ?? null,
  };
}
