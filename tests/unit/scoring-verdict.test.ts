import { describe, expect, it } from "vitest";
import { score } from "@/lib/scoring";
import { EIGHT, dimensionOf, room } from "../fixtures/rooms";

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
