import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getFramework, type RespondentRole } from "@/lib/framework";
import { getAssessment } from "@/lib/assessments/data";
import {
  agreeLevel,
  castVote,
  createWorkshop,
  endWorkshop,
  joinWorkshop,
  nextQuestion,
  revealVotes,
} from "@/lib/workshops/mutations";
import { buildPlan, findPlannedQuestion } from "@/lib/workshops/plan";
import type { VoteValue } from "@/lib/workshops/schema";

// The demo's finished workshop: the room of one round ran the gating questions on their phones,
// saw the spread, and agreed a level on each, so the round's result shows agreed levels beside
// the individual medians, and one disagreement the room resolved (the executives said a named
// person is accountable for wrong outputs; the people running the workflow said nobody is).
// It runs through the same functions the API calls, then dates the record to the workshop's day.

type Person = { name: string; role: RespondentRole };

const ROOM: Person[] = [
  { name: "Ines Moreau (COO)", role: "executive" },
  { name: "Tom Becker (CFO)", role: "executive" },
  { name: "Lena Park (store operations)", role: "business" },
  { name: "Ravi Menon (merchandising)", role: "business" },
  { name: "Jo Okafor (platform engineering)", role: "technical" },
  { name: "Sam Lind (data engineering)", role: "data" },
];

/** Votes per role on each gating question, and the level the room agreed with its reason. */
const SESSION: Record<
  string,
  { votes: Record<RespondentRole, VoteValue>; agreed: VoteValue; reason: string }
> = {
  "output_quality.evaluation_at_volume": {
    votes: { executive: "dont_know", business: "dont_know", technical: 2, data: 2 },
    agreed: 2,
    reason: "Evaluated on a sample from two stores, not at the volume of all 140.",
  },
  "monitoring.before_go_live": {
    votes: { executive: 3, business: 2, technical: 1, data: 1 },
    agreed: 1,
    reason: "Dashboards exist for the pilot only; nothing is tested for the roll-out yet.",
  },
  "monitoring.output_quality_tracking": {
    votes: { executive: 2, business: 1, technical: 1, data: 1 },
    agreed: 1,
    reason: "Store managers report bad forecasts by email; nothing samples them.",
  },
  "ownership.wrong_output_owner": {
    votes: { executive: 4, business: 0, technical: 0, data: 1 },
    agreed: 1,
    reason:
      "Split room: the executives named the CIO, the teams said nobody would be called. " +
      "Agreed: accountability is assumed, not assigned, until a named owner signs off.",
  },
  "ownership.business_owner": {
    votes: { executive: 3, business: 2, technical: 2, data: 2 },
    agreed: 2,
    reason: "Merchandising owns the forecast's outcome; the agent has no business owner yet.",
  },
  "data.workflow_audit": {
    votes: { executive: 2, business: 1, technical: 1, data: 1 },
    agreed: 1,
    reason: "The audit covered the warehouse tables, not the store replenishment workflow.",
  },
  "data.governance_practices": {
    votes: { executive: 3, business: 1, technical: 2, data: 1 },
    agreed: 1,
    reason: "Practices are written down but not applied to the data the models use.",
  },
  "workflow_redesign.redesigned_before_deployment": {
    votes: { executive: 2, business: 1, technical: 1, data: 1 },
    agreed: 1,
    reason: "The forecast was added to the existing replenishment steps, unchanged.",
  },
};

// A documentation address (RFC 5737): the room's shared network, as the join limit sees it.
const ROOM_ADDRESS = "192.0.2.40";

/** Runs the gating questions as a workshop on the open round, then dates it to `at`. */
export async function seedWorkshop(
  ctx: WorkspaceContext,
  assessmentId: string,
  at: Date,
): Promise<void> {
  const round = await getAssessment(ctx, assessmentId);
  const framework = getFramework(round.frameworkVersion);
  const workshop = await createWorkshop(ctx, assessmentId, { plan: { kind: "gating" } });
  const room: (Person & { token: string })[] = [];
  for (const person of ROOM) {
    const joined = await joinWorkshop(
      { code: workshop.code, name: person.name, role: person.role },
      ROOM_ADDRESS,
    );
    room.push({ ...person, token: joined.token });
  }
  for (const questionId of buildPlan(framework, { kind: "gating" }).questionIds) {
    const session = SESSION[questionId];
    if (!session || !findPlannedQuestion(framework, questionId)) continue;
    await nextQuestion(ctx, workshop.id, {});
    for (const person of room)
      await castVote(person.token, workshop.id, { questionId, value: session.votes[person.role] });
    await revealVotes(ctx, workshop.id);
    await agreeLevel(ctx, workshop.id, {
      questionId,
      value: session.agreed,
      reason: session.reason,
    });
  }
  await endWorkshop(ctx, workshop.id);

  const db = getDb();
  await db.workshop.update({
    where: { id: workshop.id },
    data: { createdAt: at, endedAt: new Date(at.getTime() + 50 * 60_000) },
  });
  await db.participant.updateMany({ where: { workshopId: workshop.id }, data: { joinedAt: at } });
  await db.agreedLevel.updateMany({
    where: { workshopId: workshop.id },
    data: { agreedAt: new Date(at.getTime() + 45 * 60_000) },
  });
  await db.response.updateMany({
    where: { participant: { workshopId: workshop.id } },
    data: { startedAt: at },
  });
}
