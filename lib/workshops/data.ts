import "server-only";
import { getDb, runProgram, workshopsSql } from "@/lib/db";
import { seesOnlyGrantedOrganizations } from "@/lib/auth/roles";
import type { WorkspaceContext } from "@/lib/auth/context";
import { assessmentScope } from "@/lib/assessments/scope";
import { notFound } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import { linkTokenHash } from "@/lib/responses/data";
import {
  decodeVote,
  workshopPhaseSchema,
  workshopPlanSchema,
  type VoteValue,
  type WorkshopPlan,
} from "./schema";
import { buildRoomState, type RoomState } from "./state";
import { findPlannedQuestion } from "./plan";

// Reads of workshops. A member reaches a workshop through its round (the same scope as rounds:
// another workspace's workshop, or an executive's ungranted organisation, is not found); a
// participant reaches only their own workshop, by the token of their link.

export const workshopNotFound = () => notFound("Workshop");

export function parsePlan(json: unknown): WorkshopPlan {
  return workshopPlanSchema.parse(json);
}

/** The scope of a member's workshops: through the round they may read. */
export function workshopScope(ctx: WorkspaceContext) {
  return { workspaceId: ctx.workspaceId, assessment: assessmentScope(ctx) };
}

/**
 * The votes as buildRoomState takes them, from the counts the read returns: one entry per vote,
 * the viewer's own under their response id (so it comes back as `myVote`), the others
 * anonymous. buildRoomState needs only role and value from the rest.
 */
function votesOf(
  room: workshopsSql.RoomRow,
): { responseId: string; role: string; value: string }[] {
  const votes: { responseId: string; role: string; value: string }[] = [];
  let ownPending = room.viewerVote !== null;
  for (const tally of room.tallies) {
    for (let i = 0; i < tally.count; i += 1) {
      const own = ownPending && tally.value === room.viewerVote && room.viewerResponseId !== null;
      if (own) ownPending = false;
      votes.push({
        responseId: own ? (room.viewerResponseId ?? "") : "",
        role: tally.role,
        value: tally.value,
      });
    }
  }
  return votes;
}

/** The room's state from one read (lib/db/workshops: readRoom), or null when out of reach. */
async function roomState(
  workshopId: string,
  reader: workshopsSql.RoomReader,
  now = new Date(),
): Promise<RoomState | null> {
  const room = await runProgram(() => workshopsSql.readRoom(workshopId, reader), {
    readOnly: true,
  });
  if (!room) return null;
  return buildRoomState({
    workshop: {
      id: room.id,
      liveCode: room.liveCode,
      phase: workshopPhaseSchema.parse(room.phase),
      currentQuestionId: room.currentQuestionId,
      countdownEndsAt: room.countdownEndsAt,
      plan: parsePlan(room.plan),
    },
    round: room.round,
    framework: getFramework(room.round.frameworkVersion),
    participants: room.participants,
    votes: votesOf(room),
    agreed: room.agreed,
    viewerResponseId: room.viewerResponseId,
    now,
  });
}

/** The room as a member sees it (console, big screen): never anyone's own vote. */
export async function getRoomStateForMember(
  ctx: WorkspaceContext,
  workshopId: string,
): Promise<RoomState> {
  const state = await roomState(workshopId, {
    kind: "member",
    workspaceId: ctx.workspaceId,
    grantsOf: seesOnlyGrantedOrganizations(ctx.role) ? ctx.memberId : null,
  });
  if (!state) throw workshopNotFound();
  return state;
}

/** The room as a participant's phone sees it: with their own vote. 404 for another room's token. */
export async function getRoomStateForParticipant(
  token: string,
  workshopId: string,
): Promise<RoomState> {
  const state = await roomState(workshopId, {
    kind: "participant",
    tokenHash: linkTokenHash(token),
  });
  if (!state) throw workshopNotFound();
  return state;
}

export type WorkshopSummary = {
  id: string;
  code: string;
  phase: RoomState["phase"];
  planKind: WorkshopPlan["kind"];
  questions: number;
  participants: number;
  createdAt: Date;
};

/** A round's workshops, newest first (the round page). */
export async function listWorkshopsOfAssessment(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<WorkshopSummary[]> {
  const rows = await getDb().workshop.findMany({
    where: { assessmentId, ...workshopScope(ctx) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      code: true,
      phase: true,
      plan: true,
      createdAt: true,
      _count: { select: { participants: true } },
    },
  });
  return rows.map((row) => {
    const plan = parsePlan(row.plan);
    return {
      id: row.id,
      code: row.code,
      phase: row.phase,
      planKind: plan.kind,
      questions: plan.questionIds.length,
      participants: row._count.participants,
      createdAt: row.createdAt,
    };
  });
}

export type ConsoleQuestion = {
  id: string;
  text: string;
  dimensionName: string;
  critical: boolean;
  agreed: { value: VoteValue; reason: string } | null;
};

export type WorkshopConsole = {
  workshop: { id: string; code: string; createdAt: Date; expectedParticipants: number | null };
  round: { id: string; name: string; organizationName: string; state: string };
  questions: ConsoleQuestion[];
};

/** What the facilitator console shows around the live state: the plan with agreed levels. */
export async function getWorkshopConsole(
  ctx: WorkspaceContext,
  workshopId: string,
): Promise<WorkshopConsole | null> {
  const db = getDb();
  const row = await db.workshop.findFirst({
    where: { id: workshopId, ...workshopScope(ctx) },
    select: {
      id: true,
      code: true,
      createdAt: true,
      plan: true,
      expectedParticipants: true,
      assessment: {
        select: {
          id: true,
          name: true,
          state: true,
          frameworkVersion: true,
          organization: { select: { name: true } },
          agreedLevels: { select: { questionId: true, value: true, reason: true } },
        },
      },
    },
  });
  if (!row) return null;
  const framework = getFramework(row.assessment.frameworkVersion);
  const agreed = new Map(row.assessment.agreedLevels.map((a) => [a.questionId, a]));
  return {
    workshop: {
      id: row.id,
      code: row.code,
      createdAt: row.createdAt,
      expectedParticipants: row.expectedParticipants,
    },
    round: {
      id: row.assessment.id,
      name: row.assessment.name,
      organizationName: row.assessment.organization.name,
      state: row.assessment.state,
    },
    questions: parsePlan(row.plan).questionIds.flatMap((id) => {
      const question = findPlannedQuestion(framework, id);
      if (!question) return [];
      const a = agreed.get(id);
      const value = a ? decodeVote(a.value) : null;
      return [
        {
          id,
          text: question.text,
          dimensionName: question.dimensionName,
          critical: question.critical,
          agreed: a && value !== null ? { value, reason: a.reason } : null,
        },
      ];
    }),
  };
}
