import { describe, expect, it } from "vitest";
import { type AnswerValue, type RespondentRole, getFramework } from "@/lib/framework";
import { ScoreInputError, type ScoreInput, type ScoreResponse, score } from "@/lib/scoring";

const fw = getFramework("2027.1");

/**
 * Every question of 2027.1 answered: level 3 (or `fill`), a level per dimension where given, and
 * per-question overrides.
 */
function answers(
  byDimension: Record<string, AnswerValue>,
  overrides: Record<string, AnswerValue> = {},
  fill: AnswerValue = 3,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const d of fw.dimensions)
    for (const q of d.questions) out[q.id] = overrides[q.id] ?? byDimension[d.id] ?? fill;
  return out;
}

function response(
  respondent: string,
  role: RespondentRole,
  answerMap: Record<string, AnswerValue>,
): ScoreResponse {
  return { respondent, role, answers: answerMap };
}

function input(responses: ScoreResponse[], extra: Partial<ScoreInput> = {}): ScoreInput {
  return { frameworkVersion: "2027.1", responses, ...extra };
}

const dimension = (result: ReturnType<typeof score>, id: string) => {
  const d = result.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`no dimension ${id}`);
  return d;
};
const question = (result: ReturnType<typeof score>, id: string) => {
  const q = result.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

describe("worked example 1: one respondent", () => {
  // One business respondent answers all 42 questions:
  //   integration: systems_of_record (weight 1.5) at level 1, its five other questions (weight 1)
  //   at level 2; workflow_redesign all at level 4; every other dimension all at level 3.
  // Question scores are level/4 x 100: 25, 50, 75, 100.
  //   integration = (25 x 1.5 + 50 x 5) / 6.5 = 287.5 / 6.5 = 44.23 -> 44.2
  //   output_quality, monitoring, ownership, data, leadership = 75; workflow_redesign = 100
  //   overall = (44.2 + 75 + 75 + 75 + 75 x 1.25 + 100 x 1.25 + 75 x 1.25) / 7.75
  //           = (269.2 + 93.75 + 125 + 93.75) / 7.75 = 581.7 / 7.75 = 75.06 -> 75.1
  //   stage: 75.1 >= 70 -> 4 Scaling. Diagnostic questions all at level 3 -> met; no critical
  //   question below 2, no "don't know", workflow_redesign 100 >= 50, visible_modelling 3 -> no cap.
  //   confidence low: only 1 respondent. coverage 1: every question was answered.
  // Recommendations (default target 70), only integration questions are at levels 0..2:
  //   supported_integration: (70 - 25) x 1 x 1.5 = 67.5
  //   paved_path (dimension 44.2 in 0..49): (70 - 44.2) x 1 = 25.8
  //   live_data, map_constraints, fallback: (70 - 50) x 1 x 1 = 20 each; framework order breaks
  //   the tie, and only 3 per dimension are kept -> live_data.
  const result = score(
    input([
      response(
        "r1",
        "business",
        answers({ integration: 2, workflow_redesign: 4 }, { "integration.systems_of_record": 1 }),
      ),
    ]),
  );

  it("scores each dimension as the weighted mean of its questions", () => {
    expect(result.dimensions.map((d) => [d.id, d.score])).toEqual([
      ["integration", 44.2],
      ["output_quality", 75],
      ["monitoring", 75],
      ["ownership", 75],
      ["data", 75],
      ["workflow_redesign", 100],
      ["leadership", 75],
    ]);
  });

  it("scores overall readiness as the weighted mean of the dimensions, at stage 4", () => {
    expect(result.overall).toMatchObject({
      score: 75.1,
      stage: 4,
      stageName: "Scaling",
      uncappedStage: 4,
      cappedBy: [],
      coverage: 1,
      blindSpotShare: 0,
      agreement: null,
      respondents: 1,
      confidence: "low",
    });
    expect(result.overall.confidenceReason).toContain("only 1 respondent");
    expect(result.readyToScale).toBe(true);
    expect(result.diagnostic.map((p) => p.status)).toEqual(["met", "met", "met"]);
  });

  it("recommends the biggest gaps to target x weight, at most three per dimension", () => {
    expect(result.recommendations.map((r) => [r.priority, r.id, r.impact])).toEqual([
      [1, "rec.integration.supported_integration", 67.5],
      [2, "rec.integration.paved_path", 25.8],
      [3, "rec.integration.live_data", 20],
    ]);
  });
});

describe("worked example 2: five respondents who disagree", () => {
  // Five technical respondents answer every question at level 3, except
  // monitoring.before_go_live (weight 1.5, critical, diagnostic): 0, 1, 4, "dont_know", 3.
  //   values (dont_know = 0), sorted: 0, 0, 0.25, 0.75, 1 -> median 0.25 -> level 1, score 25
  //   agreement: distances from the median 0.25, 0.25, 0, 0.5, 0.75 -> mean 0.35 -> 1 - 0.7 = 0.3
  //   monitoring = (25 x 1.5 + 75 x 1.5 + 75 x 4) / 7 = 450 / 7 = 64.29 -> 64.3
  //   monitoring agreement = (0.3 x 1.5 + 1 x 5.5) / 7 = 0.85
  //   monitoring blind spots: 1 "don't know" of 30 answers -> 0.03
  //   overall = (75 x 3 + 64.3 + 75 x 1.25 x 3) / 7.75 = 570.55 / 7.75 = 73.62 -> 73.6 -> stage 4
  //   gates: the monitoring part is unmet (level 1 < 2) -> diagnostic_not_met caps at 2;
  //   the critical question is at level 1 -> critical_question_low caps at 2. Stage 2, Piloting.
  //   confidence high: 5 respondents, coverage 1, 1/210 "don't know" -> 0, agreement
  //   (1 x 3 + 0.85 + 1.25 x 3) / 7.75 = 0.98.
  const levels: AnswerValue[] = [0, 1, 4, "dont_know", 3];
  const result = score(
    input(
      levels.map((level, i) =>
        response(`t${i + 1}`, "technical", answers({}, { "monitoring.before_go_live": level })),
      ),
    ),
  );

  it("takes the median across respondents and measures their agreement from the spread", () => {
    expect(question(result, "monitoring.before_go_live")).toMatchObject({
      score: 25,
      medianLevel: 1,
      agreement: 0.3,
      levels: 4,
      dontKnow: 1,
    });
    expect(dimension(result, "monitoring")).toMatchObject({
      score: 64.3,
      agreement: 0.85,
      blindSpotShare: 0.03,
    });
  });

  it("caps the stage at 2 because the monitoring part of the diagnostic is unmet", () => {
    expect(result.overall).toMatchObject({ score: 73.6, uncappedStage: 4, stage: 2 });
    expect(result.overall.cappedBy.map((c) => [c.rule, c.capsAt])).toEqual([
      ["diagnostic_not_met", 2],
      ["critical_question_low", 2],
    ]);
    expect(result.overall.cappedBy[0]?.reason).toContain("monitoring built before go-live (unmet)");
    expect(result.diagnostic.find((p) => p.id === "monitoring")?.status).toBe("unmet");
    expect(result.readyToScale).toBe(false);
  });

  it("is confident: enough respondents who mostly agree", () => {
    expect(result.overall).toMatchObject({
      confidence: "high",
      agreement: 0.98,
      blindSpotShare: 0,
    });
  });

  it("reports the don't-know answer as a blind spot", () => {
    expect(result.blindSpots).toEqual([
      { question: "monitoring.before_go_live", dontKnow: 1, answers: 5, share: 0.2 },
    ]);
  });
});

describe("worked example 3: executives see leadership far higher than the people doing the work", () => {
  // Two executives answer the leadership questions at level 4, two business respondents at
  // level 1; all four answer everything else at level 3.
  //   each leadership question: values 0.25, 0.25, 1, 1 -> median 0.625 -> 62.5, level 2.5
  //   leadership = 62.5; by role: executive 100, business 25 -> 75 points apart (>= 20)
  //   agreement per leadership question: every distance is 0.375 -> 1 - 0.75 = 0.25
  //   overall = (75 x 4 + 75 x 1.25 x 2 + 62.5 x 1.25) / 7.75 = 565.625 / 7.75 = 72.98 -> 73
  //   leaders_not_modelling trips (2.5 < 3, caps at 4) but does not lower stage 4.
  //   confidence medium: 4 respondents (high needs 5).
  //   recommendations (a median of 2.5 counts as level 2): model_visibly (70 - 62.5) x 1.25 x 1.5
  //   = 14.1; protect_capacity and explain_changes (70 - 62.5) x 1.25 = 9.4 each.
  const result = score(
    input([
      response("e1", "executive", answers({ leadership: 4 })),
      response("e2", "executive", answers({ leadership: 4 })),
      response("b1", "business", answers({ leadership: 1 })),
      response("b2", "business", answers({ leadership: 1 })),
    ]),
  );

  it("reports the perception gap between executives and business respondents", () => {
    expect(dimension(result, "leadership")).toMatchObject({
      score: 62.5,
      agreement: 0.25,
      byRole: { executive: 100, business: 25 },
    });
    expect(result.perceptionGaps).toEqual([
      {
        dimension: "leadership",
        higherRole: "executive",
        higherScore: 100,
        lowerRole: "business",
        lowerScore: 25,
        points: 75,
      },
    ]);
  });

  it("reports each dimension once, for its widest pair of roles", () => {
    const withTechnical = score(
      input([
        response("e1", "executive", answers({ leadership: 4 })),
        response("b1", "business", answers({ leadership: 1 })),
        response("t1", "technical", answers({ leadership: 2 })),
      ]),
    );
    expect(dimension(withTechnical, "leadership").byRole).toEqual({
      executive: 100,
      business: 25,
      technical: 50,
    });
    expect(withTechnical.perceptionGaps).toEqual([
      {
        dimension: "leadership",
        higherRole: "executive",
        higherScore: 100,
        lowerRole: "business",
        lowerScore: 25,
        points: 75,
      },
    ]);
  });

  it("scores 73 at stage 4 with medium confidence", () => {
    expect(result.overall).toMatchObject({
      score: 73,
      stage: 4,
      uncappedStage: 4,
      cappedBy: [],
      confidence: "medium",
    });
  });

  it("recommends that leaders model the new ways of working first", () => {
    expect(result.recommendations.map((r) => [r.id, r.impact])).toEqual([
      ["rec.leadership.model_visibly", 14.1],
      ["rec.leadership.protect_capacity", 9.4],
      ["rec.leadership.explain_changes", 9.4],
    ]);
  });
});

describe("worked example 4: gates cap a high score", () => {
  // Three technical respondents answer everything at level 4, except:
  //   workflow_redesign.redesigned_before_deployment (1.5) at 2, the five others in that dimension
  //   at 1: (50 x 1.5 + 25 x 5) / 6.5 = 200 / 6.5 = 30.77 -> 30.8
  //   leadership.visible_modelling (1.5) at 2, the others at 4: (50 x 1.5 + 100 x 5) / 6.5 = 88.5
  //   overall = (100 x 4 + 100 x 1.25 + 30.8 x 1.25 + 88.5 x 1.25) / 7.75
  //           = (400 + 125 + 38.5 + 110.625) / 7.75 = 674.125 / 7.75 = 86.98 -> 87 -> stage 5
  //   workflow_not_redesigned: 30.8 < 50 caps at 3; leaders_not_modelling: level 2 < 3 caps at 4.
  //   The lowest cap wins: stage 3. The diagnostic is met, so it is ready to scale, not scaling.
  const overrides: Record<string, AnswerValue> = {
    "workflow_redesign.redesigned_before_deployment": 2,
    "leadership.visible_modelling": 2,
  };
  const result = score(
    input(
      ["t1", "t2", "t3"].map((id) =>
        response(id, "technical", answers({ workflow_redesign: 1 }, overrides, 4)),
      ),
    ),
  );

  it("keeps the uncapped stage and every cap with its rule and reason, lowest cap first", () => {
    expect(dimension(result, "workflow_redesign").score).toBe(30.8);
    expect(dimension(result, "leadership").score).toBe(88.5);
    expect(result.overall).toMatchObject({
      score: 87,
      uncappedStage: 5,
      uncappedStageName: "Embedded",
      stage: 3,
      stageName: "Ready to scale",
    });
    expect(result.overall.cappedBy.map((c) => [c.rule, c.capsAt])).toEqual([
      ["workflow_not_redesigned", 3],
      ["leaders_not_modelling", 4],
    ]);
    expect(result.overall.cappedBy[0]?.reason).toMatch(
      /^Stage capped at 3 because workflow_redesign scores 30\.8, below 50\. .*2\.8 times/,
    );
    expect(result.readyToScale).toBe(true);
  });
});

describe("scoring rules", () => {
  const base = answers({});

  it("a don't-know answer scores 0 and is reported as a blind spot, not a blank", () => {
    const result = score(
      input([response("r1", "data", { ...base, "data.governance_practices": "dont_know" })]),
    );
    expect(question(result, "data.governance_practices")).toMatchObject({ score: 0, dontKnow: 1 });
    expect(dimension(result, "data").blindSpotShare).toBe(0.17);
    expect(result.diagnostic.find((p) => p.id === "data_audit")?.status).toBe("unknown");
    expect(result.readyToScale).toBe(false);
  });

  it("not applicable drops the question from the denominator", () => {
    const result = score(
      input([
        response("r1", "executive", {
          ...answers({ ownership: 2 }),
          "ownership.vendor_accountability": "not_applicable",
        }),
      ]),
    );
    expect(question(result, "ownership.vendor_accountability")).toMatchObject({
      score: null,
      notApplicable: 1,
      coverage: 1,
    });
    expect(dimension(result, "ownership").score).toBe(50);
  });

  it("an unanswered question lowers coverage, not the score", () => {
    const partial = { ...base };
    delete partial["monitoring.drift_alerts"];
    const result = score(input([response("r1", "technical", partial)]));
    expect(dimension(result, "monitoring")).toMatchObject({ score: 75, coverage: 0.83 });
    expect(question(result, "monitoring.drift_alerts")).toMatchObject({
      score: null,
      unanswered: 1,
      coverage: 0,
    });
  });

  it("a question outside the respondent's audience is not expected, but counts when answered", () => {
    const result = score(
      input([response("r1", "executive", { "ownership.production_funding": 2 })]),
    );
    // executives are asked 22 questions; one answered
    expect(result.overall.coverage).toBe(round2(1 / 22));
    const withExtra = score(
      input([
        response("r1", "executive", {
          "ownership.production_funding": 2,
          "data.quality_checks": 4,
        }),
      ]),
    );
    expect(question(withExtra, "data.quality_checks")).toMatchObject({ score: 100, coverage: 1 });
    expect(withExtra.overall.coverage).toBe(round2(2 / 23));
  });

  it("a dimension nobody answered has no score and is left out of the overall score", () => {
    const result = score(input([response("r1", "data", { "data.workflow_audit": 4 })]));
    expect(dimension(result, "integration").score).toBeNull();
    expect(result.overall.score).toBe(100);
  });

  it("targets give the gap to target, and a baseline gives progress toward it", () => {
    const result = score(
      input([response("r1", "data", answers({ data: 2 }))], {
        targets: { data: 80 },
        baseline: { data: 30 },
      }),
    );
    // progress = (50 - 30) / (80 - 30) = 0.4
    expect(dimension(result, "data")).toMatchObject({
      score: 50,
      target: 80,
      targetSource: "input",
      gapToTarget: 30,
      baseline: 30,
      progress: 0.4,
    });
    expect(dimension(result, "monitoring")).toMatchObject({
      target: 70,
      targetSource: "default",
      progress: null,
    });
  });

  it("puts recommendations in the article's sequence: redesign before ownership before monitoring", () => {
    const result = score(input([response("r1", "business", answers({}, {}, 1))]));
    const steps = result.recommendations.map((r) => r.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(result.recommendations[0]?.stepName).toBe("Redesign the workflow");
    for (const d of fw.dimensions)
      expect(result.recommendations.filter((r) => r.dimension === d.id).length).toBeLessThanOrEqual(
        3,
      );
  });

  it("asks to find out when a fifth or more of the data answers are don't know", () => {
    const result = score(
      input([
        response("r1", "data", {
          ...answers({ data: 3 }),
          "data.governance_practices": "dont_know",
          "data.domain_data": "dont_know",
        }),
      ]),
    );
    expect(result.recommendations.map((r) => r.id)).toContain("rec.data.find_out");
  });

  it("caps the stage at 2 when a third of a dimension's answers are don't know", () => {
    const result = score(
      input([
        response("r1", "technical", {
          ...answers({}, {}, 4),
          "integration.legacy_constraints": "dont_know",
          "integration.fallback": "dont_know",
        }),
      ]),
    );
    expect(result.overall.cappedBy.map((c) => c.rule)).toEqual(["blind_spots"]);
    expect(result.overall.stage).toBe(2);
  });

  it("refuses input that does not fit the framework, naming the field", () => {
    expect(() =>
      score(input([response("r1", "data", { "data.workflow_audit": "not_applicable" })])),
    ).toThrow(ScoreInputError);
    expect(() =>
      score({ frameworkVersion: "2030.1", responses: [response("r1", "data", {})] }),
    ).toThrow(
      'frameworkVersion: unknown framework version "2030.1" (available: 2026.4, 2027.1, 2027.2)',
    );
    expect(() => score(input([response("r1", "data", { "x.y": 1 })]))).toThrow(
      'responses[0].answers["x.y"]: unknown question id in framework 2027.1',
    );
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
