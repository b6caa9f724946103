import { describe, expect, it } from "vitest";
import { getFramework, latestFrameworkVersion } from "@/lib/framework";
import { score, type ScoreInput } from "@/lib/scoring";
import { agreedInResult, applyAgreedLevels } from "@/lib/results/agreed";

const framework = getFramework(latestFrameworkVersion);
const [q1, q2] = framework.dimensions[0]!.questions.map((q) => q.id);

const input: ScoreInput = {
  frameworkVersion: framework.version,
  responses: [
    { respondent: "a", role: "executive", answers: { [q1!]: 4, [q2!]: 3 } },
    { respondent: "b", role: "technical", answers: { [q1!]: 0, [q2!]: 1 } },
    { respondent: "c", role: "technical", answers: { [q2!]: "dont_know" } },
  ],
};

describe("levels agreed in a workshop", () => {
  it("score the round: the agreed question's median is the agreed level, the others unchanged", () => {
    const agreed = applyAgreedLevels(input, [{ questionId: q1!, value: 1 }]);
    expect(agreed.responses.map((r) => r.answers[q1!])).toEqual([1, 1, undefined]);
    expect(agreed.responses[1]!.answers[q2!]).toBe(1);
    const before = score(input, { framework });
    const after = score(agreed, { framework });
    expect(before.questions.find((q) => q.id === q1)!.medianLevel).toBe(2);
    expect(after.questions.find((q) => q.id === q1)!.medianLevel).toBe(1);
    expect(after.questions.find((q) => q.id === q1)!.agreement).toBe(1);
    expect(after.questions.find((q) => q.id === q2)).toEqual(
      before.questions.find((q) => q.id === q2),
    );
  });

  it("keep the individual median beside the agreed level", () => {
    const at = new Date("2027-02-01T10:00:00Z");
    const kept = agreedInResult(
      [{ questionId: q1!, value: 1, reason: "Only pilots", agreedAt: at }],
      score(input, { framework }),
    );
    expect(kept).toEqual([
      {
        questionId: q1,
        value: 1,
        reason: "Only pilots",
        individualMedian: 2,
        agreedAt: at.toISOString(),
      },
    ]);
  });

  it("change nothing without agreements", () => {
    expect(applyAgreedLevels(input, [])).toBe(input);
  });
});
