import { describe, expect, it } from "vitest";
import { score } from "@/lib/scoring";
import { unaskedDecidingQuestions, getFramework } from "@/lib/framework";
import { EIGHT, askedAt, dimensionOf, questionOf, room } from "../fixtures/rooms";

// The seven cases of issue 14 ("the verdict can be trusted"), scored under 2027.2, next to what
// 2027.1 still gives for the same answers (closed rounds keep their version's verdict). Each is
// worked by hand in lib/scoring/README.md, "Worked examples: the verdict rules of 2027.2".

describe("case 1: integration at 0, everything else at 4 (no missing link)", () => {
  const answer = (_q: string, d: string) => (d === "integration" ? 0 : 4);
  const before = score(room("2027.1", EIGHT, answer));
  const after = score(room("2027.2", EIGHT, answer));

  it("2027.1 averaged the missing link away: 87.1, stage 5, ready to scale", () => {
    expect(before.overall).toMatchObject({ score: 87.1, stage: 5 });
    expect(before.readyToScale).toBe(true);
  });

  it("2027.2 caps it at stage 2, not ready, naming the dimension in words", () => {
    expect(dimensionOf(after, "integration").score).toBe(0);
    expect(after.overall).toMatchObject({ score: 87.1, uncappedStage: 5, stage: 2 });
    expect(after.overall.cappedBy.map((c) => c.rule)).toEqual(["missing_link"]);
    expect(after.overall.cappedBy[0]?.reason).toMatch(
      /^Stage capped at 2 because Integration with legacy systems is at 0, below 40\. One missing link makes a pilot collapse in real operations/,
    );
    expect(after.readyToScale).toBe(false);
    expect(after.readyToScaleReason).toBe(
      "Not ready to scale: Integration with legacy systems is at 0, below 40 (caps the stage at 2).",
    );
  });
});

describe("case 2: workflow redesign at 11.5, everything else at 4 (redesign first)", () => {
  // Redesigned before deployment (critical, 1.5) at level 2, the five other questions at 0:
  // (50 x 1.5) / 6.5 = 11.54 -> 11.5. The critical question is at level 2, so only the redesign gate trips.
  const answer = (q: string, d: string) =>
    q === "workflow_redesign.redesigned_before_deployment" ? 2 : d === "workflow_redesign" ? 0 : 4;
  const before = score(room("2027.1", EIGHT, answer));
  const after = score(room("2027.2", EIGHT, answer));

  it("2027.1 capped it at stage 3, named 'Ready to scale', and called it ready", () => {
    expect(dimensionOf(before, "workflow_redesign").score).toBe(11.5);
    expect(before.overall).toMatchObject({ stage: 3, stageName: "Ready to scale" });
    expect(before.readyToScale).toBe(true);
  });

  it("2027.2 caps it below 'Ready to scale', not ready, and says redesign comes first", () => {
    expect(after.overall).toMatchObject({ stage: 2, stageName: "Piloting" });
    expect(after.overall.cappedBy.map((c) => c.rule)).toEqual(["workflow_not_redesigned"]);
    expect(after.overall.cappedBy[0]?.reason).toContain("Redesign comes first");
    expect(after.readyToScale).toBe(false);
    expect(after.readyToScaleReason).toBe(
      "Not ready to scale: Workflow redesign before deployment scores 11.5, below 50 (caps the stage at 2).",
    );
  });
});

describe("case 5: one respondent answering one question (no index without evidence)", () => {
  const one = (version: string) =>
    score({
      frameworkVersion: version,
      responses: [
        { respondent: "r1", role: "business", answers: { "workflow_redesign.process_mapped": 4 } },
      ],
    });

  it("2027.1 gave an index of 100 at 3% coverage", () => {
    const before = one("2027.1");
    expect(before.overall).toMatchObject({ score: 100, coverage: 0.03 });
  });

  it("2027.2 gives no index and no stage, not ready, and says there are not enough answers", () => {
    const after = one("2027.2");
    expect(after.overall).toMatchObject({
      score: null,
      stage: null,
      stageName: null,
      uncappedStage: null,
      coverage: 0.03,
      cappedBy: [],
    });
    expect(after.readyToScale).toBe(false);
    expect(after.readyToScaleReason).toBe(
      "Not ready to scale: only 3% of the expected answers were given, and a readiness index and a stage need at least 50%. Not enough answers yet.",
    );
    // The one answered dimension still shows its score: it is what was answered.
    expect(dimensionOf(after, "workflow_redesign").score).toBe(100);
  });
});

describe("case 3: only executives and business respondents (unanswered is unknown)", () => {
  const roles = [
    "executive",
    "executive",
    "executive",
    "business",
    "business",
    "business",
  ] as const;
  const before = score(room("2027.1", roles, askedAt(4)));
  const after = score(room("2027.2", roles, askedAt(4)));

  it("nobody was asked how output quality is evaluated at volume", () => {
    expect(questionOf(after, "output_quality.evaluation_at_volume").medianLevel).toBeNull();
    expect(
      unaskedDecidingQuestions(getFramework("2027.2"), ["executive", "business"]).map((q) => q.id),
    ).toContain("output_quality.evaluation_at_volume");
  });

  it("2027.1 passed the critical gate nobody answered: stage 5, confidence high", () => {
    expect(before.overall).toMatchObject({ stage: 5, confidence: "high" });
    expect(before.readyToScale).toBe(true);
  });

  it("2027.2 trips the critical gate as unknown, naming the question by its text", () => {
    expect(after.overall.stage).toBe(2);
    expect(after.readyToScale).toBe(false);
    const cap = after.overall.cappedBy.find((c) => c.rule === "critical_question_low");
    expect(cap?.reason).toContain(
      "“Before scaling, was the AI evaluated on a representative sample at production volume, including rare and messy cases?” has no answer (unknown)",
    );
  });
});

describe("unaskedDecidingQuestions (the round form's warning)", () => {
  const fw = getFramework("2027.2");
  it("lists nothing when every role is in the round", () => {
    expect(unaskedDecidingQuestions(fw, ["executive", "business", "technical", "data"])).toEqual(
      [],
    );
  });

  it("lists each critical or diagnostic question no role of the round is asked, with its text", () => {
    const unasked = unaskedDecidingQuestions(fw, ["executive"]);
    expect(unasked.length).toBeGreaterThan(0);
    for (const q of unasked) {
      const question = fw.dimensions.flatMap((d) => d.questions).find((x) => x.id === q.id);
      expect(question?.audience).not.toContain("executive");
      expect(q.critical || q.diagnosticPart !== null).toBe(true);
      expect(q.text).toBe(question?.text);
    }
  });
});

describe("case 4: executives and technical respondents agree on every question they share", () => {
  // Shared questions at level 2 from both roles; questions only executives are asked at 4, only
  // technical respondents at 0. The two roles never disagree on a question both answered.
  const roles = [
    "executive",
    "executive",
    "executive",
    "technical",
    "technical",
    "technical",
  ] as const;
  const answer = (_q: string, _d: string, role: string, audience: readonly string[]) => {
    if (!audience.includes(role as "executive")) return undefined;
    const shared = audience.includes("executive") && audience.includes("technical");
    return shared ? 2 : role === "executive" ? 4 : 0;
  };
  const before = score(room("2027.1", roles, answer));
  const after = score(room("2027.2", roles, answer));

  it("2027.1 showed perception gaps of 50 points and more, from different question sets", () => {
    expect(before.perceptionGaps.length).toBeGreaterThan(0);
    expect(Math.max(...before.perceptionGaps.map((g) => g.points))).toBeGreaterThanOrEqual(50);
  });

  it("2027.2 compares them like for like, and finds no gap", () => {
    expect(after.perceptionGaps).toEqual([]);
    // Each role's whole-dimension score is still shown.
    expect(dimensionOf(after, "output_quality").byRole).toEqual(
      dimensionOf(before, "output_quality").byRole,
    );
  });

  it("a real disagreement on shared questions is a gap, with the count of shared questions", () => {
    const split = score(
      room("2027.2", roles, (q, d, role, audience) =>
        d === "monitoring" && audience.includes(role)
          ? role === "executive"
            ? 4
            : 1
          : answer(q, d, role, audience),
      ),
    );
    const gap = split.perceptionGaps.find((g) => g.dimension === "monitoring");
    expect(gap).toMatchObject({ higherRole: "executive", lowerRole: "technical", points: 75 });
    expect(gap?.sharedQuestions).toBeGreaterThanOrEqual(2);
  });
});

describe("case 6: four at level 4 and four at 0 on who is accountable (a split room is disputed)", () => {
  const answer = (q: string) => (q === "ownership.wrong_output_owner" ? undefined : (4 as const));
  const split = (version: string) => {
    const input = room(version, EIGHT, answer);
    input.responses.forEach((r, i) => {
      r.answers["ownership.wrong_output_owner"] = i % 2 === 0 ? 4 : 0;
    });
    return score(input);
  };
  const before = split("2027.1");
  const after = split("2027.2");

  it("2027.1: the median invents level 2 ('partial'), agreement 0, confidence still high", () => {
    expect(questionOf(before, "ownership.wrong_output_owner")).toMatchObject({
      medianLevel: 2,
      agreement: 0,
    });
    expect(before.diagnostic.find((p) => p.id === "ownership")?.status).toBe("partial");
    expect(before.overall.confidence).toBe("high");
  });

  it("2027.2: the question is disputed, the part is not met, confidence is medium and says why", () => {
    expect(questionOf(after, "ownership.wrong_output_owner").disputed).toBe(true);
    const part = after.diagnostic.find((p) => p.id === "ownership");
    expect(part?.status).toBe("disputed");
    expect(part?.reason).toContain(
      "the room splits on “Is a named person accountable if the deployed model produces a wrong output at scale?”",
    );
    expect(after.readyToScale).toBe(false);
    expect(after.overall.confidence).toBe("medium");
    expect(after.overall.confidenceReason).toContain(
      "the room splits on “Is a named person accountable if the deployed model produces a wrong output at scale?” (agreement 0)",
    );
  });
});
