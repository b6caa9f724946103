import { compareFrameworkVersions, mapQuestionId, questionChangedIn } from "../framework";
import { round1 } from "./numbers";
import type { DiagnosticStatus, QuestionResult, ScoreResult } from "./types";

export type QuestionDriver = {
  question: string;
  before: number;
  after: number;
  delta: number;
  /** delta x the question's share of its dimension's weight: roughly its part of the dimension's change */
  effect: number;
};

export type DimensionChange = {
  id: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  /** Questions that moved, the biggest effect first. */
  drivers: QuestionDriver[];
  /** Questions that could not be compared: added, retired, or unanswered in one of the results. */
  notCompared: { question: string; reason: string }[];
};

type RoundSummary = {
  frameworkVersion: string;
  score: number | null;
  stage: number | null;
  readyToScale: boolean;
};

export type Comparison = {
  before: RoundSummary;
  after: RoundSummary;
  /** null where either result has no index (too few answers, 2027.2 on). */
  overall: { delta: number | null; stageDelta: number | null };
  dimensions: DimensionChange[];
  diagnostic: { id: string; before: DiagnosticStatus | null; after: DiagnosticStatus | null }[];
  /** How the older result's question ids were read in the newer version's terms. */
  questionMapping: {
    fromVersion: string;
    toVersion: string;
    renamed: { from: string; to: string }[];
    retired: string[];
    added: string[];
    /**
     * Questions whose meaning changed on the way (text or level anchors), in the newer version's
     * ids: not compared, since the two rounds answered different questions. Absent when none.
     */
    changed?: { from: string; to: string; in: string }[];
  };
};

const MAX_DRIVERS = 5;

function difference(
  before: number | null,
  after: number | null,
  rounding: (n: number) => number,
): number | null {
  return before === null || after === null ? null : rounding(after - before);
}

/**
 * Translates the older result's questions into the newer version's ids, using the mappings each
 * newer version keeps. Same version: nothing to translate.
 */
function translate(older: ScoreResult, newerVersion: string) {
  const renamed: { from: string; to: string }[] = [];
  const retired: string[] = [];
  const changed: { from: string; to: string; in: string }[] = [];
  const questions = new Map<string, QuestionResult>();
  for (const q of older.questions) {
    const same = older.frameworkVersion === newerVersion;
    const id = same ? q.id : mapQuestionId(q.id, older.frameworkVersion, newerVersion);
    const changedIn = same ? null : questionChangedIn(q.id, older.frameworkVersion, newerVersion);
    if (id === null) retired.push(q.id);
    else if (changedIn !== null) changed.push({ from: q.id, to: id, in: changedIn });
    else {
      if (id !== q.id) renamed.push({ from: q.id, to: id });
      questions.set(id, { ...q, id });
    }
  }
  return { questions, renamed, retired, changed };
}

/**
 * What changed from `before` to `after` (deltas are after - before), per dimension with the
 * questions that drove each change. Works across framework versions; ids are always reported in
 * the newer version's terms.
 */
export function compare(before: ScoreResult, after: ScoreResult): Comparison {
  const order = compareFrameworkVersions(before.frameworkVersion, after.frameworkVersion);
  const [older, newer] = order <= 0 ? [before, after] : [after, before];
  const mapped = translate(older, newer.frameworkVersion);
  const newerQuestions = new Map(newer.questions.map((q) => [q.id, q]));
  const beforeQ = older === before ? mapped.questions : newerQuestions;
  const afterQ = older === before ? newerQuestions : mapped.questions;
  const changedTo = new Map(mapped.changed.map((c) => [c.to, c]));
  const added = newer.questions
    .filter((q) => !mapped.questions.has(q.id) && !changedTo.has(q.id))
    .map((q) => q.id);

  const dimensionIds = [
    ...new Set([...after.dimensions.map((d) => d.id), ...before.dimensions.map((d) => d.id)]),
  ];
  const dimensions: DimensionChange[] = dimensionIds.map((id) => {
    const b = before.dimensions.find((d) => d.id === id)?.score ?? null;
    const a = after.dimensions.find((d) => d.id === id)?.score ?? null;
    const ids = [
      ...new Set(
        [...afterQ.values(), ...beforeQ.values()]
          .filter((q) => q.dimension === id)
          .map((q) => q.id),
      ),
    ];
    const weightTotal = ids.reduce((sum, qid) => {
      const q = afterQ.get(qid) ?? beforeQ.get(qid);
      return sum + (q?.weight ?? 0);
    }, 0);
    const drivers: QuestionDriver[] = [];
    const notCompared: { question: string; reason: string }[] = older.questions
      .filter((q) => q.dimension === id && mapped.retired.includes(q.id))
      .map((q) => ({ question: q.id, reason: `retired in framework ${newer.frameworkVersion}` }));
    ids.forEach((qid) => {
      const qb = beforeQ.get(qid);
      const qa = afterQ.get(qid);
      const change = changedTo.get(qid);
      if (change) {
        notCompared.push({
          question: qid,
          reason: `its meaning changed in framework ${change.in}: not like for like`,
        });
        return;
      }
      if (!qb || !qa) {
        notCompared.push({
          question: qid,
          reason: qb
            ? `not in framework ${after.frameworkVersion}`
            : `not in framework ${before.frameworkVersion}`,
        });
        return;
      }
      if (qb.score === null || qa.score === null) {
        notCompared.push({ question: qid, reason: "unanswered in one of the results" });
        return;
      }
      const delta = round1(qa.score - qb.score);
      if (delta === 0) return;
      const weight = qa.weight;
      drivers.push({
        question: qid,
        before: qb.score,
        after: qa.score,
        delta,
        effect: round1((delta * weight) / (weightTotal || 1)),
      });
    });
    drivers.sort(
      (x, y) => Math.abs(y.effect) - Math.abs(x.effect) || (x.question < y.question ? -1 : 1),
    );
    return {
      id,
      before: b,
      after: a,
      delta: a === null || b === null ? null : round1(a - b),
      drivers: drivers.slice(0, MAX_DRIVERS),
      notCompared: notCompared.sort((x, y) => (x.question < y.question ? -1 : 1)),
    };
  });

  const partIds = [...new Set([...before.diagnostic, ...after.diagnostic].map((p) => p.id))];
  const summary = (r: ScoreResult) => ({
    frameworkVersion: r.frameworkVersion,
    score: r.overall.score,
    stage: r.overall.stage,
    readyToScale: r.readyToScale,
  });
  return {
    before: summary(before),
    after: summary(after),
    overall: {
      delta: difference(before.overall.score, after.overall.score, round1),
      stageDelta: difference(before.overall.stage, after.overall.stage, (n) => n),
    },
    dimensions,
    diagnostic: partIds.map((id) => ({
      id,
      before: before.diagnostic.find((p) => p.id === id)?.status ?? null,
      after: after.diagnostic.find((p) => p.id === id)?.status ?? null,
    })),
    questionMapping: {
      fromVersion: older.frameworkVersion,
      toVersion: newer.frameworkVersion,
      renamed: mapped.renamed,
      retired: mapped.retired,
      added: older.frameworkVersion === newer.frameworkVersion ? [] : added,
      ...(mapped.changed.length > 0 ? { changed: mapped.changed } : {}),
    },
  };
}
