import type { Framework, Question } from "@/lib/framework";
import type { PlanChoice, WorkshopPlan } from "./schema";

// What a workshop runs, as an ordered list of question ids fixed when it starts: the whole
// questionnaire, one dimension, or the gating questions (the three-part diagnostic's questions
// and the critical ones, in framework order: about 20 minutes at two minutes a question).

export function gatingQuestionIds(framework: Framework): Set<string> {
  const ids = new Set<string>(framework.diagnostic.parts.flatMap((p) => p.questionIds));
  for (const d of framework.dimensions) for (const q of d.questions) if (q.critical) ids.add(q.id);
  return ids;
}

export function buildPlan(framework: Framework, choice: PlanChoice): WorkshopPlan {
  const all = framework.dimensions.flatMap((d) => d.questions.map((q) => q.id));
  if (choice.kind === "dimension") {
    const dimension = framework.dimensions.find((d) => d.id === choice.dimensionId);
    return {
      kind: "dimension",
      dimensionId: choice.dimensionId,
      questionIds: dimension ? dimension.questions.map((q) => q.id) : [],
    };
  }
  if (choice.kind === "gating") {
    const gating = gatingQuestionIds(framework);
    return { kind: "gating", questionIds: all.filter((id) => gating.has(id)) };
  }
  return { kind: "all", questionIds: all };
}

export type PlannedQuestion = Question & { dimensionName: string };

/** The framework's question with its dimension's name; null for an id the framework lacks. */
export function findPlannedQuestion(framework: Framework, id: string): PlannedQuestion | null {
  for (const d of framework.dimensions)
    for (const q of d.questions) if (q.id === id) return { ...q, dimensionName: d.name };
  return null;
}

/** The question after (step 1) or before (step -1) the current one; null past either end. */
export function stepThroughPlan(
  plan: WorkshopPlan,
  current: string | null,
  step: 1 | -1,
): string | null {
  const at = current === null ? -1 : plan.questionIds.indexOf(current);
  if (current === null) return step === 1 ? (plan.questionIds[0] ?? null) : null;
  return plan.questionIds[at + step] ?? null;
}

/**
 * The plan with `questionId` marked revealed (its votes were shown) or not (a new round of votes
 * on it opened, blind until revealed again).
 */
export function markRevealed(
  plan: WorkshopPlan,
  questionId: string,
  revealed: boolean,
): WorkshopPlan {
  const others = (plan.revealedIds ?? []).filter((id) => id !== questionId);
  return { ...plan, revealedIds: revealed ? [...others, questionId] : others };
}
