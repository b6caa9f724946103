import {
  type Framework,
  RESPONDENT_ROLES,
  findFramework,
  listFrameworkVersions,
} from "../framework";
import { RESPONDENT_ROLE_LABELS } from "../framework/roles";
import { type QuestionAggregate, aggregate, totalTally } from "./aggregate";
import { assessConfidence } from "./confidence";
import { assessDiagnostic } from "./diagnostic";
import { type TrippedGate, applyGates } from "./gates";
import { readAnswers } from "./answers";
import { ScoreInputError } from "./input";
import { percent, round1, round2, share, weightedMean } from "./numbers";
import { findLikeForLikeGaps, findPerceptionGaps } from "./perception";
import { recommend } from "./recommendations";
import type {
  BlindSpot,
  ByRole,
  DiagnosticResult,
  DimensionResult,
  ScoreInput,
  ScoreResult,
  VisibilityGap,
} from "./types";

export type ScoreOptions = {
  /** Score against this framework instead of the registered one (tests, benchmarks). */
  framework?: Framework;
};

function stageFor(framework: Framework, score: number): number {
  let stage = 1;
  for (const s of framework.stages) if (score >= s.minScore) stage = s.stage;
  return stage;
}

function stageName(framework: Framework, stage: number): string {
  return framework.stages.find((s) => s.stage === stage)?.name ?? String(stage);
}

/**
 * 2027.2 on: a critical or diagnostic question where the room splits (agreement low, with answers
 * both at the bottom and at the top of the scale) is disputed. Its median would invent a middle
 * nobody answered ("partial"); the question is flagged instead, for the diagnostic and confidence.
 */
function markDisputed(framework: Framework, questions: ReadonlyMap<string, QuestionAggregate>) {
  const rule = framework.rules.disputed;
  if (!rule) return;
  const diagnostic = new Set(framework.diagnostic.parts.flatMap((p) => p.questionIds));
  for (const q of questions.values()) {
    if (!q.question.critical && !diagnostic.has(q.question.id)) continue;
    const low = q.levelCounts.slice(0, rule.lowAtOrBelow + 1).reduce((n, c) => n + c, 0);
    const high = q.levelCounts.slice(rule.highAtOrAbove).reduce((n, c) => n + c, 0);
    const agreement = q.result.agreement;
    q.result.disputed =
      agreement !== null && agreement < rule.belowAgreement && low > 0 && high > 0;
  }
}

/** The questions a verdict turns on: critical, diagnostic, or named by a gate. */
function gatingQuestionIds(framework: Framework): Set<string> {
  return new Set([
    ...framework.dimensions.flatMap((d) => d.questions.filter((q) => q.critical).map((q) => q.id)),
    ...framework.diagnostic.parts.flatMap((p) => p.questionIds),
    ...framework.gates.flatMap((g) => (g.kind === "question_below" ? [g.questionId] : [])),
  ]);
}

/**
 * 2027.2 on: confidence looks at the questions that decide. A disputed question, or a gating
 * question whose agreement is under `minGatingAgreement`, holds confidence below high, named.
 */
function heldBelowHigh(
  framework: Framework,
  questions: ReadonlyMap<string, QuestionAggregate>,
): string[] {
  const minGating = framework.rules.confidence.high.minGatingAgreement;
  const gating = minGating === undefined ? new Set<string>() : gatingQuestionIds(framework);
  const held: string[] = [];
  for (const q of questions.values()) {
    const { agreement } = q.result;
    if (q.result.disputed)
      held.push(`the room splits on “${q.question.text}” (agreement ${agreement}): it is disputed`);
    else if (
      minGating !== undefined &&
      gating.has(q.question.id) &&
      agreement !== null &&
      agreement < minGating
    )
      held.push(
        `respondents disagree on “${q.question.text}”, which decides the verdict (agreement ${agreement}, high needs ${minGating})`,
      );
  }
  return held;
}

// Ready to scale starts at this stage (its name in the framework is "Ready to scale").
const READY_STAGE = 3;

/**
 * 2027.2 on: the reason names everything that stands in the way, not only the first thing: every
 * gate that holds the stage below "Ready to scale", and the diagnostic parts that are not met.
 */
function readyToScaleInWords(
  framework: Framework,
  facts: {
    readyToScale: boolean;
    stage: number;
    openParts: readonly DiagnosticResult[];
    tripped: readonly TrippedGate[];
  },
): string {
  const { readyToScale, stage, openParts, tripped } = facts;
  const stageText = `stage ${stage} (${stageName(framework, stage)})`;
  if (readyToScale)
    return `Ready to scale: the three-part diagnostic is met, no gate holds it below stage ${READY_STAGE}, and it is at ${stageText}.`;
  const blockers = tripped
    .filter((t) => t.capsAt < READY_STAGE)
    .map((t) => `${t.detail} (caps the stage at ${t.capsAt})`);
  if (openParts.length > 0 && !tripped.some((t) => t.kind === "diagnostic"))
    blockers.unshift(
      `the three-part diagnostic is not met (${openParts.map((p) => `${p.name.toLowerCase()}: ${p.status}`).join("; ")})`,
    );
  if (blockers.length === 0)
    blockers.push(
      `the index puts it at ${stageText}; ready to scale starts at stage ${READY_STAGE}`,
    );
  return `Not ready to scale: ${blockers.join("; ")}.`;
}

/** "executive and business": roles in words, for findings read aloud. */
function listInWords(words: readonly string[]): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`
    : (words[0] ?? "");
}

/**
 * 2027.2 on: where a practice's observers rated it, other roles' "don't know" says those people
 * cannot see it: a finding for leadership, not the practice's absence (rule 8).
 */
function findVisibilityGaps(
  questions: ReadonlyMap<string, QuestionAggregate>,
  dimensions: readonly DimensionResult[],
): VisibilityGap[] {
  const gaps: VisibilityGap[] = [];
  for (const q of questions.values()) {
    const roles = RESPONDENT_ROLES.filter((r) => (q.notVisible[r] ?? 0) > 0);
    const observers = q.question.observers;
    if (roles.length === 0 || !observers) continue;
    const count = roles.reduce((n, r) => n + (q.notVisible[r] ?? 0), 0);
    const level = q.result.medianLevel;
    // Name the observers who were there and rated it, not every role that could have.
    const rated = observers.filter((r) => q.result.byRole[r] !== undefined);
    const dimension =
      dimensions.find((d) => d.id === q.result.dimension)?.name ?? q.result.dimension;
    gaps.push({
      question: q.question.id,
      text: q.question.text,
      dimension,
      dontKnowBy: Object.fromEntries(roles.map((r) => [r, q.notVisible[r] ?? 0])),
      observers: [...observers],
      medianLevel: level,
      finding:
        `${listInWords(roles.map((r) => `${q.notVisible[r] ?? 0} ${RESPONDENT_ROLE_LABELS[r].toLowerCase()}`))} ` +
        `respondent${count === 1 ? "" : "s"} answered "don't know" to “${q.question.text}”, which ` +
        `${listInWords((rated.length > 0 ? rated : observers).map((r) => RESPONDENT_ROLE_LABELS[r].toLowerCase()))} respondents, who can observe it, ` +
        `put at level ${level}: a visibility gap for leadership to close, not a missing practice. ` +
        "The score uses the answers of those who can see it.",
    });
  }
  return gaps;
}

/** (current - baseline) / (target - baseline); null when there is no way to measure progress. */
export function progressOf(
  score: number | null,
  baseline: number | null,
  target: number,
): number | null {
  if (score === null || baseline === null || target <= baseline) return null;
  return round2((score - baseline) / (target - baseline));
}

/**
 * Scores one assessment: answers in, an explained readiness result out. Pure: the same input
 * gives byte-identical JSON, whatever the order of respondents or answer keys.
 * Throws ScoreInputError (naming the bad field) when the input does not fit its framework.
 */
export function score(input: ScoreInput, options: ScoreOptions = {}): ScoreResult {
  const framework = options.framework ?? findFramework(input.frameworkVersion);
  if (!framework)
    throw new ScoreInputError({
      path: ["frameworkVersion"],
      message: `unknown framework version "${input.frameworkVersion}" (available: ${listFrameworkVersions().join(", ")})`,
    });
  if (framework.version !== input.frameworkVersion)
    throw new ScoreInputError({
      path: ["frameworkVersion"],
      message: `"${input.frameworkVersion}" does not match the framework given (${framework.version})`,
    });
  const { matrix, problems } = readAnswers(input, framework);
  const [problem] = problems;
  if (problem) throw new ScoreInputError(problem);

  // Answers are aggregated as counts, so the order of respondents cannot change any figure.
  const responses = input.responses;
  const aggregates = aggregate(framework, responses, matrix);
  const questions = new Map<string, QuestionAggregate>(
    aggregates.flatMap((d) => d.questions.map((q) => [q.question.id, q] as const)),
  );

  markDisputed(framework, questions);

  const dimensions: DimensionResult[] = aggregates.map(({ result }) => {
    const explicit = input.targets?.[result.id];
    const target = explicit ?? framework.rules.defaultTarget;
    const baseline = input.baseline?.[result.id] ?? null;
    return {
      ...result,
      target,
      targetSource: explicit === undefined ? "default" : "input",
      gapToTarget: result.score === null ? null : round1(Math.max(0, target - result.score)),
      baseline,
      progress: progressOf(result.score, baseline, target),
    };
  });

  const overallScore = round1(
    weightedMean(dimensions.map((d) => ({ value: d.score, weight: d.weight }))) ?? 0,
  );
  const overallAgreement = weightedMean(
    dimensions.map((d) => ({ value: d.agreement, weight: d.weight })),
  );
  const tally = totalTally(aggregates);
  const coverage = round2(share(tally.answered, tally.expected));
  const blindSpotShare = round2(share(tally.dontKnow, tally.levels + tally.dontKnow));
  const agreement = overallAgreement === null ? null : round2(overallAgreement);

  // 2027.2 on: no index without evidence. Dimensions, questions and the diagnostic are still
  // shown (they say what was answered); the index, the stage and the verdict need enough answers.
  const minCoverage = framework.rules.minCoverageForIndex;
  const evidenceShort = minCoverage !== undefined && coverage < minCoverage;

  const diagnostic = assessDiagnostic(framework, questions);
  const indexedStage = stageFor(framework, overallScore);
  const gates = applyGates(framework, indexedStage, {
    dimensions: aggregates,
    questions,
    diagnostic,
  });
  const confidence = assessConfidence(framework.rules.confidence, {
    respondents: responses.length,
    coverage,
    blindSpotShare,
    agreement,
    heldBelowHigh: heldBelowHigh(framework, questions),
  });

  const { tripped } = gates;
  const stage = evidenceShort ? null : gates.stage;
  const uncappedStage = evidenceShort ? null : indexedStage;
  const openParts = diagnostic.filter((p) => p.status !== "met");
  const readyToScale = stage !== null && openParts.length === 0 && stage >= READY_STAGE;
  const readyToScaleReason = evidenceShort
    ? `Not ready to scale: only ${percent(coverage)} of the expected answers were given, and a readiness index and a stage need at least ${percent(minCoverage)}. Not enough answers yet.`
    : stage === null
      ? "Not ready to scale: no stage."
      : framework.rules.reasonsInWords
        ? readyToScaleInWords(framework, { readyToScale, stage, openParts, tripped })
        : openParts.length > 0
          ? `Not ready to scale: the three-part diagnostic is not met (${openParts.map((p) => `${p.name.toLowerCase()}: ${p.status}`).join("; ")}).`
          : stage < 3
            ? `Not ready to scale: the stage is ${stage} (${stageName(framework, stage)}); ready to scale starts at stage 3.`
            : `Ready to scale: the three-part diagnostic is met and the stage is ${stage} (${stageName(framework, stage)}).`;

  const respondentsByRole: ByRole = {};
  for (const role of RESPONDENT_ROLES) {
    const n = responses.filter((r) => r.role === role).length;
    if (n > 0) respondentsByRole[role] = n;
  }

  const blindSpots: BlindSpot[] = [...questions.values()]
    .map((q, index) => ({ q, index }))
    .filter(({ q }) => q.result.dontKnow > 0)
    .map(({ q, index }) => {
      const answers = q.result.levels + q.result.dontKnow;
      return {
        index,
        spot: {
          question: q.question.id,
          ...(framework.rules.reasonsInWords ? { text: q.question.text } : {}),
          dontKnow: q.result.dontKnow,
          answers,
          share: round2(share(q.result.dontKnow, answers)),
        },
      };
    })
    .sort(
      (a, b) =>
        b.spot.share - a.spot.share || b.spot.dontKnow - a.spot.dontKnow || a.index - b.index,
    )
    .map(({ spot }) => spot);

  return {
    frameworkVersion: framework.version,
    overall: {
      score: evidenceShort ? null : overallScore,
      stage,
      stageName: stage === null ? null : stageName(framework, stage),
      uncappedStage,
      uncappedStageName: uncappedStage === null ? null : stageName(framework, uncappedStage),
      cappedBy: evidenceShort ? [] : gates.cappedBy,
      confidence: confidence.level,
      confidenceReason: confidence.reason,
      coverage,
      blindSpotShare,
      agreement,
      respondents: responses.length,
      respondentsByRole,
    },
    readyToScale,
    readyToScaleReason,
    dimensions,
    diagnostic,
    perceptionGaps:
      framework.rules.perceptionMinSharedQuestions === undefined
        ? findPerceptionGaps(dimensions, framework.rules.perceptionGapPoints)
        : findLikeForLikeGaps(
            dimensions,
            [...questions.values()].map((q) => q.result),
            framework.rules.perceptionGapPoints,
            framework.rules.perceptionMinSharedQuestions,
          ),
    recommendations: recommend(framework, dimensions, questions, { tripped, diagnostic }),
    blindSpots,
    ...(framework.rules.visibilityGaps
      ? { visibilityGaps: findVisibilityGaps(questions, dimensions) }
      : {}),
    questions: [...questions.values()].map((q) => q.result),
  };
}
