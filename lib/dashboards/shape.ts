import { findFramework, RESPONDENT_ROLES, type RespondentRole } from "@/lib/framework";
import {
  agreementFromCounts,
  medianLevelFromCounts,
  type ScoreInput,
  type ScoreResult,
} from "@/lib/scoring";
import { groupIsShown } from "@/lib/privacy/rules";

// Pure shaping of result snapshots into what the dashboards draw. No I/O: unit-tested directly.

export type TrendPoint = {
  assessmentId: string;
  name: string;
  closedAt: string;
  frameworkVersion: string;
  /** True where this round was scored with another framework version than the one before. */
  versionChanged: boolean;
  index: number;
  stage: number;
  dimensions: Record<string, number | null>;
};

export function buildTrend(
  rounds: {
    id: string;
    name: string;
    closedAt: Date;
    frameworkVersion: string;
    result: ScoreResult;
  }[],
): TrendPoint[] {
  // A round without an index (too few answers, 2027.2 on) is not a point of the trend: a line
  // through it would invent a figure. The version change is marked against the previous point.
  const points: TrendPoint[] = [];
  for (const r of rounds) {
    const { score: index, stage } = r.result.overall;
    if (index === null || stage === null) continue;
    const before = points.at(-1);
    points.push({
      assessmentId: r.id,
      name: r.name,
      closedAt: r.closedAt.toISOString(),
      frameworkVersion: r.frameworkVersion,
      versionChanged: before !== undefined && before.frameworkVersion !== r.frameworkVersion,
      index,
      stage,
      // Dimension ids are stable across framework versions (questions are what get renamed), so
      // every round stays on the same line.
      dimensions: Object.fromEntries(r.result.dimensions.map((d) => [d.id, d.score])),
    });
  }
  return points;
}

export type DashboardDimension = {
  id: string;
  name: string;
  kind: "gap" | "enabler";
  score: number | null;
  target: number;
  previous: number | null;
  delta: number | null;
  /** The first round's score (the baseline), when the rounds share a framework version. */
  baseline: number | null;
  /** (score - baseline) / (target - baseline), from the score; null without a baseline. */
  progress: number | null;
};

export function buildDimensions(
  result: ScoreResult,
  previous: ScoreResult | null,
): DashboardDimension[] {
  const before = new Map(previous?.dimensions.map((d) => [d.id, d.score]) ?? []);
  return result.dimensions.map((d) => {
    const prev = before.get(d.id) ?? null;
    return {
      id: d.id,
      name: d.name,
      kind: d.kind,
      score: d.score,
      target: d.target,
      previous: prev,
      delta: d.score !== null && prev !== null ? Math.round((d.score - prev) * 10) / 10 : null,
      baseline: d.baseline,
      progress: d.progress,
    };
  });
}

export type PerceptionView = {
  roles: { role: RespondentRole; respondents: number; shown: boolean }[];
  rows: {
    dimension: string;
    name: string;
    byRole: Partial<Record<RespondentRole, number | null>>;
  }[];
  gaps: ScoreResult["perceptionGaps"];
  hiddenReason: string | null;
  /** The round's minimum group: a role with fewer respondents is never shown on its own. */
  minGroupSize: number;
};

/** Scores by role, hiding every role with fewer respondents than the round's minimum group. */
export function buildPerception(result: ScoreResult, minGroupSize: number): PerceptionView {
  const counts = result.overall.respondentsByRole;
  const roles = RESPONDENT_ROLES.filter((role) => (counts[role] ?? 0) > 0).map((role) => ({
    role,
    respondents: counts[role] ?? 0,
    shown: groupIsShown(counts[role] ?? 0, minGroupSize),
  }));
  const shown = new Set(roles.filter((r) => r.shown).map((r) => r.role));
  const hidden = roles.filter((r) => !r.shown).map((r) => r.role);
  return {
    roles,
    minGroupSize,
    rows: result.dimensions.map((d) => ({
      dimension: d.id,
      name: d.name,
      byRole: Object.fromEntries([...shown].map((role) => [role, d.byRole[role] ?? null])),
    })),
    gaps: result.perceptionGaps.filter((g) => shown.has(g.higherRole) && shown.has(g.lowerRole)),
    hiddenReason: hidden.length
      ? `${hidden.join(", ")} not shown: fewer than ${minGroupSize} respondents, so no one can be singled out.`
      : null,
  };
}

export function buildBlindSpots(result: ScoreResult) {
  const texts = questionTexts(result.frameworkVersion);
  return result.dimensions.map((d) => ({
    dimension: d.id,
    name: d.name,
    share: d.blindSpotShare,
    questions: result.blindSpots
      .filter((b) => b.question.startsWith(`${d.id}.`))
      .map((b) => ({ id: b.question, text: texts.get(b.question) ?? b.question, share: b.share }))
      .sort((a, b) => b.share - a.share),
  }));
}

export type AgreementCell = {
  question: string;
  text: string;
  dimension: string;
  role: RespondentRole;
  /** 1 = everyone in the role gave the same answer; null with fewer than two answers. */
  agreement: number | null;
  answers: number;
};

/**
 * Agreement within each role, per question, from the answers the result was computed from.
 * Roles under the minimum group size are left out, as everywhere else.
 */
export function buildAgreementHeatmap(
  result: ScoreResult,
  input: ScoreInput | null,
  minGroupSize: number,
): AgreementCell[] {
  if (!input) return [];
  const texts = questionTexts(result.frameworkVersion);
  const byRole = new Map<RespondentRole, ScoreInput["responses"]>();
  for (const response of input.responses) {
    byRole.set(response.role, [...(byRole.get(response.role) ?? []), response]);
  }
  const cells: AgreementCell[] = [];
  for (const question of result.questions) {
    for (const role of RESPONDENT_ROLES) {
      const responses = byRole.get(role) ?? [];
      if (!groupIsShown(responses.length, minGroupSize)) continue;
      const counts = [0, 0, 0, 0, 0];
      let answers = 0;
      for (const response of responses) {
        const value = response.answers[question.id];
        if (value === undefined || value === "not_applicable") continue;
        counts[value === "dont_know" ? 0 : value]! += 1;
        answers += 1;
      }
      if (answers === 0) continue;
      const agreement = agreementFromCounts(counts, medianLevelFromCounts(counts));
      cells.push({
        question: question.id,
        text: texts.get(question.id) ?? question.id,
        dimension: question.dimension,
        role,
        agreement: agreement === null ? null : Math.round(agreement * 100) / 100,
        answers,
      });
    }
  }
  return cells;
}

function questionTexts(version: string): Map<string, string> {
  const framework = findFramework(version);
  return new Map(
    framework?.dimensions.flatMap((d) => d.questions.map((q) => [q.id, q.text])) ?? [],
  );
}

export type ContextFinding = { figure: string; source: string; standing: string };

/**
 * The article's figures, each with the source the article names, in one place for every page,
 * report and deck that cites them (domain/BRIEF.md). The last is cited in the article without a
 * source of its own: it says so.
 */
export const ARTICLE_FIGURES = {
  pilotsConverted: {
    figure:
      "Only 25% of organisations have converted 40% or more of their AI pilots into production.",
    source: "Deloitte, State of AI 2026 (3,235 leaders, 24 countries)",
  },
  scaleExpected: {
    figure: "54% expect meaningful production scale within three to six months.",
    source: "Deloitte, State of AI 2026",
  },
  agentsPastPilot: {
    figure:
      "Fewer than 1 in 10 report AI agent use past the pilot stage in a given business function.",
    source: "McKinsey, State of AI",
  },
  manufacturers: {
    figure: "98% of manufacturers explore AI; only 20% feel fully prepared to deploy it.",
    source: "manufacturing figure quoted in the article",
  },
  dataAbandoned: {
    figure: "60% of AI projects without AI-ready data will be abandoned through 2026.",
    source: "Gartner projection",
  },
  dataPractices: {
    figure:
      "63% lack proper data management practices for AI, or are not sure whether they have them.",
    source: "quoted in the article",
  },
  workflowRedesign: {
    figure:
      "AI high performers are 2.8 times more likely to have fundamentally redesigned their workflows (55% vs 20%).",
    source: "McKinsey, State of AI",
  },
  leadersModel: {
    figure:
      "Transformation success is more than five times more likely when senior leaders visibly model the new ways of working.",
    source: "cited in the article",
  },
} as const satisfies Record<string, { figure: string; source: string }>;

/**
 * The article's figures beside where this organisation stands. The figures are cited as the
 * article cites them; the standing is read only from this organisation's own result, never
 * presented as a measurement of the same quantity.
 */
export function articleContext(input: {
  organizationName: string;
  /** null when the round has no index (too few answers). */
  stage: number | null;
  stageName: string | null;
  readyToScale: boolean;
  /** The gates that lowered the stage: "passes every gate" only when there are none. */
  caps: readonly { rule: string }[];
  dimensions: { id: string; name: string; score: number | null; target: number }[];
  blindSpots: { dimension: string; share: number }[];
}): ContextFinding[] {
  const name = input.organizationName;
  const findings: ContextFinding[] = [
    {
      ...ARTICLE_FIGURES.pilotsConverted,
      standing:
        input.stage === null
          ? `${name} has no readiness index yet: not enough answers were given to place it.`
          : !input.readyToScale
            ? `${name} is at stage ${input.stage} (${input.stageName}) and not ready to scale yet: the gate reasons above say what stands in the way.`
            : input.caps.length === 0
              ? `${name} is at stage ${input.stage} (${input.stageName}) and passes every gate: it has in place what scaling needs.`
              : `${name} is at stage ${input.stage} (${input.stageName}) and ready to scale, but ${input.caps.length === 1 ? "a gate holds" : `${input.caps.length} gates hold`} its stage below what its index gives: the gate reasons above say which.`,
    },
  ];
  const data = input.dimensions.find((d) => d.id === "data");
  const dataUnknown = input.blindSpots.find((b) => b.dimension === "data")?.share ?? 0;
  if (data) {
    const unknown = Math.round(dataUnknown * 100);
    findings.push({
      figure: ARTICLE_FIGURES.dataPractices.figure,
      source: `${ARTICLE_FIGURES.dataPractices.source}; Gartner projects 60% of AI projects without AI-ready data will be abandoned through 2026`,
      standing:
        data.score === null
          ? `No answers on ${data.name.toLowerCase()} yet.`
          : `${name} scores ${Math.round(data.score)} on ${data.name.toLowerCase()} (target ${Math.round(data.target)}), with ${unknown}% of its answers there "Don't know"${
              data.score < data.target || dataUnknown >= 0.15
                ? ": the recurring blind spot applies here."
                : "."
            }`,
    });
  }
  const redesign = input.dimensions.find((d) => d.id === "workflow_redesign");
  if (redesign && redesign.score !== null) {
    findings.push({
      ...ARTICLE_FIGURES.workflowRedesign,
      standing: `${name} scores ${Math.round(redesign.score)} on workflow redesign (target ${Math.round(redesign.target)})${
        redesign.score >= redesign.target
          ? ": at or above target."
          : ": redesigning the workflow comes first in the sequence."
      }`,
    });
  }
  return findings;
}

/** Stage names of the newest framework, for lists that show stages without a snapshot at hand. */
export function stageNames(version: string): Map<number, string> {
  const framework = findFramework(version);
  return new Map(framework?.stages.map((s) => [s.stage, s.name]) ?? []);
}
