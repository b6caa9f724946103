import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getFramework, type AnswerValue, type RespondentRole } from "@/lib/framework";
import { score, type ScoreInput } from "@/lib/scoring";
import { buildPlan } from "@/lib/workshops/plan";
import { EIGHT, askedAt, room } from "../fixtures/rooms";

// A workshop participant is asked the workshop's questions only (ScoreResponse.asked). What they
// were never asked is not expected of them: a gating-questions workshop beside people who answered
// by link must not pull the round under the coverage an index needs (issue 14 rule 5).

const VERSION = "2027.2";
const framework = getFramework(VERSION);
const gating = buildPlan(framework, { kind: "gating" }).questionIds;

/** Participants who answered every gating question, at `level`. */
function participants(n: number, level: 0 | 1 | 2 | 3 | 4, asked?: string[]) {
  const roles: RespondentRole[] = ["executive", "business", "technical", "data"];
  return Array.from({ length: n }, (_, i) => ({
    respondent: `p${i + 1}`,
    role: roles[i % 4]!,
    answers: Object.fromEntries(gating.map((id) => [id, level] as const)),
    ...(asked ? { asked } : {}),
  }));
}

describe("questions a respondent was never asked", () => {
  it("a room of 30 on the gating questions beside 8 by link: the index stands, coverage counts what was asked", () => {
    const byLink = room(VERSION, EIGHT, askedAt(3));
    const withPlan: ScoreInput = {
      ...byLink,
      responses: [...byLink.responses, ...participants(30, 3, gating)],
    };
    const withoutPlan: ScoreInput = {
      ...byLink,
      responses: [...byLink.responses, ...participants(30, 3)],
    };
    const asked = score(withPlan);
    const unasked = score(withoutPlan);
    // Without the plan, the 30 participants' unasked questions count against coverage: no index.
    expect(unasked.overall.coverage).toBeLessThan(0.5);
    expect(unasked.overall.score).toBeNull();
    expect(asked.overall.coverage).toBe(1);
    expect(asked.overall.score).not.toBeNull();
  });

  it("an answer outside what was asked still counts", () => {
    const input: ScoreInput = {
      frameworkVersion: VERSION,
      responses: participants(4, 2, gating.slice(0, 2)),
    };
    const result = score(input);
    for (const id of gating) {
      const q = result.questions.find((x) => x.id === id);
      expect(q?.medianLevel, id).toBe(2);
    }
  });

  it("property: `asked` listing every question changes nothing; `asked` never lowers coverage", () => {
    const all = framework.dimensions.flatMap((d) => d.questions.map((q) => q.id));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<AnswerValue | undefined>(0, 1, 2, 3, 4, "dont_know", undefined), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.subarray(all, { minLength: 1 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (levels, subset, seed) => {
          let i = seed;
          const input = room(VERSION, EIGHT, (_q, _d, role, audience) => {
            i = (i * 1103515245 + 12345) % 2 ** 31;
            return audience.includes(role) ? levels[i % levels.length] : undefined;
          });
          if (input.responses.every((r) => Object.keys(r.answers).length === 0)) return;
          const base = score(input);
          const everything = score({
            ...input,
            responses: input.responses.map((r) => ({ ...r, asked: all })),
          });
          expect(everything).toEqual(base);
          const some = score({
            ...input,
            responses: input.responses.map((r) => ({ ...r, asked: subset })),
          });
          expect(some.overall.coverage).toBeGreaterThanOrEqual(base.overall.coverage);
        },
      ),
      { numRuns: 60 },
    );
  });
});
