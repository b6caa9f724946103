import { describe, expect, it } from "vitest";
import { type AnswerValue, type RespondentRole, getFramework } from "@/lib/framework";
import { type ScoreInput, score } from "@/lib/scoring";
import {
  articleContext,
  buildAgreementHeatmap,
  buildBlindSpots,
  buildDimensions,
  buildPerception,
  buildTrend,
  stageNames,
} from "@/lib/dashboards/shape";
import {
  filterAndSortPortfolio,
  parsePortfolioQuery,
  stageDistribution,
} from "@/lib/dashboards/portfolio";
import type { PortfolioRow } from "@/lib/dashboards/data";
import { agreementRows } from "@/components/charts/agreement-rows";

// lib/dashboards/shape.ts and portfolio.ts are pure: results in, what the charts draw out.

function answers(version: string, fill: AnswerValue, overrides: Record<string, AnswerValue> = {}) {
  const questions = getFramework(version).dimensions.flatMap((d) => d.questions);
  return Object.fromEntries(questions.map((q) => [q.id, overrides[q.id] ?? fill]));
}

function input(
  version: string,
  people: [RespondentRole, AnswerValue][],
  overrides: Record<string, AnswerValue> = {},
): ScoreInput {
  return {
    frameworkVersion: version,
    responses: people.map(([role, fill], i) => ({
      respondent: `r${i}`,
      role,
      answers: answers(version, fill, overrides),
    })),
  };
}

const older = score(
  input("2026.4", [
    ["business", 1],
    ["business", 1],
    ["executive", 2],
    ["executive", 2],
  ]),
);
const newerInput = input("2027.1", [
  ["business", 2],
  ["business", 3],
  ["executive", 4],
  ["executive", 4],
  ["data", 0],
]);
const newer = score(newerInput);

describe("buildTrend", () => {
  it("skips a round without an index instead of drawing a point for it", () => {
    const thin = score({
      frameworkVersion: "2027.2",
      responses: [{ respondent: "x", role: "data", answers: { "data.workflow_audit": 4 } }],
    });
    expect(thin.overall.score).toBeNull();
    const trend = buildTrend([
      {
        id: "a",
        name: "Q1",
        closedAt: new Date("2026-03-01"),
        frameworkVersion: "2027.1",
        result: newer,
      },
      {
        id: "b",
        name: "Q2",
        closedAt: new Date("2026-06-01"),
        frameworkVersion: "2027.2",
        result: thin,
      },
    ]);
    expect(trend.map((p) => p.name)).toEqual(["Q1"]);
  });

  it("marks the first round on a new framework version, not the ones after it", () => {
    const trend = buildTrend([
      {
        id: "a",
        name: "Q4 2025",
        closedAt: new Date("2025-12-01"),
        frameworkVersion: "2026.4",
        result: older,
      },
      {
        id: "b",
        name: "Q1 2026",
        closedAt: new Date("2026-03-01"),
        frameworkVersion: "2027.1",
        result: newer,
      },
      {
        id: "c",
        name: "Q2 2026",
        closedAt: new Date("2026-06-01"),
        frameworkVersion: "2027.1",
        result: newer,
      },
    ]);
    expect(trend.map((p) => p.versionChanged)).toEqual([false, true, false]);
    expect(trend[0]!.index).toBe(older.overall.score);
    expect(Object.keys(trend[0]!.dimensions).sort()).toEqual(
      Object.keys(trend[1]!.dimensions).sort(),
    );
  });
});

describe("buildDimensions", () => {
  it("pairs each dimension with the previous round's score and the change, rounded to one decimal", () => {
    const dims = buildDimensions(newer, older);
    expect(dims).toHaveLength(7);
    for (const d of dims) {
      const before = older.dimensions.find((x) => x.id === d.id)!.score!;
      expect(d.previous).toBe(before);
      expect(d.delta).toBe(Math.round((d.score! - before) * 10) / 10);
    }
  });
  it("has no previous or change for a first round", () => {
    expect(buildDimensions(newer, null).every((d) => d.previous === null && d.delta === null)).toBe(
      true,
    );
  });
});

describe("buildPerception and buildAgreementHeatmap", () => {
  it("leave out a role under the minimum group size and say why", () => {
    const view = buildPerception(newer, 2);
    expect(view.roles.find((r) => r.role === "data")?.shown).toBe(false);
    expect(view.rows.every((r) => !("data" in r.byRole))).toBe(true);
    expect(view.hiddenReason).toContain("data not shown");
    expect(buildAgreementHeatmap(newer, newerInput, 2).some((c) => c.role === "data")).toBe(false);
  });
  it("show every role once the groups are large enough", () => {
    expect(buildPerception(newer, 1).hiddenReason).toBeNull();
    expect(buildAgreementHeatmap(newer, newerInput, 1).some((c) => c.role === "data")).toBe(true);
  });
  it("measure split answers within a role as low agreement", () => {
    const cells = buildAgreementHeatmap(newer, newerInput, 2);
    const business = cells.filter((c) => c.role === "business");
    const executive = cells.filter((c) => c.role === "executive");
    expect(Math.max(...business.map((c) => c.agreement ?? 1))).toBeLessThan(1);
    expect(executive.every((c) => c.agreement === 1)).toBe(true);
  });
});

describe("buildBlindSpots", () => {
  it("gives the share of don't-know per dimension with the question texts", () => {
    const unknown = getFramework("2027.1").dimensions.find((d) => d.id === "data")!.questions[0]!;
    const result = score(input("2027.1", [["business", 3]], { [unknown.id]: "dont_know" }));
    const data = buildBlindSpots(result).find((b) => b.dimension === "data")!;
    expect(data.share).toBeGreaterThan(0);
    expect(data.questions[0]).toMatchObject({ id: unknown.id, text: unknown.text });
  });
});

describe("articleContext", () => {
  it("cites Deloitte's 25% and places the organisation by its own verdict", () => {
    const findings = articleContext({
      organizationName: "Meridian",
      stage: 2,
      stageName: "Piloting",
      readyToScale: false,
      caps: [],
      dimensions: buildDimensions(newer, null),
      blindSpots: buildBlindSpots(newer),
    });
    expect(findings[0]!.figure).toContain("Only 25% of organisations");
    expect(findings[0]!.source).toContain("Deloitte, State of AI 2026");
    expect(findings[0]!.standing).toContain("not ready to scale");
    expect(findings.map((f) => f.source).join(" ")).toContain("McKinsey");
  });

  it("says 'passes every gate' only when no gate lowered the stage", () => {
    const standing = (caps: { rule: string }[]) =>
      articleContext({
        organizationName: "Meridian",
        stage: 3,
        stageName: "Ready to scale",
        readyToScale: true,
        caps,
        dimensions: buildDimensions(newer, null),
        blindSpots: buildBlindSpots(newer),
      })[0]!.standing;
    expect(standing([])).toContain("passes every gate");
    const capped = standing([{ rule: "workflow_not_redesigned" }]);
    expect(capped).not.toContain("passes every gate");
    expect(capped).toContain("a gate holds its stage below what its index gives");
  });
});

const row = (over: Partial<PortfolioRow>): PortfolioRow => ({
  id: over.name ?? "x",
  name: "x",
  sector: null,
  region: null,
  stage: null,
  index: null,
  change: null,
  readyToScale: null,
  lastAssessed: null,
  openRounds: 0,
  ...over,
});

describe("portfolio filters and sort", () => {
  const rows = [
    row({
      name: "Beta",
      sector: "Retail",
      stage: 2,
      index: 55,
      lastAssessed: "2026-09-30T00:00:00.000Z",
    }),
    row({
      name: "alpha",
      sector: "Energy",
      stage: 3,
      index: 70,
      lastAssessed: "2026-09-30T00:00:00.000Z",
    }),
    row({ name: "Gamma", sector: "Retail", stage: null, index: null }),
  ];
  it("parses URL params, ignoring unknown values rather than failing", () => {
    expect(
      parsePortfolioQuery({ sector: "Retail", stage: "2", sort: "index", dir: "desc" }),
    ).toEqual({
      sector: "Retail",
      stage: 2,
      sort: "index",
      dir: "desc",
    });
    expect(parsePortfolioQuery({ sort: "hack", dir: "sideways", sector: "" })).toEqual({
      sort: "name",
      dir: "asc",
    });
    expect(parsePortfolioQuery({ stage: "none" }).stage).toBe("none");
  });
  it("filters by sector and stage and sorts with missing values last in either direction", () => {
    expect(
      filterAndSortPortfolio(rows, parsePortfolioQuery({ sector: "Retail" })).map((r) => r.name),
    ).toEqual(["Beta", "Gamma"]);
    expect(
      filterAndSortPortfolio(rows, parsePortfolioQuery({ stage: "none" })).map((r) => r.name),
    ).toEqual(["Gamma"]);
    expect(
      filterAndSortPortfolio(rows, parsePortfolioQuery({ sort: "index", dir: "desc" })).map(
        (r) => r.name,
      ),
    ).toEqual(["alpha", "Beta", "Gamma"]);
    expect(
      filterAndSortPortfolio(rows, parsePortfolioQuery({ sort: "index" })).map((r) => r.name),
    ).toEqual(["Beta", "alpha", "Gamma"]);
    expect(filterAndSortPortfolio(rows, parsePortfolioQuery({})).map((r) => r.name)).toEqual([
      "alpha",
      "Beta",
      "Gamma",
    ]);
  });
  it("counts organisations per stage with the framework's stage names", () => {
    const { stages, unassessed } = stageDistribution(rows, stageNames("2027.1"));
    expect(stages.map((s) => s.count)).toEqual([0, 1, 1, 0, 0]);
    expect(stages[1]!.name).toBe("Piloting");
    expect(unassessed).toBe(1);
  });

  it("tells an organisation never assessed from one whose last round had too few answers for a stage", () => {
    const thin = row({
      id: "d",
      name: "Delta",
      stage: null,
      index: null,
      lastAssessed: "2026-11-30T00:00:00.000Z",
    });
    const { unassessed, withoutStage } = stageDistribution([...rows, thin], stageNames("2027.2"));
    expect(unassessed).toBe(1);
    expect(withoutStage).toBe(1);
  });
});

describe("agreement heatmap rows", () => {
  const cell = (question: string, role: string, agreement: number | null, answers = 3) => ({
    question,
    text: `Text of ${question}`,
    dimension: question.split(".")[0]!,
    role,
    agreement,
    answers,
  });

  it("puts the least agreed question first, each question's text once, roles in their usual order", () => {
    const { roles, rows, split } = agreementRows(
      [
        cell("data.a", "technical", 0.9),
        cell("data.a", "executive", 0.8),
        cell("ownership.b", "executive", 0.2),
        cell("ownership.b", "technical", null, 1),
      ],
      { data: "Domain data", ownership: "Ownership" },
    );
    expect(roles).toEqual(["executive", "technical"]);
    expect(rows.map((r) => r.id)).toEqual(["ownership.b", "data.a"]);
    expect(rows[0]).toEqual({
      id: "ownership.b",
      text: "Text of ownership.b",
      dimension: "Ownership",
      byRole: [[0.2, 3], null],
    });
    expect(split).toEqual({
      count: 1,
      widest: { role: "executive", text: "Text of ownership.b", agreement: 0.2 },
    });
  });
});
