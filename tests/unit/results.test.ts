import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getFramework, type AnswerValue, type RespondentRole } from "@/lib/framework";
import { score } from "@/lib/scoring";
import { buildScoreInput, type StoredResponse } from "@/lib/results/input";
import { CorruptSnapshotError, parseStoredInput, parseStoredResult } from "@/lib/results/snapshot";

// lib/results: the score input built from stored rows (pure), and the one parser of stored
// snapshots. A snapshot is JSON: what is written must read back exactly, and a snapshot that
// does not read says which field is wrong.

const framework = getFramework("2027.1");
const questionIds = framework.dimensions.flatMap((d) => d.questions.map((q) => q.id));
const roles: RespondentRole[] = ["executive", "business", "technical", "data"];
const stored: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "1", "2", "3", "4", "dont_know"),
  fc.constantFrom("7", "garbage", ""),
);

const responsesArb: fc.Arbitrary<StoredResponse[]> = fc.array(
  fc.record({
    id: fc.uuid(),
    role: fc.constantFrom(...roles),
    answers: fc
      .uniqueArray(fc.constantFrom(...questionIds), { maxLength: 12 })
      .chain((ids) =>
        fc.tuple(...ids.map((id) => stored.map((value) => ({ questionId: id, value })))),
      ),
  }),
  { minLength: 1, maxLength: 8 },
);

const round = { frameworkVersion: "2027.1", anonymous: false, targets: null };

describe("buildScoreInput", () => {
  it("counts a response only when it has an answer, and names anonymous respondents r1, r2, ...", () => {
    const responses: StoredResponse[] = [
      { id: "a", role: "business", answers: [] },
      { id: "b", role: "data", answers: [{ questionId: questionIds[0]!, value: "3" }] },
      {
        id: "c",
        role: "executive",
        answers: [{ questionId: questionIds[1]!, value: "dont_know" }],
      },
    ];
    const named = buildScoreInput(round, responses, null);
    expect(named.responses.map((r) => r.respondent)).toEqual(["b", "c"]);
    const anonymous = buildScoreInput({ ...round, anonymous: true }, responses, null);
    expect(anonymous.responses.map((r) => r.respondent)).toEqual(["r1", "r2"]);
    expect(anonymous.responses[0]!.answers).toEqual({ [questionIds[0]!]: 3 });
  });

  it("drops a stored value that is not an answer instead of scoring it", () => {
    const input = buildScoreInput(
      round,
      [{ id: "a", role: "business", answers: [{ questionId: questionIds[0]!, value: "7" }] }],
      null,
    );
    expect(input.responses[0]!.answers).toEqual({});
  });

  it("takes the previous round's dimension scores as the baseline only on the same framework version", () => {
    const previous = score({
      frameworkVersion: "2027.1",
      responses: [
        {
          respondent: "x",
          role: "business",
          answers: Object.fromEntries(questionIds.map((id) => [id, 2 as AnswerValue])),
        },
      ],
    });
    const responses: StoredResponse[] = [
      { id: "a", role: "business", answers: [{ questionId: questionIds[0]!, value: "3" }] },
    ];
    const same = buildScoreInput(round, responses, {
      frameworkVersion: "2027.1",
      result: previous,
    });
    expect(Object.keys(same.baseline ?? {})).toHaveLength(previous.dimensions.length);
    const other = buildScoreInput(round, responses, {
      frameworkVersion: "2026.4",
      result: previous,
    });
    expect(other.baseline).toBeUndefined();
  });

  it("gives the same input whatever the order of each response's answers", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const reversed = responses.map((r) => ({ ...r, answers: [...r.answers].reverse() }));
        expect(JSON.stringify(buildScoreInput(round, reversed, null))).toBe(
          JSON.stringify(buildScoreInput(round, responses, null)),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe("parseStoredResult / parseStoredInput", () => {
  it("reads back exactly what scoring wrote, through JSON", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const input = buildScoreInput(round, responses, null);
        fc.pre(input.responses.some((r) => Object.keys(r.answers).length > 0));
        let result;
        try {
          result = score(input, { framework });
        } catch {
          return; // an input scoring refuses (no scorable answer) is not a snapshot
        }
        const stored = JSON.parse(JSON.stringify(result)) as unknown;
        expect(parseStoredResult(stored, "round")).toEqual(result);
        expect(parseStoredInput(JSON.parse(JSON.stringify(input)), "round")).toEqual(input);
      }),
      { numRuns: 40 },
    );
  });

  it("reads a 2027.2 result without an index (null score and stage), and an old one with numbers", () => {
    const one = (version: string) =>
      score({
        frameworkVersion: version,
        responses: [{ respondent: "x", role: "data", answers: { [questionIds[0]!]: 4 } }],
      });
    const withoutIndex = one("2027.2");
    expect(withoutIndex.overall.score).toBeNull();
    const read = parseStoredResult(JSON.parse(JSON.stringify(withoutIndex)), "round");
    expect(read).toEqual(withoutIndex);
    expect(read.overall).toMatchObject({ score: null, stage: null, stageName: null });
    const old = parseStoredResult(JSON.parse(JSON.stringify(one("2027.1"))), "round");
    expect(old.overall).toMatchObject({ score: 100, uncappedStage: 5 });
  });

  it("keeps a field a newer scorer added", () => {
    const result = score({
      frameworkVersion: "2027.1",
      responses: [{ respondent: "x", role: "data", answers: { [questionIds[0]!]: 2 } }],
    });
    const stored = { ...JSON.parse(JSON.stringify(result)), verdict: { kind: "no_go" } };
    expect(parseStoredResult(stored, "round")).toMatchObject({ verdict: { kind: "no_go" } });
  });

  it("names the round and the field when a snapshot does not read", () => {
    const result = score({
      frameworkVersion: "2027.1",
      responses: [{ respondent: "x", role: "data", answers: { [questionIds[0]!]: 2 } }],
    });
    const broken = JSON.parse(JSON.stringify(result)) as { overall: { stage?: unknown } };
    delete broken.overall.stage;
    expect(() => parseStoredResult(broken, "round-7")).toThrow(CorruptSnapshotError);
    expect(() => parseStoredResult(broken, "round-7")).toThrow(/round-7.*overall\.stage/);
    expect(() => parseStoredResult(null, "round-7")).toThrow(CorruptSnapshotError);
  });
});
