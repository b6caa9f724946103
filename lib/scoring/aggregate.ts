import { type Framework, type Question, RESPONDENT_ROLES, type RespondentRole } from "../framework";
import {
  agreementFromCounts,
  medianLevelFromCounts,
  round1,
  round2,
  share,
  weightedMean,
} from "./numbers";
import { type AnswerMatrix, DONT_KNOW, NOT_APPLICABLE, NOT_ASKED, UNANSWERED } from "./answers";
import type { ByRole, DimensionResult, QuestionResult, ScoreResponse } from "./types";

/** Counts behind one question's or one dimension's figures, kept for coverage and blind spots. */
export type Tally = { answered: number; expected: number; levels: number; dontKnow: number };

/** Level answers per level 0..4 ("don't know" not included), for the split-room rule. */
export type QuestionAggregate = {
  question: Question;
  result: QuestionResult;
  tally: Tally;
  levelCounts: readonly number[];
  /**
   * 2027.2 on: "don't know" answers of roles that cannot observe the practice, left out of the
   * figures because its observers rated it: a visibility gap, per role.
   */
  notVisible: ByRole;
};

export type DimensionAggregate = {
  result: Omit<
    DimensionResult,
    "target" | "targetSource" | "gapToTarget" | "baseline" | "progress"
  >;
  tally: Tally;
  questions: QuestionAggregate[];
};

const ROLE_COUNT = RESPONDENT_ROLES.length;
/**
 * One question across all respondents. A level scores level/4 and "dont_know" scores 0; both are
 * answers with a value. "not_applicable" has no value. A question the respondent's role is asked
 * but left unanswered has no value either, but counts against coverage.
 */
function aggregateQuestion(
  question: Question,
  column: number,
  m: AnswerMatrix,
  present: readonly RespondentRole[],
  visibilityGaps: boolean,
): QuestionAggregate {
  const tally: Tally = { answered: 0, expected: 0, levels: 0, dontKnow: 0 };
  // Roles whose "don't know" is a visibility gap: not observers, where an observer gave a level.
  const observers = visibilityGaps ? question.observers : undefined;
  const cannotSee = RESPONDENT_ROLES.map(() => false);
  if (observers) {
    let observed = false;
    for (let r = 0; r < m.respondents && !observed; r += 1) {
      const code = m.codes[r * m.questions + column] as number;
      const role = RESPONDENT_ROLES[m.roles[r] as number];
      observed = role !== undefined && observers.includes(role) && code >= 0 && code <= 4;
    }
    if (observed) RESPONDENT_ROLES.forEach((role, i) => (cannotSee[i] = !observers.includes(role)));
  }
  const notVisible: ByRole = {};
  let notApplicable = 0;
  let unanswered = 0;
  // counts[role * 5 + level]; "dont_know" is counted at level 0 because it scores 0.
  const counts = new Int32Array(ROLE_COUNT * 5);
  const asked = RESPONDENT_ROLES.map((role) => question.audience.includes(role));
  for (let r = 0; r < m.respondents; r += 1) {
    const code = m.codes[r * m.questions + column] as number;
    const role = m.roles[r] as number;
    if (code === NOT_ASKED) continue;
    if (code === UNANSWERED) {
      if (asked[role]) {
        tally.expected += 1;
        unanswered += 1;
      }
      continue;
    }
    // An answer to a question the role is not asked still counts: it is expected once given.
    tally.expected += 1;
    tally.answered += 1;
    if (code === DONT_KNOW && cannotSee[role]) {
      // Answered (coverage), but no value: those who can see the practice rated it.
      const name = RESPONDENT_ROLES[role] as RespondentRole;
      notVisible[name] = (notVisible[name] ?? 0) + 1;
      continue;
    }
    if (code === NOT_APPLICABLE) notApplicable += 1;
    else if (code === DONT_KNOW) {
      tally.dontKnow += 1;
      counts[role * 5] = (counts[role * 5] as number) + 1;
    } else {
      tally.levels += 1;
      counts[role * 5 + code] = (counts[role * 5 + code] as number) + 1;
    }
  }

  const levelCounts = [0, 0, 0, 0, 0];
  for (let role = 0; role < ROLE_COUNT; role += 1)
    for (let k = 0; k < 5; k += 1)
      levelCounts[k] = (levelCounts[k] as number) + (counts[role * 5 + k] as number);
  levelCounts[0] = (levelCounts[0] as number) - tally.dontKnow;
  const all = new Int32Array(5);
  for (let role = 0; role < ROLE_COUNT; role += 1)
    for (let k = 0; k < 5; k += 1) all[k] = (all[k] as number) + (counts[role * 5 + k] as number);
  const medianLevel = medianLevelFromCounts(all);
  const agreement = agreementFromCounts(all, medianLevel);

  const byRole: ByRole = {};
  for (const role of present) {
    const level = medianLevelFromCounts(counts, RESPONDENT_ROLES.indexOf(role) * 5);
    if (level !== null) byRole[role] = round1(level * 25);
  }

  const hidden = Object.values(notVisible).reduce((n, c) => n + c, 0);
  return {
    question,
    tally,
    levelCounts,
    notVisible,
    result: {
      id: question.id,
      dimension: question.id.slice(0, question.id.indexOf(".")),
      weight: question.weight,
      critical: question.critical,
      score: medianLevel === null ? null : round1(medianLevel * 25),
      medianLevel,
      agreement: agreement === null ? null : round2(agreement),
      coverage: round2(share(tally.answered, tally.expected)),
      levels: tally.levels,
      dontKnow: tally.dontKnow,
      notApplicable,
      unanswered,
      byRole,
      ...(observers ? { notVisible: hidden } : {}),
    },
  };
}

function addTally(into: Tally, from: Tally): void {
  into.answered += from.answered;
  into.expected += from.expected;
  into.levels += from.levels;
  into.dontKnow += from.dontKnow;
}

export function aggregate(
  framework: Framework,
  responses: readonly ScoreResponse[],
  matrix: AnswerMatrix,
): DimensionAggregate[] {
  const present = RESPONDENT_ROLES.filter((role) => responses.some((r) => r.role === role));
  const visibilityGaps = framework.rules.visibilityGaps === true;
  let column = 0;
  return framework.dimensions.map((dimension) => {
    const questions = dimension.questions.map((q) =>
      aggregateQuestion(q, column++, matrix, present, visibilityGaps),
    );
    const tally: Tally = { answered: 0, expected: 0, levels: 0, dontKnow: 0 };
    questions.forEach((q) => addTally(tally, q.tally));
    // Dimension figures are computed from the rounded question figures shown beside them.
    const score = weightedMean(
      questions.map((q) => ({ value: q.result.score, weight: q.result.weight })),
    );
    const agreement = weightedMean(
      questions.map((q) => ({ value: q.result.agreement, weight: q.result.weight })),
    );
    const byRole: ByRole = {};
    for (const role of present) {
      const roleScore = weightedMean(
        questions.map((q) => ({ value: q.result.byRole[role] ?? null, weight: q.result.weight })),
      );
      if (roleScore !== null) byRole[role] = round1(roleScore);
    }
    return {
      tally,
      questions,
      result: {
        id: dimension.id,
        name: dimension.name,
        kind: dimension.kind,
        weight: dimension.weight,
        score: score === null ? null : round1(score),
        coverage: round2(share(tally.answered, tally.expected)),
        agreement: agreement === null ? null : round2(agreement),
        blindSpotShare: round2(share(tally.dontKnow, tally.levels + tally.dontKnow)),
        byRole,
      },
    };
  });
}

export function totalTally(dimensions: readonly DimensionAggregate[]): Tally {
  const tally: Tally = { answered: 0, expected: 0, levels: 0, dontKnow: 0 };
  dimensions.forEach((d) => addTally(tally, d.tally));
  return tally;
}
