import { describe, expect, it } from "vitest";
import { type AnswerValue, type RespondentRole, getFramework } from "@/lib/framework";
import { type ScoreResult, compare, explain, score } from "@/lib/scoring";

function allAnswers(
  version: string,
  fill: AnswerValue,
  overrides: Record<string, AnswerValue> = {},
): Record<string, AnswerValue> {
  const questions = getFramework(version).dimensions.flatMap((d) => d.questions);
  return Object.fromEntries(questions.map((q) => [q.id, overrides[q.id] ?? fill]));
}

function scoreOne(
  version: string,
  answers: Record<string, AnswerValue>,
  role: RespondentRole = "technical",
): ScoreResult {
  return score({ frameworkVersion: version, responses: [{ respondent: "r1", role, answers }] });
}

describe("explain()", () => {
  const result = scoreOne(
    "2027.1",
    allAnswers("2027.1", 3, {
      "monitoring.before_go_live": 1,
      "monitoring.drift_alerts": "dont_know",
    }),
  );
  const explanation = explain(result);

  it("shows which questions pulled a dimension down, the costliest first", () => {
    const monitoring = explanation.dimensions.find((d) => d.id === "monitoring");
    // monitoring = (25 x 1.5 + 75 x 1.5 + 0 x 1 + 75 x 3) / 7 = 375 / 7 = 53.6
    // points lost: drift_alerts 1/7 x 100 = 14.3; before_go_live 1.5/7 x 75 = 16.1
    expect(monitoring?.score).toBe(53.6);
    expect(monitoring?.pulledDownBy.slice(0, 2)).toEqual([
      "monitoring.before_go_live",
      "monitoring.drift_alerts",
    ]);
    expect(monitoring?.contributions[0]).toMatchObject({
      question: "monitoring.before_go_live",
      medianLevel: 1,
      pointsLost: 16.1,
    });
    expect(monitoring?.summary).toContain('1 "don\'t know" answer, scored 0.');
  });

  it("adds up the overall score from the dimensions' weighted points", () => {
    const points = explanation.overall.contributions.reduce((sum, c) => sum + c.points, 0);
    expect(Math.abs(points - result.overall.score!)).toBeLessThanOrEqual(0.5);
    expect(explanation.overall.summary).toMatch(
      /^Overall readiness [\d.]+( \(\d+ when rounded\))? is the weighted mean/,
    );
    // The headline shows the index rounded: a reader comparing the two sees why they differ.
    const score = result.overall.score!;
    if (!Number.isInteger(score))
      expect(explanation.overall.summary).toContain(`(${Math.round(score)} when rounded)`);
  });

  it("names the gate that capped the stage and why", () => {
    expect(explanation.stage.uncappedStage!).toBeGreaterThan(explanation.stage.stage!);
    expect(explanation.stage.caps.map((c) => c.rule)).toContain("diagnostic_not_met");
    expect(explanation.stage.summary).toContain("The gates cap it at stage 2 (Piloting)");
    expect(explanation.lines.some((l) => l.includes("Stage capped at 2 because"))).toBe(true);
  });

  it("explains the confidence and every recommendation in plain sentences", () => {
    expect(explanation.confidence.reason).toContain("only 1 respondent");
    expect(explanation.recommendations[0]).toMatch(/^1\. \[3\. Build monitoring before go-live\]/);
  });
});

describe("compare()", () => {
  it("gives per-dimension deltas and the questions that drove them", () => {
    const before = scoreOne("2027.1", allAnswers("2027.1", 2));
    const after = scoreOne(
      "2027.1",
      allAnswers("2027.1", 2, { "data.workflow_audit": 4, "data.domain_data": 3 }),
    );
    const diff = compare(before, after);
    const data = diff.dimensions.find((d) => d.id === "data");
    // data before 50; after (100 x 1.5 + 50 x 1.5 + 75 + 50 x 3) / 7 = 450 / 7 = 64.3
    expect(data).toMatchObject({ before: 50, after: 64.3, delta: 14.3 });
    expect(data?.drivers).toEqual([
      { question: "data.workflow_audit", before: 50, after: 100, delta: 50, effect: 10.7 },
      { question: "data.domain_data", before: 50, after: 75, delta: 25, effect: 3.6 },
    ]);
    expect(diff.dimensions.find((d) => d.id === "integration")).toMatchObject({
      delta: 0,
      drivers: [],
    });
    expect(diff.overall.delta).toBe(round1(after.overall.score! - before.overall.score!));
  });

  it("compares across framework versions, never claiming like for like across a changed question", () => {
    const before = scoreOne(
      "2026.4",
      allAnswers("2026.4", 2, { "monitoring.alerting": 1, "leadership.ai_budget": 4 }),
    );
    const after = scoreOne("2027.1", allAnswers("2027.1", 2, { "monitoring.drift_alerts": 3 }));
    const diff = compare(before, after);
    expect(diff.questionMapping).toEqual({
      fromVersion: "2026.4",
      toVersion: "2027.1",
      renamed: [],
      retired: ["leadership.ai_budget"],
      added: ["workflow_redesign.exception_paths"],
      // "alerting" read as uptime alerts; drift_alerts asks about drift: a different question.
      changed: [{ from: "monitoring.alerting", to: "monitoring.drift_alerts", in: "2027.1" }],
    });
    const monitoring = diff.dimensions.find((d) => d.id === "monitoring");
    expect(monitoring?.drivers).toEqual([]);
    expect(monitoring?.notCompared).toEqual([
      {
        question: "monitoring.drift_alerts",
        reason: "its meaning changed in framework 2027.1: not like for like",
      },
    ]);
    const leadership = diff.dimensions.find((d) => d.id === "leadership");
    expect(leadership?.notCompared).toEqual([
      { question: "leadership.ai_budget", reason: "retired in framework 2027.1" },
    ]);
    const workflow = diff.dimensions.find((d) => d.id === "workflow_redesign");
    expect(workflow?.notCompared).toEqual([
      { question: "workflow_redesign.exception_paths", reason: "not in framework 2026.4" },
    ]);
  });

  it("reads ids in the newer version's terms whichever result comes first", () => {
    const older = scoreOne("2026.4", allAnswers("2026.4", 1));
    const newer = scoreOne("2027.1", allAnswers("2027.1", 3));
    const backwards = compare(newer, older);
    expect(backwards.questionMapping.fromVersion).toBe("2026.4");
    const monitoring = backwards.dimensions.find((d) => d.id === "monitoring");
    expect(monitoring?.delta).toBe(-50);
    expect(monitoring?.drivers.map((d) => d.question)).toContain("monitoring.before_go_live");
    expect(monitoring?.notCompared.map((d) => d.question)).toEqual(["monitoring.drift_alerts"]);
  });

  it("2027.1 to 2027.2: the questions whose anchors or text changed are not compared", () => {
    const before = scoreOne("2027.1", allAnswers("2027.1", 1));
    const after = scoreOne("2027.2", allAnswers("2027.2", 3));
    const diff = compare(before, after);
    expect(diff.questionMapping.changed?.map((c) => c.to).sort()).toEqual([
      "monitoring.output_quality_tracking",
      "output_quality.human_review",
      "output_quality.leadership_confidence",
      "ownership.business_owner",
      "ownership.run_team",
      "ownership.wrong_output_owner",
    ]);
    const ownership = diff.dimensions.find((d) => d.id === "ownership");
    expect(ownership?.drivers.map((d) => d.question)).not.toContain("ownership.wrong_output_owner");
    expect(ownership?.notCompared.map((d) => d.question)).toContain("ownership.wrong_output_owner");
  });
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
