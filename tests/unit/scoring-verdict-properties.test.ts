import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnswerValue,
  RESPONDENT_ROLES,
  getFramework,
  unaskedDecidingQuestions,
} from "@/lib/framework";
import { score } from "@/lib/scoring";
import { room } from "../fixtures/rooms";
import { arbitraryRoom } from "../fixtures/arbitrary-rooms";

// Properties of framework 2027.2's verdict rules (issue 14), over generated rooms.

const VERSION = "2027.2";
const fw = getFramework(VERSION);
const questions = fw.dimensions.flatMap((d) => d.questions);
const gapDimensions = fw.dimensions.filter((d) => d.kind === "gap").map((d) => d.id);

const levelArb = fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4);

/** Any room of 1 to 9 respondents answering anything, under 2027.2. */
const roomArb = arbitraryRoom(VERSION, { maxRespondents: 9, notApplicable: true, scorable: true });

const rolesArb = fc.array(fc.constantFrom(...RESPONDENT_ROLES), { minLength: 1, maxLength: 8 });

describe("rule 1, no missing link", () => {
  it("any gap dimension below 40, everything else at level 4: never ready, never above stage 2", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...gapDimensions),
        fc.constantFrom<AnswerValue>(0, 1),
        rolesArb,
        (weak, level, roles) => {
          const result = score(room(VERSION, roles, (_q, d) => (d === weak ? level : 4)));
          expect(result.readyToScale).toBe(false);
          expect(result.overall.stage).toBeLessThanOrEqual(2);
          const name = fw.dimensions.find((d) => d.id === weak)?.name ?? weak;
          expect(result.readyToScaleReason).toContain(name);
        },
      ),
    );
  });

  it("in any room, a gap dimension scoring below 40 keeps the stage at 2 or below", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        const weak = result.dimensions.some(
          (d) => d.kind === "gap" && d.score !== null && d.score < 40,
        );
        if (weak) {
          expect(result.readyToScale).toBe(false);
          expect(result.overall.stage ?? 0).toBeLessThanOrEqual(2);
          expect(result.overall.cappedBy.some((c) => c.rule === "missing_link")).toBe(
            (result.overall.uncappedStage ?? 0) > 2,
          );
        }
      }),
    );
  });
});

describe("rule 2, redesign first", () => {
  it("workflow redesign below 50 is never ready and never at or above 'Ready to scale'", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        const redesign = result.dimensions.find((d) => d.id === "workflow_redesign")?.score;
        if (redesign === undefined || redesign === null || redesign >= 50) return;
        expect(result.readyToScale).toBe(false);
        const ready = fw.stages.find((s) => s.name === "Ready to scale")?.stage ?? 3;
        expect(result.overall.stage ?? 0).toBeLessThan(ready);
      }),
    );
  });
});

describe("rule 5, no index without evidence", () => {
  it("under 50% of the expected answers: no index, no stage, not ready, and the reason says so", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        const { overall } = result;
        if (overall.coverage < 0.5) {
          expect(overall).toMatchObject({ score: null, stage: null, uncappedStage: null });
          expect(overall.cappedBy).toEqual([]);
          expect(result.readyToScale).toBe(false);
          expect(result.readyToScaleReason).toContain("Not enough answers yet");
        } else {
          expect(overall.score).not.toBeNull();
          expect(overall.stage).not.toBeNull();
        }
      }),
    );
  });

  it("one respondent answering a handful of questions never gets an index", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESPONDENT_ROLES),
        fc.subarray(questions, { minLength: 1, maxLength: 5 }),
        levelArb,
        (role, asked, level) => {
          const answers = Object.fromEntries(asked.map((q) => [q.id, level]));
          const result = score({
            frameworkVersion: VERSION,
            responses: [{ respondent: "r1", role, answers }],
          });
          expect(result.overall.score).toBeNull();
          expect(result.readyToScale).toBe(false);
        },
      ),
    );
  });
});

describe("rule 3, unanswered is unknown", () => {
  const critical = questions.filter((q) => q.critical).map((q) => q.id);
  const diagnosticQuestions = new Map(
    fw.diagnostic.parts.flatMap((p) => p.questionIds.map((id) => [id, p.id] as const)),
  );

  it("a critical question with no answers never passes its gate", () => {
    fc.assert(
      fc.property(roomArb, fc.constantFrom(...critical), (input, dropped) => {
        const responses = input.responses.map((r) => {
          const answers = { ...r.answers };
          delete answers[dropped];
          return { ...r, answers };
        });
        const result = score({ ...input, responses });
        expect(result.readyToScale).toBe(false);
        expect(result.overall.stage ?? 0).toBeLessThanOrEqual(2);
        const part = diagnosticQuestions.get(dropped);
        if (part) expect(result.diagnostic.find((p) => p.id === part)?.status).not.toBe("met");
      }),
    );
  });

  it("everything at level 4 but one critical question unanswered: never ready, stage 2 at most", () => {
    fc.assert(
      fc.property(rolesArb, fc.constantFrom(...critical), (roles, dropped) => {
        const result = score(room(VERSION, roles, (q) => (q === dropped ? undefined : 4)));
        expect(result.readyToScale).toBe(false);
        expect(result.overall.stage ?? 0).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("the round form's list holds exactly the deciding questions none of the roles is asked", () => {
    fc.assert(
      fc.property(fc.subarray([...RESPONDENT_ROLES]), (roles) => {
        const listed = new Set(unaskedDecidingQuestions(fw, roles).map((q) => q.id));
        for (const q of questions) {
          const deciding = q.critical || diagnosticQuestions.has(q.id);
          const asked = q.audience.some((role) => roles.includes(role));
          expect(listed.has(q.id)).toBe(deciding && !asked);
        }
      }),
    );
  });
});

describe("rule 4, like-for-like perception gaps", () => {
  const pairArb = fc
    .uniqueArray(fc.constantFrom(...RESPONDENT_ROLES), { minLength: 2, maxLength: 2 })
    .map(([a, b]) => [a!, b!] as const);

  it("two roles with identical answers on their shared questions never show a gap", () => {
    fc.assert(
      fc.property(
        pairArb,
        fc.tuple(...questions.map(() => levelArb)),
        fc.tuple(...questions.map(() => levelArb)),
        fc.integer({ min: 1, max: 3 }),
        (pair, agreed, other, perRole) => {
          const [a, b] = pair;
          const roles = [...Array(perRole).fill(a), ...Array(perRole).fill(b)];
          const index = new Map(questions.map((q, i) => [q.id, i]));
          const result = score(
            room(VERSION, roles, (q, _d, role, audience) => {
              if (!audience.includes(role)) return undefined;
              const i = index.get(q) ?? 0;
              const shared = audience.includes(a) && audience.includes(b);
              // Shared questions: both roles give the same level. Others: anything, by role.
              return shared ? agreed[i] : role === a ? agreed[i] : other[i];
            }),
          );
          const between = result.perceptionGaps.filter(
            (g) => [g.higherRole, g.lowerRole].sort().join() === [a, b].sort().join(),
          );
          expect(between).toEqual([]);
        },
      ),
    );
  });

  it("every gap says how many questions both roles answered, at least two", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        for (const gap of score(input).perceptionGaps) {
          expect(gap.sharedQuestions).toBeGreaterThanOrEqual(2);
          expect(gap.points).toBeGreaterThanOrEqual(20);
        }
      }),
    );
  });
});

describe("rule 6, a split room is not a middle", () => {
  const decidingIds = [
    ...new Set([
      ...questions.filter((q) => q.critical).map((q) => q.id),
      ...fw.diagnostic.parts.flatMap((p) => p.questionIds),
    ]),
  ];

  it("a deciding question split between level 1 or below and 3 or above is disputed: never met, never high confidence", () => {
    fc.assert(
      fc.property(
        rolesArb.filter((r) => r.length >= 2),
        fc.constantFrom(...decidingIds),
        fc.constantFrom<AnswerValue>(0, 1),
        fc.constantFrom<AnswerValue>(3, 4),
        (roles, split, low, high) => {
          const input = room(VERSION, roles, (q) => (q === split ? undefined : 4));
          input.responses.forEach((r, i) => {
            r.answers[split] = i % 2 === 0 ? high : low;
          });
          const result = score(input);
          const q = result.questions.find((x) => x.id === split);
          if (q?.agreement === null || (q?.agreement ?? 1) >= 0.5) return;
          expect(q?.disputed).toBe(true);
          expect(result.overall.confidence).not.toBe("high");
          const part = fw.diagnostic.parts.find((p) => p.questionIds.includes(split));
          if (part) expect(result.diagnostic.find((p) => p.id === part.id)?.status).not.toBe("met");
        },
      ),
    );
  });

  it("in any room, a disputed question holds confidence below high", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        if (result.questions.some((q) => q.disputed))
          expect(result.overall.confidence).not.toBe("high");
      }),
    );
  });
});

describe("rule 7, confidence looks at the questions that decide", () => {
  const gating = new Set([
    ...questions.filter((q) => q.critical).map((q) => q.id),
    ...fw.diagnostic.parts.flatMap((p) => p.questionIds),
    ...fw.gates.flatMap((g) => (g.kind === "question_below" ? [g.questionId] : [])),
  ]);

  it("low agreement on any gating question holds confidence below high, and names the question", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const result = score(input);
        const low = result.questions.filter(
          (q) => gating.has(q.id) && q.agreement !== null && q.agreement < 0.75,
        );
        if (low.length === 0) return;
        expect(result.overall.confidence).not.toBe("high");
        if (result.overall.confidence === "medium") {
          const text = questions.find((q) => q.id === low[0]!.id)?.text ?? "";
          expect(result.overall.confidenceReason).toContain(text);
        }
      }),
    );
  });

  it("a large room agreeing everywhere but on one gating question is not highly confident", () => {
    fc.assert(
      fc.property(fc.constantFrom(...gating), fc.integer({ min: 6, max: 10 }), (id, n) => {
        const roles = Array.from({ length: n }, (_, i) => RESPONDENT_ROLES[i % 4]!);
        const input = room(VERSION, roles, (q) => (q === id ? undefined : 4));
        // Two thirds at level 4, a third at level 2: agreement on the question is below 0.75.
        input.responses.forEach((r, i) => {
          r.answers[id] = i % 3 === 0 ? 2 : 4;
        });
        const result = score(input);
        expect(result.overall.confidence).toBe("medium");
        expect(result.overall.confidenceReason).toContain("which decides the verdict");
      }),
    );
  });
});
