import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getFramework, type RespondentRole } from "@/lib/framework";
import { createAssessment, createInvitations, openAssessment } from "@/lib/assessments/mutations";
import { closeAssessment } from "@/lib/results/mutations";
import { encodeAnswer } from "@/lib/assessments/schema";
import { seededRandom } from "./random";

// Demo history: quarterly rounds for the demo organisations, answered by respondents whose views
// differ by role the way the article describes (executives rate readiness higher than the people
// doing the work; data governance is a blind spot), improving quarter by quarter. Deterministic:
// a seeded generator, so every fresh demo looks the same.

export type DemoProfile = {
  organizationId: string;
  /** Average level (0..4) of the first round, before role bias. */
  start: number;
  /** Gain in level per quarter. */
  gain: number;
  /** Dimensions this organisation is weak in (lower by one level). */
  weak: string[];
  respondents: number;
  /** From this round index on, the diagnostic questions are answered a level higher. */
  diagnosticFrom?: number;
  /** The initiative the last round focuses on (its questionnaire names the workflow). */
  focusLastRoundOn?: string;
};

const ROLE_BIAS: Record<RespondentRole, number> = {
  executive: 0.35,
  business: -0.15,
  technical: 0.05,
  data: -0.2,
};
// Where executives see far more readiness than the people doing the work: perception gaps.
const EXECUTIVE_OPTIMISM = new Set(["monitoring", "data", "output_quality"]);
const ROLES: RespondentRole[] = ["executive", "business", "technical", "data"];

export type DemoAssessment = { name: string; frameworkVersion: string; closedAt: Date };

/** Runs on a round after its answers are in and before it closes (the demo's workshop). */
export type BeforeClose = (round: {
  organizationId: string;
  index: number;
  assessmentId: string;
  closedAt: Date;
}) => Promise<void>;

export async function seedHistory(
  ctx: WorkspaceContext,
  profiles: DemoProfile[],
  rounds: DemoAssessment[],
  beforeClose?: BeforeClose,
): Promise<void> {
  const db = getDb();
  for (const [p, profile] of profiles.entries()) {
    const random = seededRandom(1000 + p);
    for (const [q, round] of rounds.entries()) {
      const framework = getFramework(round.frameworkVersion);
      const diagnosticQuestions = new Set(
        framework.diagnostic.parts.flatMap((part) => part.questionIds),
      );
      const diagnosticBoost =
        profile.diagnosticFrom !== undefined && q >= profile.diagnosticFrom ? 1 : 0;
      const assessment = await createAssessment(ctx, profile.organizationId, {
        name: round.name,
        frameworkVersion: round.frameworkVersion,
        targets: { monitoring: 75, ownership: 75, data: 70 },
        ...(profile.focusLastRoundOn && q === rounds.length - 1
          ? { focusInitiativeId: profile.focusLastRoundOn }
          : {}),
      });
      const invitations = Array.from({ length: profile.respondents }, (_, i) => ({
        role: ROLES[i % ROLES.length]!,
      }));
      await createInvitations(ctx, assessment.id, { invitations });
      await openAssessment(ctx, assessment.id);
      const responses = await db.response.findMany({
        where: { assessmentId: assessment.id },
        select: { id: true, role: true },
        orderBy: { id: "asc" },
      });
      for (const response of responses) {
        const role = response.role as RespondentRole;
        const rows: { responseId: string; questionId: string; value: string }[] = [];
        for (const dimension of framework.dimensions) {
          for (const question of dimension.questions) {
            if (!question.audience.includes(role)) continue;
            // Data governance: the blind spot (63% lack the practices or are not sure).
            const unsure = dimension.id === "data" ? 0.2 - q * 0.04 : 0.04;
            if (random() < unsure) {
              rows.push({ responseId: response.id, questionId: question.id, value: "dont_know" });
              continue;
            }
            const base =
              profile.start +
              q * profile.gain +
              ROLE_BIAS[role] +
              (role === "executive" && EXECUTIVE_OPTIMISM.has(dimension.id) ? 0.6 : 0) -
              (profile.weak.includes(dimension.id) ? 0.8 : 0) +
              (diagnosticQuestions.has(question.id) ? diagnosticBoost : 0);
            const level = Math.max(0, Math.min(4, Math.round(base + (random() - 0.5) * 1.4)));
            rows.push({
              responseId: response.id,
              questionId: question.id,
              value: encodeAnswer(level as 0 | 1 | 2 | 3 | 4),
            });
          }
        }
        await db.answer.createMany({ data: rows });
        await db.response.update({
          where: { id: response.id },
          data: { startedAt: round.closedAt, submittedAt: round.closedAt },
        });
      }
      await beforeClose?.({
        organizationId: profile.organizationId,
        index: q,
        assessmentId: assessment.id,
        closedAt: round.closedAt,
      });
      await closeAssessment(ctx, assessment.id, round.closedAt);
      await db.assessment.update({
        where: { id: assessment.id },
        data: {
          createdAt: new Date(round.closedAt.getTime() - 21 * 86400000),
          openedAt: new Date(round.closedAt.getTime() - 20 * 86400000),
        },
      });
    }
  }
}
