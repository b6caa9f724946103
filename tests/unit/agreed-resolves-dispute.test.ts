import { describe, expect, it } from "vitest";
import { score } from "@/lib/scoring";
import { applyAgreedLevels } from "@/lib/results/agreed";
import { EIGHT, questionOf, room } from "../fixtures/rooms";

// Issue 15, part 5 with the verdict issue's rule 6: a split room makes a question disputed (its
// diagnostic part is not met, confidence held below high); a level the room agreed in a workshop
// resolves it. The agreed level then decides the part, for better or worse.

const QUESTION = "ownership.wrong_output_owner";

function splitRoom() {
  const input = room("2027.2", EIGHT, (q) => (q === QUESTION ? undefined : (4 as const)));
  input.responses.forEach((r, i) => {
    r.answers[QUESTION] = i % 2 === 0 ? 4 : 0;
  });
  return input;
}

describe("an agreed level resolves a disputed question", () => {
  const disputed = score(splitRoom());

  it("before the workshop: disputed, the ownership part not met, confidence medium", () => {
    expect(questionOf(disputed, QUESTION).disputed).toBe(true);
    expect(disputed.diagnostic.find((p) => p.id === "ownership")?.status).toBe("disputed");
    expect(disputed.overall.confidence).toBe("medium");
  });

  it("agreed at level 4: no longer disputed, the part is met, confidence is not held by it", () => {
    const agreed = score(applyAgreedLevels(splitRoom(), [{ questionId: QUESTION, value: 4 }]));
    expect(questionOf(agreed, QUESTION)).toMatchObject({ medianLevel: 4, agreement: 1 });
    expect(questionOf(agreed, QUESTION).disputed).toBeFalsy();
    expect(agreed.diagnostic.find((p) => p.id === "ownership")?.status).toBe("met");
    expect(agreed.overall.confidenceReason).not.toContain("splits");
  });

  it("agreed at level 1: no longer disputed, and the part is honestly unmet", () => {
    const agreed = score(applyAgreedLevels(splitRoom(), [{ questionId: QUESTION, value: 1 }]));
    expect(questionOf(agreed, QUESTION).disputed).toBeFalsy();
    const part = agreed.diagnostic.find((p) => p.id === "ownership");
    expect(part?.status).not.toBe("disputed");
    expect(part?.status).not.toBe("met");
    expect(agreed.readyToScale).toBe(false);
  });
});
