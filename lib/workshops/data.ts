import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { assessmentScope } from "@/lib/assessments/scope";
import { notFound } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import { linkTokenHash } from "@/lib/responses/data";
import { decodeVote, workshopPlanSchema, type VoteValue, type WorkshopPlan } from "./schema";
import { buildRoomState, type RoomState } from "./state";
import { findPlannedQuestion } from "./plan";

// Reads of workshops. A member reaches a workshop through its round (the same scope as rounds:
// another workspace's workshop, or an executive's ungranted organisation, is not found); a
// participant reaches only their own workshop, by the token of their link.

export const workshopNotFound = () => notFound("Workshop");

const roomSelect = {
  id: true,
  assessmentId: true,
  liveCode: true,
  phase: true,
  currentQuestionId: true,
  countdownEndsAt: true,
  plan: true,
  assessment: {
    select: { name: true, anonymous: true, minGroupSize: true, frameworkVersion: true },
  },
  _count: { select: { participants: true } },
} as const;

export function parsePlan(json: unknown): WorkshopPlan {
  return workshopPlanSchema.parse(json);
}

/** The scope of a member's workshops: through the round they may read. */
export function workshopScope(ctx: WorkspaceContext) {
  return { workspaceId: ctx.workspaceId, assessment: assessmentScope(ctx) };
}

async function roomState(
  where: Prisma.WorkshopWhereInput,
  viewerResponseId: string | null,
  now = new Date(),
): Promise<RoomState | null> {
  const db = getDb();
  const workshop = await db.workshop.findFirst({ where, select: roomSelect });
  if (!workshop) return null;
  const questionId = workshop.currentQuestionId;
  const [votes, agreed] = await Promise.all([
    questionId
      ? db.answer.findMany({
          where: { questionId, response: { participant: { workshopId: workshop.id } } },
          select: { responseId: true, value: true, response: { select: { role: true } } },
        })
      : Promise.resolve([]),
    questionId
      ? db.agreedLevel.findUnique({
          where: { assessmentId_questionId: { assessmentId: workshop.assessmentId, questionId } },
          select: { value: true, reason: true },
        })
      : Promise.resolve(null),
  ]);
  return buildRoomState({
    workshop: { ...workshop, plan: parsePlan(workshop.plan) },
    round: workshop.assessment,
    framework: getFramework(workshop.assessment.frameworkVersion),
    participants: workshop._count.participants,
    votes: votes.map((v) => ({ responseId: v.responseId, role: v.response.role, value: v.value })),
    agreed,
    viewerResponseId,
    now,
  });
}

/** The room as a member sees it (console, big screen): never anyone's own vote. */
export async function getRoomStateForMember(
  ctx: WorkspaceContext,
  workshopId: string,
): Promise<RoomState> {
  const state = await roomState({ id: workshopId, ...workshopScope(ctx) }, null);
  if (!state) throw workshopNotFound();
  return state;
}

/** The participant of a token, in the workshop asked for; 404 for a token of another workshop. */
export async function findParticipant(token: string, workshopId: string) {
  const participant = await getDb().participant.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: { id: true, workshopId: true, responseId: true },
  });
  if (!participant || participant.workshopId !== workshopId) throw workshopNotFound();
  return participant;
}

/** The room as a participant's phone sees it: with their own vote. */
export async function getRoomStateForParticipant(
  token: string,
  workshopId: string,
): Promise<RoomState> {
  const participant = await findParticipant(token, workshopId);
  const state = await roomState({ id: workshopId }, participant.responseId);
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
  workshop: { id: string; code: string; createdAt: Date };
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
    workshop: { id: row.id, code: row.code, createdAt: row.createdAt },
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
