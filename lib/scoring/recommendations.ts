import type { Framework, Recommendation } from "../framework";
import type { QuestionAggregate } from "./aggregate";
import type { TrippedGate } from "./gates";
import { RESPONDENT_ROLE_LABELS } from "../framework/roles";
import { percent, round1, share } from "./numbers";
import type { DiagnosticResult, DimensionResult, RecommendationResult } from "./types";

type Candidate = {
  rec: Recommendation;
  /** 2027.2 on: "find_out" when driven by "don't know", with the words that say so. */
  action?: "build" | "find_out";
  index: number;
  dimension: string;
  questionId: string | null;
  impact: number;
  trigger: string;
};

const rolesInWords = (roles: readonly string[]) => {
  const words = roles.map(
    (r) => RESPONDENT_ROLE_LABELS[r as keyof typeof RESPONDENT_ROLE_LABELS]?.toLowerCase() ?? r,
  );
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words.join("");
};

/**
 * 2027.2 on (rule 8): a recommendation that fires because half or more of its question's answers
 * are "don't know" is about not knowing: find out where the practice stands, from the people who
 * can observe it, before building what may exist.
 */
function findOut(rec: Recommendation, q: QuestionAggregate): Recommendation {
  const ask = rolesInWords(q.question.observers ?? q.question.audience);
  const answers = q.result.levels + q.result.dontKnow;
  return {
    ...rec,
    title: `Find out where “${q.question.text}” stands before building anything`,
    why:
      `${q.result.dontKnow} of ${answers} answers are "don't know": the practice may exist without ` +
      `the people asked being able to see it. Ask ${ask} respondents, who can observe it. If it is ` +
      `missing, the step is: ${rec.title.charAt(0).toLowerCase()}${rec.title.slice(1)}.`,
    done: `${ask.charAt(0).toUpperCase()}${ask.slice(1)} respondents have answered “${q.question.text}” in a round, and fewer than half of its answers are "don't know".`,
  };
}

function candidate(
  framework: Framework,
  rec: Recommendation,
  index: number,
  dimensions: ReadonlyMap<string, DimensionResult>,
  questions: ReadonlyMap<string, QuestionAggregate>,
): Candidate | null {
  const findOutRule = framework.rules.visibilityGaps === true;
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
    const unknown =
      findOutRule &&
      share(q.result.dontKnow, q.result.levels + q.result.dontKnow) >=
        framework.diagnostic.unknownAtDontKnowShare;
    return {
      rec: unknown ? findOut(rec, q) : rec,
      ...(findOutRule ? { action: unknown ? ("find_out" as const) : ("build" as const) } : {}),
      index,
      dimension: d.id,
      questionId: q.question.id,
      impact: round1(gap * d.weight * q.result.weight),
      trigger: framework.rules.reasonsInWords
        ? `“${q.question.text}” is at level ${level}`
        : `${q.question.id} is at level ${level}`,
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
      ...(findOutRule ? { action: "build" as const } : {}),
      index,
      dimension: d.id,
      questionId: null,
      impact: round1(gap * d.weight),
      trigger: `${framework.rules.reasonsInWords ? d.name : d.id} scores ${d.score}`,
    };
  }
  if (d.blindSpotShare < a.minShare) return null;
  return {
    rec,
    ...(findOutRule ? { action: "find_out" as const } : {}),
    index,
    dimension: d.id,
    questionId: null,
    impact: round1(gap * d.weight),
    trigger: `${percent(d.blindSpotShare)} of answers about ${framework.rules.reasonsInWords ? d.name : d.id} are "don't know"`,
  };
}

// Ready to scale starts at this stage: a gate capping below it blocks scaling.
const READY_STAGE = 3;

/** What stands in the way of scaling, for rule 9 ("blockers first", 2027.2 on). */
export type Blockers = {
  /** Gates that tripped, with what tripped them. */
  tripped: readonly TrippedGate[];
  diagnostic: readonly DiagnosticResult[];
};

/**
 * The keys of what a recommendation unblocks: a tripped gate that holds the stage below "Ready to
 * scale" (its id), or a diagnostic part that is not met (`diagnostic.<part>`). `hard` keys tie the
 * recommendation to the very question that tripped; dimension-wide gates (a missing link, redesign,
 * blind spots) tie every recommendation of the dimension, softly.
 */
function unblocking(c: Candidate, blockers: Blockers): { hard: string[]; soft: string[] } {
  const hard: string[] = [];
  const soft: string[] = [];
  for (const part of blockers.diagnostic)
    if (part.status !== "met" && c.questionId && part.questions.some((q) => q.id === c.questionId))
      hard.push(`diagnostic.${part.id}`);
  for (const gate of blockers.tripped) {
    if (gate.capsAt >= READY_STAGE || gate.kind === "diagnostic") continue;
    if (c.questionId && gate.questionIds.includes(c.questionId)) hard.push(gate.rule);
    else if (gate.dimensionIds.includes(c.dimension)) soft.push(gate.rule);
  }
  return { hard, soft };
}

/**
 * Within each dimension the largest gap to target x weight wins, at most a few per dimension;
 * the list is then put in the sequence the article prescribes, biggest impact first in each step.
 * With `rules.blockersFirst` (2027.2 on), a recommendation tied to what blocks scaling (a tripped
 * gate, a diagnostic part not met) and the data audit are kept whatever the limit, and flagged.
 */
export function recommend(
  framework: Framework,
  dimensions: readonly DimensionResult[],
  questions: ReadonlyMap<string, QuestionAggregate>,
  blockers?: Blockers,
): RecommendationResult[] {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  const steps = new Map(framework.sequence.map((s) => [s.id, s]));
  const candidates = framework.recommendations
    .map((rec, index) => candidate(framework, rec, index, byId, questions))
    .filter((c): c is Candidate => c !== null && c.impact > 0);

  const blockersFirst = framework.rules.blockersFirst === true && blockers !== undefined;
  const dataAudit = new Set(
    framework.diagnostic.parts.find((p) => p.id === "data_audit")?.questionIds ?? [],
  );
  const ties = new Map(
    candidates.map((c) => [c, blockersFirst && blockers ? unblocking(c, blockers) : null]),
  );
  const alwaysKept = (c: Candidate) =>
    blockersFirst &&
    ((ties.get(c)?.hard.length ?? 0) > 0 || (c.questionId !== null && dataAudit.has(c.questionId)));

  const perDimension = framework.rules.recommendationsPerDimension;
  const kept: Candidate[] = [];
  for (const d of dimensions) {
    const ranked = candidates
      .filter((c) => c.dimension === d.id)
      .sort((x, y) => y.impact - x.impact || x.index - y.index);
    const must = ranked.filter(alwaysKept);
    const rest = ranked.filter((c) => !alwaysKept(c));
    kept.push(...must, ...rest.slice(0, Math.max(0, perDimension - must.length)));
  }
  const stepOf = (c: Candidate) => steps.get(c.rec.step)?.step ?? Number.MAX_SAFE_INTEGER;
  return kept
    .sort((x, y) => stepOf(x) - stepOf(y) || y.impact - x.impact || x.index - y.index)
    .map((c, i) => {
      const result: RecommendationResult = {
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
      };
      if (c.rec.done !== undefined) result.done = c.rec.done;
      if (c.action !== undefined) result.action = c.action;
      const tie = ties.get(c);
      if (tie) {
        const unblocks = [...new Set([...tie.hard, ...tie.soft])];
        result.blocksScaling = unblocks.length > 0;
        result.unblocks = unblocks;
      }
      return result;
    });
}
