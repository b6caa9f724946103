import type { ScoreResult } from "./types";

/**
 * The verdict and everything that stands behind it, gathered for a reader who wants it in one
 * place (`gapmap score` prints it as `verdict`): what holds the stage down, the questions the room
 * splits on, what perception gaps compare, what some roles cannot see, and the steps that block
 * scaling. Read from the result only; fields a version does not have are empty.
 */
export type Verdict = {
  readyToScale: boolean;
  reason: string;
  /** Each gate that lowered the stage, and each diagnostic part that is not met, in words. */
  reasons: string[];
  disputedQuestions: string[];
  perceptionGaps: {
    dimension: string;
    higherRole: string;
    lowerRole: string;
    points: number;
    sharedQuestions: number | null;
  }[];
  visibilityGaps: string[];
  blocksScaling: { id: string; title: string; unblocks: string[] }[];
};

export function verdictOf(result: ScoreResult): Verdict {
  return {
    readyToScale: result.readyToScale,
    reason: result.readyToScaleReason,
    reasons: [
      ...result.overall.cappedBy.map((c) => c.reason),
      ...result.diagnostic.filter((p) => p.status !== "met").map((p) => `${p.name}: ${p.reason}`),
    ],
    disputedQuestions: result.questions.filter((q) => q.disputed).map((q) => q.id),
    perceptionGaps: result.perceptionGaps.map((g) => ({
      dimension: g.dimension,
      higherRole: g.higherRole,
      lowerRole: g.lowerRole,
      points: g.points,
      sharedQuestions: g.sharedQuestions ?? null,
    })),
    visibilityGaps: (result.visibilityGaps ?? []).map((g) => g.finding),
    blocksScaling: result.recommendations
      .filter((r) => r.blocksScaling)
      .map((r) => ({ id: r.id, title: r.title, unblocks: r.unblocks ?? [] })),
  };
}
