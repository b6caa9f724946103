import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESPONDENT_ROLES, getFramework } from "@/lib/framework";
import { type ScoreInput, score, shortList } from "@/lib/scoring";
import { arbitraryRoom } from "../fixtures/arbitrary-rooms";

// Rule 9 of issue 14, "blockers first" (framework 2027.2): what blocks scaling is never dropped
// from the recommendations nor from the short lists, and every recommendation says when it is done.

const VERSION = "2027.2";
const fw = getFramework(VERSION);
const questions = fw.dimensions.flatMap((d) => d.questions);
const READY_STAGE = 3;

const roomArb = arbitraryRoom(VERSION, { maxRespondents: 8 });

/** Every blocker of a result: the diagnostic parts not met, the gates capping below stage 3. */
function blockerKeys(result: ReturnType<typeof score>): Set<string> {
  return new Set([
    ...result.diagnostic.filter((p) => p.status !== "met").map((p) => `diagnostic.${p.id}`),
    ...result.overall.cappedBy
      .filter((c) => c.capsAt < READY_STAGE && c.rule !== "diagnostic_not_met")
      .map((c) => c.rule),
  ]);
}

describe("rule 9, blockers first", () => {
  it("a recommendation on a question of a part that is not met is kept and flagged, whatever the limit", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        // Score the same room with the three-per-dimension limit at one: blockers still stay.
        const tight = score(input, {
          framework: { ...fw, rules: { ...fw.rules, recommendationsPerDimension: 1 } },
        });
        for (const r of [result, tight]) {
          const open = r.diagnostic.filter((p) => p.status !== "met");
          for (const part of open)
            for (const q of part.questions) {
              const fires = fw.recommendations.some(
                (rec) =>
                  rec.appliesTo.kind === "question" &&
                  rec.appliesTo.questionId === q.id &&
                  q.medianLevel !== null &&
                  Math.floor(q.medianLevel) >= rec.appliesTo.levels.min &&
                  Math.floor(q.medianLevel) <= rec.appliesTo.levels.max &&
                  (r.dimensions.find((d) => d.id === q.id.split(".")[0])?.target ?? 70) >
                    (r.questions.find((x) => x.id === q.id)?.score ?? 100),
              );
              if (!fires) continue;
              const kept = r.recommendations.filter((rec) => rec.questionId === q.id);
              expect(kept.length).toBeGreaterThan(0);
              for (const rec of kept) {
                expect(rec.blocksScaling).toBe(true);
                expect(rec.unblocks).toContain(`diagnostic.${part.id}`);
              }
            }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the data audit is never dropped by the per-dimension limit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...RESPONDENT_ROLES), { minLength: 1, maxLength: 6 }),
        (roles) => {
          // Every data question low, so six data recommendations compete for one place.
          const input: ScoreInput = {
            frameworkVersion: VERSION,
            responses: roles.map((role, i) => ({
              respondent: `r${i}`,
              role,
              answers: Object.fromEntries(
                questions.map((q) => [q.id, q.id.startsWith("data.") ? 0 : 4] as const),
              ),
            })),
          };
          const tight = score(input, {
            framework: { ...fw, rules: { ...fw.rules, recommendationsPerDimension: 1 } },
          });
          expect(tight.recommendations.map((r) => r.id)).toContain("rec.data.workflow_audit");
        },
      ),
      { numRuns: 20 },
    );
  });

  it("a short list of any length carries something that unblocks each blocker that has a recommendation", () => {
    fc.assert(
      fc.property(roomArb, fc.integer({ min: 1, max: 8 }), (input, limit) => {
        const result = score(input);
        const list = shortList(result.recommendations, limit);
        const reachable = new Set(result.recommendations.flatMap((r) => r.unblocks ?? []));
        for (const key of blockerKeys(result)) {
          if (!reachable.has(key)) continue;
          expect(list.some((r) => r.unblocks?.includes(key))).toBe(true);
        }
        expect(list.length).toBeGreaterThanOrEqual(Math.min(limit, result.recommendations.length));
        // Priority order, no repeats.
        expect(list.map((r) => r.priority)).toEqual(
          [...list.map((r) => r.priority)].sort((a, b) => a - b),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("a recommendation is flagged 'blocks scaling' only when it unblocks something that blocks", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        const keys = blockerKeys(result);
        for (const rec of result.recommendations) {
          expect(rec.blocksScaling).toBe((rec.unblocks ?? []).length > 0);
          for (const k of rec.unblocks ?? []) {
            // A gate that tripped but did not lower the stage still blocks when it caps below 3.
            if (k.startsWith("diagnostic.")) expect(keys.has(k)).toBe(true);
          }
        }
        if (result.readyToScale)
          expect(result.recommendations.every((r) => !r.blocksScaling)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the demo's case: five redesign steps hid the missing owner", () => {
  it("with redesign, leadership and ownership all low, the top five still names the accountable owner", () => {
    const input: ScoreInput = {
      frameworkVersion: VERSION,
      responses: RESPONDENT_ROLES.flatMap((role) =>
        [0, 1].map((i) => ({
          respondent: `${role}${i}`,
          role,
          answers: Object.fromEntries(
            questions.map((q) => {
              const d = q.id.split(".")[0];
              const low =
                d === "workflow_redesign" ||
                d === "leadership" ||
                q.id === "ownership.wrong_output_owner";
              return [q.id, low ? 1 : 3] as const;
            }),
          ),
        })),
      ),
    };
    const result = score(input);
    const byPriority = [...result.recommendations].sort((a, b) => a.priority - b.priority);
    // Without the rule, the first five are all step 1 (redesign the workflow).
    expect(byPriority.slice(0, 5).every((r) => r.step === 1)).toBe(true);
    const top = shortList(result.recommendations, 5);
    expect(top).toHaveLength(5);
    expect(top.map((r) => r.id)).toContain("rec.ownership.name_accountable_owner");
    expect(top.find((r) => r.id === "rec.ownership.name_accountable_owner")?.unblocks).toEqual(
      expect.arrayContaining(["diagnostic.ownership", "critical_question_low"]),
    );
  });
});

describe("every 2027.2 recommendation", () => {
  it("has a definition of done", () => {
    for (const rec of fw.recommendations) expect(rec.done, rec.id).toBeTruthy();
  });

  it("covers every question: none is left without a recommendation", () => {
    const covered = new Set(
      fw.recommendations.flatMap((r) =>
        r.appliesTo.kind === "question" ? [r.appliesTo.questionId] : [],
      ),
    );
    expect(questions.filter((q) => !covered.has(q.id)).map((q) => q.id)).toEqual([]);
  });

  it("a result carries the definition of done of each recommendation it makes", () => {
    const input: ScoreInput = {
      frameworkVersion: VERSION,
      responses: [
        {
          respondent: "a",
          role: "technical",
          answers: Object.fromEntries(questions.map((q) => [q.id, 1] as const)),
        },
      ],
    };
    const result = score(input);
    expect(result.recommendations.length).toBeGreaterThan(0);
    for (const rec of result.recommendations) expect(rec.done).toBeTruthy();
  });
});
