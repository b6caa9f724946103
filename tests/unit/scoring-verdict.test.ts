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
