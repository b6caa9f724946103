import type { Framework, Gate } from "../framework";
import type { DimensionAggregate, QuestionAggregate } from "./aggregate";
import { percent } from "./numbers";
import type { DiagnosticResult, StageCap } from "./types";

type GateContext = {
  dimensions: readonly DimensionAggregate[];
  questions: ReadonlyMap<string, QuestionAggregate>;
  diagnostic: readonly DiagnosticResult[];
};

/** Nobody answered it at all: no level, no "don't know", no N/A. */
function unansweredBy(q: QuestionAggregate): boolean {
  return q.result.levels + q.result.dontKnow + q.result.notApplicable === 0;
}

/** How a reason names a question or a dimension: by id (up to 2027.1) or in the client's words. */
type Naming = {
  question: (q: QuestionAggregate) => string;
  dimension: (d: DimensionAggregate["result"]) => string;
  dimensionId: (id: string) => string;
  questionId: (id: string) => string;
};

function naming(framework: Framework, ctx: GateContext): Naming {
  if (!framework.rules.reasonsInWords)
    return {
      question: (q) => q.question.id,
      dimension: (d) => d.id,
      dimensionId: (id) => id,
      questionId: (id) => id,
    };
  const dimensionName = (id: string) =>
    ctx.dimensions.find((d) => d.result.id === id)?.result.name ?? id;
  const questionText = (id: string) => {
    const q = ctx.questions.get(id);
    return q ? `“${q.question.text}”` : id;
  };
  return {
    question: (q) => `“${q.question.text}”`,
    dimension: (d) => d.name,
    dimensionId: dimensionName,
    questionId: questionText,
  };
}

/** What tripped a gate: in plain words, and the questions and dimensions that did it. */
type Trip = { detail: string; questionIds: string[]; dimensionIds: string[] };

const tripBy = (detail: string, questionIds: string[], dimensionIds: string[]): Trip => ({
  detail,
  questionIds,
  dimensionIds,
});

/** What tripped the gate; null when the gate does not apply. */
function trip(gate: Gate, ctx: GateContext, name: Naming): Trip | null {
  switch (gate.kind) {
    case "diagnostic": {
      const open = ctx.diagnostic.filter((p) => p.status !== "met");
      if (open.length === 0) return null;
      return tripBy(
        `not met: ${open.map((p) => `${p.name.toLowerCase()} (${p.status})`).join(", ")}`,
        open.flatMap((p) => p.questions.map((q) => q.id)),
        [],
      );
    }
    case "critical_question": {
      const low = [...ctx.questions.values()].filter(
        (q) =>
          q.question.critical &&
          q.result.medianLevel !== null &&
          q.result.medianLevel < gate.belowLevel,
      );
      const unanswered = gate.unansweredTrips
        ? [...ctx.questions.values()].filter((q) => q.question.critical && unansweredBy(q))
        : [];
      if (low.length === 0 && unanswered.length === 0) return null;
      return tripBy(
        [
          ...low.map((q) => `${name.question(q)} is at level ${q.result.medianLevel}`),
          ...unanswered.map((q) => `${name.question(q)} has no answer (unknown)`),
        ].join(", "),
        [...low, ...unanswered].map((q) => q.question.id),
        [],
      );
    }
    case "blind_spot_share": {
      const blind = ctx.dimensions.filter((d) => d.result.blindSpotShare > gate.aboveShare);
      if (blind.length === 0) return null;
      return tripBy(
        blind
          .map(
            (d) =>
              `${percent(d.result.blindSpotShare)} of answers about ${name.dimension(d.result)} are "don't know"`,
          )
          .join(", "),
        [],
        blind.map((d) => d.result.id),
      );
    }
    case "gap_dimension_below": {
      const missing = ctx.dimensions.filter(
        (d) =>
          d.result.kind === "gap" && (d.result.score === null || d.result.score < gate.belowScore),
      );
      if (missing.length === 0) return null;
      return tripBy(
        missing
          .map((d) =>
            d.result.score === null
              ? `${d.result.name} has no answers`
              : `${d.result.name} is at ${d.result.score}, below ${gate.belowScore}`,
          )
          .join(", "),
        [],
        missing.map((d) => d.result.id),
      );
    }
    case "dimension_below": {
      const d = ctx.dimensions.find((x) => x.result.id === gate.dimensionId);
      const s = d?.result.score ?? null;
      if (s === null)
        return tripBy(
          `${name.dimensionId(gate.dimensionId)} has no answers`,
          [],
          [gate.dimensionId],
        );
      return s < gate.belowScore
        ? tripBy(
            `${name.dimensionId(gate.dimensionId)} scores ${s}, below ${gate.belowScore}`,
            [],
            [gate.dimensionId],
          )
        : null;
    }
    case "question_below": {
      const level = ctx.questions.get(gate.questionId)?.result.medianLevel ?? null;
      if (level === null)
        return tripBy(`${name.questionId(gate.questionId)} has no answers`, [gate.questionId], []);
      return level < gate.belowLevel
        ? tripBy(
            `${name.questionId(gate.questionId)} is at level ${level}, below ${gate.belowLevel}`,
            [gate.questionId],
            [],
          )
        : null;
    }
  }
}

/** A tripped gate, with what tripped it in plain words (`detail`) for the ready-to-scale reason. */
export type TrippedGate = StageCap & {
  kind: Gate["kind"];
  detail: string;
  /** The questions and dimensions that tripped it: what a recommendation must move to unblock it. */
  questionIds: string[];
  dimensionIds: string[];
};

export type GateOutcome = { stage: number; cappedBy: StageCap[]; tripped: TrippedGate[] };

/**
 * Every tripped gate is kept (explain() shows them all); cappedBy lists those that actually
 * lowered the stage, lowest cap first.
 */
export function applyGates(
  framework: Framework,
  uncappedStage: number,
  ctx: GateContext,
): GateOutcome {
  const tripped: TrippedGate[] = [];
  const name = naming(framework, ctx);
  for (const gate of framework.gates) {
    const found = trip(gate, ctx, name);
    if (found === null) continue;
    tripped.push({
      rule: gate.id,
      capsAt: gate.capAt,
      reason: `Stage capped at ${gate.capAt} because ${found.detail}. ${gate.reason}`,
      kind: gate.kind,
      ...found,
    });
  }
  const cappedBy: StageCap[] = tripped
    .map((cap, index) => ({ cap, index }))
    .filter(({ cap }) => cap.capsAt < uncappedStage)
    .sort((a, b) => a.cap.capsAt - b.cap.capsAt || a.index - b.index)
    .map(({ cap: { rule, capsAt, reason } }) => ({ rule, capsAt, reason }));
  const stage = Math.min(uncappedStage, ...cappedBy.map((c) => c.capsAt));
  return { stage, cappedBy, tripped };
}
