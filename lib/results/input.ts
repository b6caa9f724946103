import { respondentRoleSchema } from "@/lib/framework/schema";
import { decodeAnswer } from "@/lib/assessments/schema";
import type { ScoreInput, ScoreResult } from "@/lib/scoring";
import { respondentKey } from "@/lib/privacy/rules";

// What a round's result is computed from, built from what the database holds: a pure function,
// so the rule "which answers count, under which name" is read and tested in one place.

export type AssessmentToScore = {
  frameworkVersion: string;
  anonymous: boolean;
  targets: Record<string, number> | null;
};

export type StoredResponse = {
  id: string;
  role: string;
  answers: { questionId: string; value: string }[];
  /** A workshop participant's: the questions the workshop ran (all they were asked). */
  asked?: readonly string[] | null;
};

export type Baseline = { frameworkVersion: string; result: ScoreResult };

/**
 * Every response with at least one answer counts, submitted or not (decision 0004), in the order
 * given (the caller reads them by id, so the input and its hash are stable). Anonymous rounds
 * name respondents r1, r2... instead of their ids. The previous round's dimension scores become
 * the baseline for progress only when both rounds used the same framework version: scores of
 * different versions do not compare point for point. A workshop participant was asked only the
 * workshop's questions: the others are not expected of them (coverage counts what was asked).
 */
export function buildScoreInput(
  round: AssessmentToScore,
  responses: readonly StoredResponse[],
  baseline: Baseline | null,
): ScoreInput {
  const input: ScoreInput = {
    frameworkVersion: round.frameworkVersion,
    responses: responses
      .filter((r) => r.answers.length > 0)
      .map((r, i) => ({
        respondent: respondentKey(round, { id: r.id, position: i }),
        role: respondentRoleSchema.parse(r.role),
        answers: Object.fromEntries(
          r.answers
            .flatMap((a) => {
              const value = decodeAnswer(a.value);
              return value === null ? [] : [[a.questionId, value] as const];
            })
            .sort(([a], [b]) => a.localeCompare(b)),
        ),
        ...(r.asked ? { asked: [...r.asked].sort() } : {}),
      })),
    ...(round.targets ? { targets: round.targets } : {}),
  };
  if (baseline && baseline.frameworkVersion === round.frameworkVersion) {
    const scores = Object.fromEntries(
      baseline.result.dimensions.flatMap((d) => (d.score === null ? [] : [[d.id, d.score]])),
    );
    if (Object.keys(scores).length) input.baseline = scores;
  }
  return input;
}
