import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RESPONDENT_ROLES,
  type RespondentRole,
  getFramework,
  unobservedDecidingQuestions,
} from "@/lib/framework";
import { type ScoreInput, score } from "@/lib/scoring";
import { room } from "../fixtures/rooms";
import { arbitraryRoom } from "../fixtures/arbitrary-rooms";

// Rule 8 of issue 14, "don't know" from people who cannot know (framework 2027.2): where a
// practice's observers rated it, other roles' "don't know" is a visibility gap, not an absence;
// a recommendation driven by "don't know" says "find out", not "build".

const VERSION = "2027.2";
const fw = getFramework(VERSION);
const questions = fw.dimensions.flatMap((d) => d.questions);
const observed = questions.filter((q) => q.observers);

const roomArb = arbitraryRoom(VERSION, { maxRespondents: 7, levelWeight: 2 });

const observerGaveLevel = (
  input: ScoreInput,
  questionId: string,
  observers: readonly RespondentRole[],
) =>
  input.responses.some(
    (r) => observers.includes(r.role) && typeof r.answers[questionId] === "number",
  );

describe("rule 8, don't know from people who cannot know", () => {
  it("every technical question of 2027.2 names the roles that can observe it", () => {
    expect(observed.map((q) => q.id)).toEqual(
      expect.arrayContaining([
        "monitoring.before_go_live",
        "data.governance_practices",
        "integration.time_to_production",
      ]),
    );
    for (const q of observed) expect(q.observers?.length).toBeGreaterThan(0);
  });

  it("adding non-observers who do not know never moves a practice its observers rated", () => {
    fc.assert(
      fc.property(
        roomArb,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<RespondentRole>("executive", "business"),
        (input, k, role) => {
          const extra: ScoreInput = {
            ...input,
            responses: [
              ...input.responses,
              ...Array.from({ length: k }, (_, i) => ({
                respondent: `x${i}`,
                role,
                answers: Object.fromEntries(observed.map((q) => [q.id, "dont_know"] as const)),
              })),
            ],
          };
          const before = score(input);
          const after = score(extra);
          for (const q of observed) {
            if (q.observers?.includes(role) || !observerGaveLevel(input, q.id, q.observers ?? []))
              continue;
            const b = before.questions.find((x) => x.id === q.id);
            const a = after.questions.find((x) => x.id === q.id);
            expect(a?.score).toBe(b?.score);
            expect(a?.dontKnow).toBe(b?.dontKnow);
            const gap = after.visibilityGaps?.find((g) => g.question === q.id);
            expect(gap?.dontKnowBy[role]).toBeGreaterThanOrEqual(k);
            expect(gap?.finding).toContain(q.text);
            expect(gap?.finding).not.toContain(q.id);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a visibility gap is reported only where an observer gave a level", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        for (const gap of result.visibilityGaps ?? []) {
          expect(observerGaveLevel(input, gap.question, gap.observers)).toBe(true);
          for (const role of Object.keys(gap.dontKnowBy)) expect(gap.observers).not.toContain(role);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a recommendation driven by don't know says find out, never build", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        for (const rec of result.recommendations) {
          const q = result.questions.find((x) => x.id === rec.questionId);
          if (!q) continue;
          const unknown =
            q.dontKnow / (q.levels + q.dontKnow) >= fw.diagnostic.unknownAtDontKnowShare;
          expect(rec.action).toBe(unknown ? "find_out" : "build");
          if (unknown) {
            expect(rec.title).toMatch(/^Find out where/);
            expect(rec.done).toMatch(/"don't know"/);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the round form's note on deciding questions nobody in the round can observe", () => {
  it("lists the observed deciding questions some role is asked but no observer is there", () => {
    fc.assert(
      fc.property(fc.subarray([...RESPONDENT_ROLES], { minLength: 1 }), (roles) => {
        const listed = new Set(unobservedDecidingQuestions(fw, roles).map((q) => q.id));
        const partQuestions = new Set(fw.diagnostic.parts.flatMap((p) => p.questionIds));
        for (const q of questions) {
          const deciding = q.critical || partQuestions.has(q.id);
          const expected =
            deciding &&
            q.observers !== undefined &&
            q.audience.some((r) => roles.includes(r)) &&
            !q.observers.some((r) => roles.includes(r));
          expect(listed.has(q.id), q.id).toBe(expected);
        }
      }),
    );
  });

  it("executives and business respondents alone cannot observe monitoring before go-live", () => {
    expect(unobservedDecidingQuestions(fw, ["executive", "business"]).map((q) => q.id)).toEqual([
      "monitoring.before_go_live",
      "monitoring.output_quality_tracking",
      "data.governance_practices",
    ]);
    expect(unobservedDecidingQuestions(fw, ["executive", "technical"])).toEqual([]);
  });
});

describe("case 7: three executives do not know what technical respondents rate 4", () => {
  const roles: RespondentRole[] = [
    "executive",
    "executive",
    "executive",
    "technical",
    "technical",
    "technical",
  ];
  const answer = (
    q: string,
    _d: string,
    role: RespondentRole,
    audience: readonly RespondentRole[],
  ) =>
    !audience.includes(role)
      ? undefined
      : role === "executive" && observed.some((o) => o.id === q)
        ? ("dont_know" as const)
        : (4 as const);
  const before = score(room("2027.1", roles, answer));
  const after = score(room("2027.2", roles, answer));

  it("2027.1 read their don't know as absence: monitoring unknown, stage 2, build monitoring", () => {
    expect(before.overall).toMatchObject({ score: 93.7, stage: 2 });
    expect(before.diagnostic.find((p) => p.id === "monitoring")?.status).toBe("unknown");
    expect(before.readyToScale).toBe(false);
    expect(before.recommendations.map((r) => r.id)).toContain("rec.monitoring.before_go_live");
  });

  it("2027.2 scores what the observers see, and reports what executives cannot see", () => {
    expect(after.overall).toMatchObject({ score: 100, stage: 5 });
    expect(after.diagnostic.every((p) => p.status === "met")).toBe(true);
    expect(after.readyToScale).toBe(true);
    expect(after.recommendations).toEqual([]);
    const monitoring = after.visibilityGaps?.find(
      (g) => g.question === "monitoring.before_go_live",
    );
    expect(monitoring).toMatchObject({ dontKnowBy: { executive: 3 }, medianLevel: 4 });
    expect(monitoring?.finding).toMatch(
      /^3 executive respondents answered "don't know" to “For the workflow you plan to scale/,
    );
    expect(after.visibilityGaps).toHaveLength(5);
  });

  it("with nobody who can observe it, the same don't know asks to find out, not to build", () => {
    const blind = score(
      room("2027.2", ["executive", "executive", "executive", "business"], answer),
    );
    const rec = blind.recommendations.find((r) => r.id === "rec.monitoring.before_go_live");
    expect(rec?.action).toBe("find_out");
    expect(rec?.title).toBe(
      "Find out where “For the workflow you plan to scale, is monitoring of the AI built and tested before go-live, not after?” stands before building anything",
    );
    expect(blind.visibilityGaps).toEqual([]);
  });
});
