import { RESPONDENT_ROLES } from "../framework";
import { round1, weightedMean } from "./numbers";
import type { DimensionResult, PerceptionGap, QuestionResult } from "./types";

/**
 * Dimensions where two roles see things at least `threshold` points apart, e.g. executives rating
 * monitoring far higher than the people who run it. One entry per dimension, for its widest pair
 * of roles (every role's score stays in the dimension's byRole); largest gap first.
 */
export function findPerceptionGaps(
  dimensions: readonly Pick<DimensionResult, "id" | "byRole">[],
  threshold: number,
): PerceptionGap[] {
  const gaps: { gap: PerceptionGap; order: number }[] = [];
  dimensions.forEach((d, dimensionIndex) => {
    RESPONDENT_ROLES.forEach((a, i) => {
      RESPONDENT_ROLES.slice(i + 1).forEach((b, j) => {
        const sa = d.byRole[a];
        const sb = d.byRole[b];
        if (sa === undefined || sb === undefined) return;
        const points = round1(Math.abs(sa - sb));
        if (points < threshold) return;
        const [higherRole, higherScore, lowerRole, lowerScore] =
          sa >= sb ? [a, sa, b, sb] : [b, sb, a, sa];
        gaps.push({
          gap: { dimension: d.id, higherRole, higherScore, lowerRole, lowerScore, points },
          order: dimensionIndex * 100 + i * 10 + j,
        });
      });
    });
  });
  const widest = new Map<string, { gap: PerceptionGap; order: number }>();
  for (const entry of gaps.sort((x, y) => y.gap.points - x.gap.points || x.order - y.order))
    if (!widest.has(entry.gap.dimension)) widest.set(entry.gap.dimension, entry);
  return [...widest.values()].map(({ gap }) => gap);
}

/**
 * 2027.2 on, like for like: two roles are compared on a dimension only over the questions both
 * answered (each role's median on each), with the count, and only when they share at least
 * `minShared` questions. Executives and technical respondents are asked different questions, so
 * their whole-dimension scores can differ by 50 points while they agree on everything they share.
 */
export function findLikeForLikeGaps(
  dimensions: readonly Pick<DimensionResult, "id">[],
  questions: readonly Pick<QuestionResult, "dimension" | "weight" | "byRole">[],
  threshold: number,
  minShared: number,
): PerceptionGap[] {
  const gaps: { gap: PerceptionGap; order: number }[] = [];
  dimensions.forEach((d, dimensionIndex) => {
    const own = questions.filter((q) => q.dimension === d.id);
    RESPONDENT_ROLES.forEach((a, i) => {
      RESPONDENT_ROLES.slice(i + 1).forEach((b, j) => {
        const shared = own.flatMap((q) => {
          const sa = q.byRole[a];
          const sb = q.byRole[b];
          return sa === undefined || sb === undefined ? [] : [{ sa, sb, weight: q.weight }];
        });
        if (shared.length < minShared) return;
        const sa = round1(
          weightedMean(shared.map((s) => ({ value: s.sa, weight: s.weight }))) ?? 0,
        );
        const sb = round1(
          weightedMean(shared.map((s) => ({ value: s.sb, weight: s.weight }))) ?? 0,
        );
        const points = round1(Math.abs(sa - sb));
        if (points < threshold) return;
        const [higherRole, higherScore, lowerRole, lowerScore] =
          sa >= sb ? [a, sa, b, sb] : [b, sb, a, sa];
        gaps.push({
          gap: {
            dimension: d.id,
            higherRole,
            higherScore,
            lowerRole,
            lowerScore,
            points,
            sharedQuestions: shared.length,
          },
          order: dimensionIndex * 100 + i * 10 + j,
        });
      });
    });
  });
  const widest = new Map<string, { gap: PerceptionGap; order: number }>();
  for (const entry of gaps.sort((x, y) => y.gap.points - x.gap.points || x.order - y.order))
    if (!widest.has(entry.gap.dimension)) widest.set(entry.gap.dimension, entry);
  return [...widest.values()].map(({ gap }) => gap);
}
