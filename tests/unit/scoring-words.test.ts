import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework";
import { type ScoreInput, explain, score } from "@/lib/scoring";
import { arbitraryRoom } from "../fixtures/arbitrary-rooms";

// Rule 10 of issue 14, reasons in the client's words (framework 2027.2): every sentence a result
// or its explanation gives names questions by their text and dimensions by their name, never by id.

const VERSION = "2027.2";
const fw = getFramework(VERSION);
const questions = fw.dimensions.flatMap((d) => d.questions);
// Ids a client would not recognise: every question id, and the dimension ids that are not words.
const ids = [
  ...questions.map((q) => q.id),
  ...fw.dimensions.map((d) => d.id).filter((id) => id.includes("_")),
];

const roomArb = arbitraryRoom(VERSION, { maxRespondents: 8, levelWeight: 2 });

function sentences(input: ScoreInput): string[] {
  const result = score(input);
  const why = explain(result);
  return [
    result.readyToScaleReason,
    result.overall.confidenceReason,
    ...result.overall.cappedBy.map((c) => c.reason),
    ...result.diagnostic.map((p) => p.reason),
    ...result.recommendations.flatMap((r) => [r.title, r.why, r.trigger, r.done ?? ""]),
    ...(result.visibilityGaps ?? []).map((g) => g.finding),
    ...why.lines,
  ];
}

describe("rule 10, reasons in the client's words", () => {
  it("no sentence of a 2027.2 result or its explanation names a question or dimension by id", () => {
    fc.assert(
      fc.property(roomArb, (input) => {
        const lines = sentences(input);
        const named = lines.filter((line) => ids.some((id) => line.includes(id)));
        expect(named).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it("a 2027.2 blind spot carries the question's text", () => {
    const result = score({
      frameworkVersion: VERSION,
      responses: [
        { respondent: "a", role: "data", answers: { "data.workflow_audit": "dont_know" } },
      ],
    });
    expect(result.blindSpots[0]).toMatchObject({
      question: "data.workflow_audit",
      text: questions.find((q) => q.id === "data.workflow_audit")?.text,
    });
  });

  it("2027.1 keeps its own wording (closed rounds are not rewritten)", () => {
    const input: ScoreInput = {
      frameworkVersion: "2027.1",
      responses: [
        { respondent: "a", role: "executive", answers: { "ownership.wrong_output_owner": 1 } },
      ],
    };
    const result = score(input);
    expect(result.recommendations[0]?.trigger).toBe("ownership.wrong_output_owner is at level 1");
  });
});
