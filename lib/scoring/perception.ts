import { RESPONDENT_ROLES } from "../framework";
import { round1 } from "./numbers";
import type { DimensionResult, PerceptionGap } from "./types";

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
