import type { Framework, Recommendation } from "../framework";
import type { QuestionAggregate } from "./aggregate";
import { percent, round1 } from "./numbers";
import type { DimensionResult, RecommendationResult } from "./types";

type Candidate = {
  rec: Recommendation;
  index: number;
  dimension: string;
  questionId: string | null;
  impact: number;
  trigger: string;
};

function candidate(
  rec: Recommendation,
  index: number,
  dimensions: ReadonlyMap<string, DimensionResult>,
  questions: ReadonlyMap<string, QuestionAggregate>,
): Candidate | null {
  const a = rec.appliesTo;
  if (a.kind === "question") {
    const q = questions.get(a.questionId);
    const level = q?.result.medianLevel ?? null;
    const d = q ? dimensions.get(q.result.dimension) : undefined;
    if (!q || !d || level === null || q.result.score === null) return null;
    // A median between two levels counts as the lower one: half-present is not present.
    const floor = Math.floor(level);
    if (floor < a.levels.min || floor > a.levels.max) return null;
    const gap = Math.max(0, d.target - q.result.score);
    return {
      rec,
      index,
      dimension: d.id,
      questionId: q.question.id,
      impact: round1(gap * d.weight * q.result.weight),
      trigger: `${q.question.id} is at level ${level}`,
    };
  }
  const d = dimensions.get(a.dimensionId);
  if (!d) return null;
  const gap = Math.max(0, d.target - (d.score ?? 0));
  if (a.kind === "dimension") {
    if (d.score === null) return null;
    const floor = Math.floor(d.score);
    if (floor < a.score.min || floor > a.score.max) return null;
    return {
      rec,
      index,
      dimension: d.id,
      questionId: null,
      impact: round1(gap * d.weight),
      trigger: `${d.id} scores ${d.score}`,
    };
  }
  if (d.blindSpotShare < a.minShare) return null;
  return {
    rec,
    index,
    dimension: d.id,
    questionId: null,
    impact: round1(gap * d.weight),
    trigger: `${percent(d.blindSpotShare)} of answers about ${d.id} are "don't know"`,
  };
}

/**
 * Within each dimension the largest gap to target x weight wins, at most a few per dimension;
 * the list is then put in the sequence the article prescribes, biggest impact first in each step.
 */
export function recommend(
  framework: Framework,
  dimensions: readonly DimensionResult[],
  questions: ReadonlyMap<string, QuestionAggregate>,
): RecommendationResult[] {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const steps = new Map(framework.sequence.map((s) => [s.id, s]));
  const candidates = framework.recommendations
    .map((rec, index) => candidate(rec, index, byId, questions))
    .filter((c): c is Candidate => c !== null && c.impact > 0);

  const perDimension = framework.rules.recommendationsPerDimension;
  const kept: Candidate[] = [];
  for (const d of dimensions) {
    kept.push(
      ...candidates
        .filter((c) => c.dimension === d.id)
        .sort((x, y) => y.impact - x.impact || x.index - y.index)
        .slice(0, perDimension),
    );
  }
  const stepOf = (c: Candidate) => steps.get(c.rec.step)?.step ?? Number.MAX_SAFE_INTEGER;
  return kept
    .sort((x, y) => stepOf(x) - stepOf(y) || y.impact - x.impact || x.index - y.index)
    .map((c, i) => ({
      id: c.rec.id,
      dimension: c.dimension,
      questionId: c.questionId,
      priority: i + 1,
      step: stepOf(c),
      stepName: steps.get(c.rec.step)?.name ?? c.rec.step,
      title: c.rec.title,
      why: c.rec.why,
      ownerRole: c.rec.ownerRole,
      ownerTitle: c.rec.ownerTitle,
      effort: c.rec.effort,
      impact: c.impact,
      trigger: c.trigger,
    }));
}
