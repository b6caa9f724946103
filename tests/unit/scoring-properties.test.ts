import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnswerValue,
  RESPONDENT_ROLES,
  type RespondentRole,
  getFramework,
} from "@/lib/framework";
import { type ScoreInput, type ScoreResponse, type ScoreResult, score } from "@/lib/scoring";

const fw = getFramework("2027.1");
const questions = fw.dimensions.flatMap((d) => d.questions);
const dimensionOf = new Map(fw.dimensions.flatMap((d) => d.questions.map((q) => [q.id, d.id])));

const levelArb = fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4);

/** An answer, or undefined for "left unanswered"; N/A only where the question allows it. */
function answerArb(allowNotApplicable: boolean): fc.Arbitrary<AnswerValue | undefined> {
  const options: fc.Arbitrary<AnswerValue | undefined>[] = [
    levelArb,
    levelArb,
    levelArb,
    fc.constant<AnswerValue>("dont_know"),
    fc.constant(undefined),
  ];
  if (allowNotApplicable) options.push(fc.constant<AnswerValue>("not_applicable"));
  return fc.oneof(...options);
}

const answersArb: fc.Arbitrary<Record<string, AnswerValue>> = fc
  .tuple(...questions.map((q) => answerArb(q.allowNotApplicable)))
  .map((values) => {
    const out: Record<string, AnswerValue> = {};
    values.forEach((v, i) => {
      const q = questions[i];
      if (q && v !== undefined) out[q.id] = v;
    });
    return out;
  });

const inputArb: fc.Arbitrary<ScoreInput> = fc
  .array(fc.tuple(fc.constantFrom(...RESPONDENT_ROLES), answersArb), { minLength: 1, maxLength: 7 })
  .map((rows) => ({
    frameworkVersion: "2027.1",
    responses: rows.map(([role, answers], i) => ({ respondent: `r${i}`, role, answers })),
  }))
  // The one input score() refuses by design: nothing at all to score.
  .filter((input) =>
    input.responses.some((r) => Object.values(r.answers).some((a) => a !== "not_applicable")),
  );

/** A same-valued input whose respondents and answer keys come in another order. */
function reorder(input: ScoreInput, seed: number): ScoreInput {
  const rng = mulberry32(seed);
  const shuffle = <T>(items: T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    ...input,
    responses: shuffle(input.responses).map((r) => ({
      ...r,
      answers: Object.fromEntries(shuffle(Object.entries(r.answers))),
    })),
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withAnswer(
  input: ScoreInput,
  responseIndex: number,
  questionId: string,
  answer: AnswerValue,
): ScoreInput {
  return {
    ...input,
    responses: input.responses.map((r, i) =>
      i === responseIndex ? { ...r, answers: { ...r.answers, [questionId]: answer } } : r,
    ),
  };
}

/** The answered (response, question) pairs, for picking one to change. */
function answeredCells(
  input: ScoreInput,
): { index: number; question: string; answer: AnswerValue }[] {
  return input.responses.flatMap((r, index) =>
    Object.entries(r.answers).map(([question, answer]) => ({ index, question, answer })),
  );
}

const dimScore = (result: ScoreResult, id: string | undefined) =>
  result.dimensions.find((d) => d.id === id)?.score ?? null;

function everyone(
  answer: (questionId: string) => AnswerValue,
  roles: RespondentRole[],
): ScoreInput {
  const responses: ScoreResponse[] = roles.map((role, i) => ({
    respondent: `r${i}`,
    role,
    answers: Object.fromEntries(questions.map((q) => [q.id, answer(q.id)])),
  }));
  return { frameworkVersion: "2027.1", responses };
}

const rolesArb = fc.array(fc.constantFrom(...RESPONDENT_ROLES), { minLength: 1, maxLength: 6 });

describe("scoring properties", () => {
  it("gives byte-identical output for the same input", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(JSON.stringify(score(structuredClone(input)))).toBe(JSON.stringify(score(input)));
      }),
    );
  });

  it("does not depend on the order of respondents or of answer keys", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        expect(JSON.stringify(score(reorder(input, seed)))).toBe(JSON.stringify(score(input)));
      }),
    );
  });

  it("keeps scores within 0..100 and stages within 1..5, never above the uncapped stage", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = score(input);
        const scores = [
          result.overall.score,
          ...result.dimensions.flatMap((d) => [d.score, ...Object.values(d.byRole)]),
          ...result.questions.map((q) => q.score),
        ].filter((s): s is number => s !== null);
        for (const s of scores) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        for (const stage of [result.overall.stage, result.overall.uncappedStage]) {
          expect(stage).toBeGreaterThanOrEqual(1);
          expect(stage).toBeLessThanOrEqual(5);
        }
        // 2027.1 always gives an index and a stage (only 2027.2 withholds them without evidence).
        expect(result.overall.stage!).toBeLessThanOrEqual(result.overall.uncappedStage!);
        for (const share of [result.overall.coverage, result.overall.blindSpotShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("never lowers a dimension or the overall score when one answer is raised", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.integer({ min: 1, max: 4 }), (input, pick, step) => {
        const cells = answeredCells(input).filter(
          (c) => c.answer === "dont_know" || (typeof c.answer === "number" && c.answer < 4),
        );
        fc.pre(cells.length > 0);
        const cell = cells[pick % cells.length];
        if (!cell) return;
        const from = cell.answer === "dont_know" ? 0 : (cell.answer as number);
        const raised = Math.min(4, from + step) as AnswerValue;
        const before = score(input);
        const after = score(withAnswer(input, cell.index, cell.question, raised));
        const dimension = dimensionOf.get(cell.question);
        expect(dimScore(after, dimension) ?? 0).toBeGreaterThanOrEqual(
          dimScore(before, dimension) ?? 0,
        );
        expect(after.overall.score!).toBeGreaterThanOrEqual(before.overall.score!);
      }),
    );
  });

  it("never raises any score when an answer becomes dont_know", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const cells = answeredCells(input).filter((c) => c.answer !== "dont_know");
        fc.pre(cells.length > 0);
        const cell = cells[pick % cells.length];
        if (!cell) return;
        const before = score(input);
        const after = score(withAnswer(input, cell.index, cell.question, "dont_know"));
        expect(after.overall.score!).toBeLessThanOrEqual(before.overall.score!);
        for (const d of before.dimensions)
          expect(dimScore(after, d.id) ?? 0).toBeLessThanOrEqual(d.score ?? 100);
        const q = (r: ScoreResult) => r.questions.find((x) => x.id === cell.question)?.score;
        expect(q(after) ?? 0).toBeLessThanOrEqual(q(before) ?? 100);
      }),
    );
  });

  it("scores 100 at stage 5 when every answer is the top level", () => {
    fc.assert(
      fc.property(rolesArb, (roles) => {
        const result = score(everyone(() => 4, roles));
        expect(result.overall).toMatchObject({ score: 100, stage: 5, cappedBy: [] });
        expect(result.readyToScale).toBe(true);
      }),
    );
  });

  it("scores 0 at stage 1 when every answer is level 0", () => {
    fc.assert(
      fc.property(rolesArb, (roles) => {
        const result = score(everyone(() => 0, roles));
        expect(result.overall).toMatchObject({ score: 0, stage: 1 });
        expect(result.readyToScale).toBe(false);
        for (const d of result.dimensions) expect(d.score).toBe(0);
      }),
    );
  });

  it("gives every capped stage a rule and a reason", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { overall } = score(input);
        if (overall.stage! < overall.uncappedStage!) {
          expect(overall.cappedBy.length).toBeGreaterThan(0);
          expect(Math.min(...overall.cappedBy.map((c) => c.capsAt))).toBe(overall.stage);
        } else expect(overall.cappedBy).toEqual([]);
        for (const cap of overall.cappedBy) {
          expect(cap.rule).toMatch(/^[a-z_]+$/);
          expect(cap.reason).toMatch(/^Stage capped at \d because .{20,}/);
        }
      }),
    );
  });

  it("stays at stage 2 or below and not ready to scale while any diagnostic part is not met", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = score(input);
        if (result.diagnostic.some((p) => p.status !== "met")) {
          expect(result.overall.stage).toBeLessThanOrEqual(2);
          expect(result.readyToScale).toBe(false);
        }
        if (result.readyToScale)
          expect(result.diagnostic.every((p) => p.status === "met")).toBe(true);
      }),
    );
  });

  it("stays at stage 2 or below while strong answers leave one diagnostic part unmet", () => {
    const diagnosticIds = fw.diagnostic.parts.flatMap((p) => p.questionIds);
    fc.assert(
      fc.property(
        rolesArb,
        fc.constantFrom(...diagnosticIds),
        fc.constantFrom<AnswerValue>(0, 1),
        (roles, weakQuestion, weakLevel) => {
          const result = score(everyone((id) => (id === weakQuestion ? weakLevel : 4), roles));
          expect(result.diagnostic.some((p) => p.status === "unmet")).toBe(true);
          expect(result.overall.uncappedStage).toBe(5);
          expect(result.overall.stage).toBeLessThanOrEqual(2);
          expect(result.readyToScale).toBe(false);
        },
      ),
    );
  });
});
