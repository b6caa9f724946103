import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnswerValue, RESPONDENT_ROLES, getFramework } from "@/lib/framework";
import { type ScoreInput, score } from "@/lib/scoring";

// Closed rounds keep the framework version they were scored with, and their snapshots are
// immutable: re-scoring an old round's stored input must give the same result, byte for byte,
// whatever later versions change. These fingerprints were taken before framework 2027.2's rules
// were added; a change that alters them changes history and belongs in a new framework version.
// The explanation is not pinned: it is written when a result is read, never stored, so clearer
// words (names instead of ids) reach old rounds too.

function inputsFor(version: string, seed: number, count: number): ScoreInput[] {
  const questions = getFramework(version).dimensions.flatMap((d) => d.questions);
  const answer = (allowNotApplicable: boolean) =>
    fc.oneof(
      fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4),
      fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4),
      fc.constant<AnswerValue>("dont_know"),
      fc.constant(undefined),
      fc.constant<AnswerValue | undefined>(allowNotApplicable ? "not_applicable" : undefined),
    );
  const answers = fc.tuple(...questions.map((q) => answer(q.allowNotApplicable))).map((values) => {
    const out: Record<string, AnswerValue> = {};
    values.forEach((v, i) => {
      const q = questions[i];
      if (q && v !== undefined) out[q.id] = v;
    });
    return out;
  });
  const room = fc
    .array(fc.tuple(fc.constantFrom(...RESPONDENT_ROLES), answers), { minLength: 1, maxLength: 9 })
    .map((rows): ScoreInput => ({
      frameworkVersion: version,
      responses: rows.map(([role, a], i) => ({ respondent: `r${i}`, role, answers: a })),
    }))
    .filter((input) =>
      input.responses.some((r) => Object.values(r.answers).some((a) => a !== "not_applicable")),
    );
  return fc.sample(room, { seed, numRuns: count });
}

function fingerprint(version: string): string {
  const hash = createHash("sha256");
  for (const input of inputsFor(version, 20270, 150)) {
    const result = score(input);
    hash.update(JSON.stringify(result));
  }
  return hash.digest("hex");
}

describe("results of earlier framework versions", () => {
  it("2026.4 re-scores exactly as it did before 2027.2", () => {
    expect(fingerprint("2026.4")).toBe(
      "8f697bb426bdf9a72d34c934bc53216277c66b9d4b7fccc491ce470ccc230296",
    );
  });

  it("2027.1 re-scores exactly as it did before 2027.2", () => {
    expect(fingerprint("2027.1")).toBe(
      "74b0481c404cf79930950c431e0344f42d4b5661e3bc2055df4ede2cea3e0cd5",
    );
  });
});
