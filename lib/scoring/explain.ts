import { type Framework, findFramework } from "../framework";
import { round1, round2 } from "./numbers";
import type { DiagnosticStatus, ScoreResult, StageCap } from "./types";

export type DimensionContribution = {
  dimension: string;
  name: string;
  score: number;
  weight: number;
  /** weight / sum of the weights of the scored dimensions */
  share: number;
  /** share x score: what this dimension adds to the overall score */
  points: number;
  /** share x (100 - score): what it costs the overall score */
  pointsLost: number;
};

export type QuestionContribution = {
  question: string;
  text: string;
  score: number | null;
  medianLevel: number | null;
  weight: number;
  share: number;
  points: number;
  pointsLost: number;
  dontKnow: number;
  notApplicable: number;
  unanswered: number;
};

export type DimensionExplanation = {
  id: string;
  name: string;
  score: number | null;
  summary: string;
  /** The dimension's questions, the ones that cost it most first. */
  contributions: QuestionContribution[];
  pulledDownBy: string[];
};

export type Explanation = {
  frameworkVersion: string;
  /** score and the stage fields are null when the result has no index (too few answers). */
  overall: { score: number | null; summary: string; contributions: DimensionContribution[] };
  stage: {
    stage: number | null;
    name: string | null;
    uncappedStage: number | null;
    uncappedName: string | null;
    summary: string;
    thresholds: { stage: number; name: string; minScore: number }[];
    caps: StageCap[];
  };
  readyToScale: { value: boolean; reason: string };
  confidence: { level: string; reason: string };
  dimensions: DimensionExplanation[];
  diagnostic: { id: string; status: DiagnosticStatus; reason: string }[];
  perceptionGaps: string[];
  recommendations: string[];
  /** Everything above as plain sentences, in reading order. */
  lines: string[];
};

const PULLED_DOWN_BY = 3;

function shareOf<T extends { weight: number }>(items: T[], scoreOf: (item: T) => number | null) {
  const total = items.reduce((sum, item) => (scoreOf(item) === null ? sum : sum + item.weight), 0);
  return (item: T) => (scoreOf(item) === null || total === 0 ? 0 : item.weight / total);
}

function levelWords(level: number | null): string {
  return level === null ? "no answer" : `level ${level}`;
}

/**
 * For every number in a result, what made it: which dimensions carry the overall score, which
 * questions pulled each dimension down, which gates capped the stage, and why confidence is what
 * it is. Reads only the result (and the framework's wording for the question texts).
 */
export function explain(result: ScoreResult, framework?: Framework): Explanation {
  const fw = framework ?? findFramework(result.frameworkVersion);
  const texts = new Map(
    fw?.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q.text])) ?? [],
  );
  // 2027.2 on: sentences name questions by their text and dimensions by their name, never by id.
  const inWords = fw?.rules.reasonsInWords === true;
  const dimensionName = new Map(result.dimensions.map((d) => [d.id, d.name]));
  const stages = (fw?.stages ?? []).map(({ stage, name, minScore }) => ({ stage, name, minScore }));
  const { overall } = result;

  const dimensionShare = shareOf(result.dimensions, (d) => d.score);
  const contributions: DimensionContribution[] = result.dimensions
    .filter((d) => d.score !== null)
    .map((d) => {
      const s = dimensionShare(d);
      const value = d.score ?? 0;
      return {
        dimension: d.id,
        name: d.name,
        score: value,
        weight: d.weight,
        share: round2(s),
        points: round1(s * value),
        pointsLost: round1(s * (100 - value)),
      };
    });
  const weightSum = result.dimensions.reduce(
    (sum, d) => (d.score === null ? sum : sum + d.weight),
    0,
  );
  const overallSummary =
    (overall.score === null
      ? `No overall readiness index: only ${Math.round(overall.coverage * 100)}% of the expected answers were given (the dimension scores would give (`
      : `Overall readiness ${overall.score}${Number.isInteger(overall.score) ? "" : ` (${Math.round(overall.score)} when rounded)`} is the weighted mean of the dimension scores: (`) +
    contributions.map((c) => `${c.score} x ${c.weight}`).join(" + ") +
    `) / ${round2(weightSum)}${overall.score === null ? ")" : ""}.` +
    (contributions.length < result.dimensions.length
      ? ` Dimensions without answers are left out: ${result.dimensions
          .filter((d) => d.score === null)
          .map((d) => d.name)
          .join(", ")}.`
      : "");

  const dimensions: DimensionExplanation[] = result.dimensions.map((d) => {
    const questions = result.questions.filter((q) => q.dimension === d.id);
    const questionShare = shareOf(questions, (q) => q.score);
    const parts: QuestionContribution[] = questions
      .map((q) => {
        const s = questionShare(q);
        return {
          question: q.id,
          text: texts.get(q.id) ?? q.id,
          score: q.score,
          medianLevel: q.medianLevel,
          weight: q.weight,
          share: round2(s),
          points: round1(s * (q.score ?? 0)),
          pointsLost: round1(q.score === null ? 0 : s * (100 - q.score)),
          dontKnow: q.dontKnow,
          notApplicable: q.notApplicable,
          unanswered: q.unanswered,
        };
      })
      .sort((a, b) => b.pointsLost - a.pointsLost);
    const pulledDownBy = parts
      .filter((p) => p.pointsLost > 0)
      .slice(0, PULLED_DOWN_BY)
      .map((p) => p.question);
    const blind = questions.reduce((n, q) => n + q.dontKnow, 0);
    const summary =
      d.score === null
        ? `${d.name}: no score, no question in it was answered.`
        : `${d.name} ${d.score}` +
          (pulledDownBy.length > 0
            ? `: lost most points to ${parts
                .slice(0, pulledDownBy.length)
                .map(
                  (p) =>
                    `${inWords ? `“${p.text}”` : p.question} (${levelWords(p.medianLevel)}, -${p.pointsLost})`,
                )
                .join(", ")}.`
            : ": every answered question is at the top level.") +
          (blind === 1 ? ' 1 "don\'t know" answer, scored 0.' : "") +
          (blind > 1 ? ` ${blind} "don't know" answers, each scored 0.` : "") +
          (d.gapToTarget !== null && d.gapToTarget > 0
            ? ` ${d.gapToTarget} points below the target of ${d.target}.`
            : "") +
          (d.progress !== null
            ? ` Progress from the baseline ${d.baseline}: ${Math.round(d.progress * 100)}%.`
            : "");
    return { id: d.id, name: d.name, score: d.score, summary, contributions: parts, pulledDownBy };
  });

  const indexed = overall.uncappedStage;
  const band = stages.find((s) => s.stage === indexed);
  const next = stages.find((s) => indexed !== null && s.stage === indexed + 1);
  const stageSummary =
    overall.score === null || indexed === null
      ? `No readiness index and no stage: only ${Math.round(overall.coverage * 100)}% of the expected answers were given. Not enough answers yet.`
      : `A score of ${overall.score} falls in stage ${overall.uncappedStage} (${overall.uncappedStageName}` +
        (band ? `, from ${band.minScore}${next ? ` to below ${next.minScore}` : " up"}` : "") +
        ")." +
        (overall.cappedBy.length > 0
          ? inWords
            ? ` The gates cap it at stage ${overall.stage} (${overall.stageName}), for the reasons below.`
            : ` The gates cap it at stage ${overall.stage} (${overall.stageName}): ${overall.cappedBy.map((c) => c.rule).join(", ")}.`
          : " No gate lowers it.");

  const perceptionGaps = result.perceptionGaps.map(
    (g) =>
      `${inWords ? (dimensionName.get(g.dimension) ?? g.dimension) : g.dimension}: ${g.higherRole} respondents rate it ${g.higherScore}, ${g.lowerRole} respondents ${g.lowerScore} (${g.points} points apart` +
      (g.sharedQuestions === undefined
        ? ")."
        : `, on the ${g.sharedQuestions} questions both answered).`),
  );
  const recommendations = result.recommendations.map(
    (r) =>
      `${r.priority}. [${r.step}. ${r.stepName}] ${r.title} (owner: ${r.ownerTitle}, effort ${r.effort}): ${r.trigger}; gap to target x weight = ${r.impact}.`,
  );
  const diagnostic = result.diagnostic.map(({ id, status, reason }) => ({ id, status, reason }));
  const partName = new Map(result.diagnostic.map((p) => [p.id, p.name]));

  const lines = [
    overallSummary,
    stageSummary,
    ...overall.cappedBy.map((c) => c.reason),
    result.readyToScaleReason,
    `Confidence ${overall.confidence}. ${overall.confidenceReason}`,
    ...diagnostic.map(
      (p) => `Diagnostic ${inWords ? `(${partName.get(p.id) ?? p.id})` : p.id}: ${p.reason}`,
    ),
    ...dimensions.map((d) => d.summary),
    ...perceptionGaps.map((g) => `Perception gap in ${g}`),
    ...(result.visibilityGaps ?? []).map((g) => `Visibility gap: ${g.finding}`),
    ...recommendations,
  ];

  return {
    frameworkVersion: result.frameworkVersion,
    overall: { score: overall.score, summary: overallSummary, contributions },
    stage: {
      stage: overall.stage,
      name: overall.stageName,
      uncappedStage: overall.uncappedStage,
      uncappedName: overall.uncappedStageName,
      summary: stageSummary,
      thresholds: stages,
      caps: overall.cappedBy,
    },
    readyToScale: { value: result.readyToScale, reason: result.readyToScaleReason },
    confidence: { level: overall.confidence, reason: overall.confidenceReason },
    dimensions,
    diagnostic,
    perceptionGaps,
    recommendations,
    lines,
  };
}
