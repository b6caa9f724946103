import { z } from "zod";
import { answerValueSchema, type AnswerValue } from "@/lib/framework/schema";
import type { ScoreInput, ScoreResult } from "@/lib/scoring";

// Levels a workshop agreed (docs/decisions/0009-agreed-levels-score-the-round.md). The round
// scores the agreed level: an input transformation, so lib/scoring is unchanged. For an agreed
// question, every respondent who answered it is scored at the agreed level; a respondent who left
// it unanswered stays unanswered (coverage is what was really answered). The question's median is
// then the agreed level, and its agreement is the room's consensus. The individual votes stay in
// the database, and their median is kept beside the agreed level in the snapshot.

export type AgreedLevelInput = { questionId: string; value: AnswerValue };

/** The input with each agreed question's answers replaced by the agreed level. Pure. */
export function applyAgreedLevels(
  input: ScoreInput,
  agreed: readonly AgreedLevelInput[],
): ScoreInput {
  if (agreed.length === 0) return input;
  const levels = new Map(agreed.map((a) => [a.questionId, a.value]));
  return {
    ...input,
    responses: input.responses.map((response) => ({
      ...response,
      answers: Object.fromEntries(
        Object.entries(response.answers).map(([questionId, value]) => [
          questionId,
          levels.get(questionId) ?? value,
        ]),
      ),
    })),
  };
}

/** What a result shows per agreed question: the individual median beside the agreed level. */
export const agreedInResultSchema = z.looseObject({
  questionId: z.string(),
  value: answerValueSchema,
  reason: z.string(),
  individualMedian: z.number().nullable(),
  agreedAt: z.string(),
});
export type AgreedInResult = z.infer<typeof agreedInResultSchema>;

/**
 * The agreed levels as the snapshot keeps them, with each question's median of the individual
 * answers read from the result scored without the agreements.
 */
export function agreedInResult(
  agreed: readonly (AgreedLevelInput & { reason: string; agreedAt: Date })[],
  individual: ScoreResult,
): AgreedInResult[] {
  const medians = new Map(individual.questions.map((q) => [q.id, q.medianLevel]));
  return [...agreed]
    .sort((a, b) => a.questionId.localeCompare(b.questionId))
    .map((a) => ({
      questionId: a.questionId,
      value: a.value,
      reason: a.reason,
      individualMedian: medians.get(a.questionId) ?? null,
      agreedAt: a.agreedAt.toISOString(),
    }));
}
