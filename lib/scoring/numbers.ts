// Rounding is part of the result's contract: the same input must give byte-identical JSON, and a
// consultant must be able to recompute each figure from the rounded figures shown beside it.

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor + Math.sign(value) * 1e-9) / factor;
  return rounded === 0 ? 0 : rounded;
}

export const round1 = (value: number): number => round(value, 1);
export const round2 = (value: number): number => round(value, 2);

/**
 * Answers only ever take five values, so one question's answers are held as counts per level
 * (`counts[offset + level]`, "dont_know" counted at level 0) rather than sorted lists: the median
 * and the spread come straight from the counts, in one pass, whatever the number of respondents.
 */
export function medianLevelFromCounts(counts: ArrayLike<number>, offset = 0): number | null {
  let n = 0;
  for (let k = 0; k < 5; k += 1) n += counts[offset + k] as number;
  if (n === 0) return null;
  // 0-based positions of the middle value(s) in the sorted answers.
  const lowerAt = (n - 1) >> 1;
  const upperAt = n >> 1;
  let lower = -1;
  let upper = -1;
  let seen = 0;
  for (let k = 0; k < 5 && upper < 0; k += 1) {
    seen += counts[offset + k] as number;
    if (lower < 0 && seen > lowerAt) lower = k;
    if (seen > upperAt) upper = k;
  }
  return (lower + upper) / 2;
}

/**
 * 1 when everyone gave the same answer, 0 when answers split evenly between the two extremes:
 * 1 - 2 x the mean distance from the median on the 0..1 scale (that distance is at most 0.5).
 * Null with fewer than two answers: one person cannot disagree.
 */
export function agreementFromCounts(
  counts: ArrayLike<number>,
  medianLevel: number | null,
  offset = 0,
): number | null {
  if (medianLevel === null) return null;
  let n = 0;
  let distance = 0;
  for (let k = 0; k < 5; k += 1) {
    const c = counts[offset + k] as number;
    n += c;
    distance += (c * Math.abs(k - medianLevel)) / 4;
  }
  if (n < 2) return null;
  return Math.max(0, Math.min(1, 1 - (2 * distance) / n));
}

export type Weighted = { value: number | null; weight: number };

/** Weighted mean over the items that have a value; null when none has. */
export function weightedMean(items: readonly Weighted[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (value === null) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
