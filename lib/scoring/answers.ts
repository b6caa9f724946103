import { type Framework, RESPONDENT_ROLES } from "../framework";
import type { InputProblem, ScoreInput } from "./types";

export const UNANSWERED = -1;
/** Unanswered, and never asked of this respondent (ScoreResponse.asked): not expected either. */
export const NOT_ASKED = -2;
export const DONT_KNOW = 5;
export const NOT_APPLICABLE = 6;

/**
 * The answers as one small integer per (respondent, question), in framework order: a level 0..4,
 * DONT_KNOW, NOT_APPLICABLE, UNANSWERED or NOT_ASKED. Scoring reads this typed array instead of string keys.
 */
export type AnswerMatrix = {
  codes: Int8Array;
  roles: Uint8Array;
  respondents: number;
  questions: number;
};

type CompiledFramework = {
  ids: string[];
  allowNotApplicable: boolean[];
  dimensionIds: Set<string>;
};

const compiled = new WeakMap<Framework, CompiledFramework>();

function compile(fw: Framework): CompiledFramework {
  let c = compiled.get(fw);
  if (!c) {
    const questions = fw.dimensions.flatMap((d) => d.questions);
    c = {
      ids: questions.map((q) => q.id),
      allowNotApplicable: questions.map((q) => q.allowNotApplicable),
      dimensionIds: new Set(fw.dimensions.map((d) => d.id)),
    };
    compiled.set(fw, c);
  }
  return c;
}

/**
 * Reads every answer once, by the framework's question ids, and reports what does not fit:
 * duplicate respondents, unknown question ids, N/A where not allowed, unknown dimension ids in
 * targets or baseline, and an input with nothing to score. Keys are only enumerated to name an
 * unknown id, because enumerating large records is far slower than looking ids up.
 */
export function readAnswers(
  input: ScoreInput,
  fw: Framework,
): { matrix: AnswerMatrix; problems: InputProblem[] } {
  const { ids, allowNotApplicable, dimensionIds } = compile(fw);
  const q = ids.length;
  const { responses } = input;
  const codes = new Int8Array(responses.length * q).fill(UNANSWERED);
  const roles = new Uint8Array(responses.length);
  const problems: InputProblem[] = [];
  const firstSeen = new Map<string, number>();
  let scorable = 0;

  responses.forEach((response, r) => {
    const first = firstSeen.get(response.respondent);
    if (first !== undefined)
      problems.push({
        path: ["responses", r, "respondent"],
        message: `duplicate respondent "${response.respondent}" (first at responses[${first}])`,
      });
    else firstSeen.set(response.respondent, r);
    roles[r] = RESPONDENT_ROLES.indexOf(response.role);

    const { answers } = response;
    const asked = response.asked ? new Set(response.asked) : null;
    let found = 0;
    for (let c = 0; c < q; c += 1) {
      const id = ids[c] as string;
      const answer = answers[id];
      if (answer === undefined) {
        if (asked && !asked.has(id)) codes[r * q + c] = NOT_ASKED;
        continue;
      }
      found += 1;
      if (answer === "not_applicable") {
        if (!allowNotApplicable[c])
          problems.push({
            path: ["responses", r, "answers", id],
            message: `"not_applicable" is not allowed for this question`,
          });
        codes[r * q + c] = NOT_APPLICABLE;
      } else {
        scorable += 1;
        codes[r * q + c] = answer === "dont_know" ? DONT_KNOW : answer;
      }
    }
    if (found !== Object.keys(answers).length) {
      const known = new Set(ids);
      for (const id of Object.keys(answers))
        if (!known.has(id))
          problems.push({
            path: ["responses", r, "answers", id],
            message: `unknown question id in framework ${fw.version}`,
          });
    }
  });

  for (const field of ["targets", "baseline"] as const)
    for (const id of Object.keys(input[field] ?? {}))
      if (!dimensionIds.has(id))
        problems.push({
          path: [field, id],
          message: `unknown dimension id in framework ${fw.version}`,
        });

  if (problems.length === 0 && scorable === 0)
    problems.push({
      path: ["responses"],
      message: 'no answer to score: every question is unanswered or "not_applicable"',
    });
  return { matrix: { codes, roles, respondents: responses.length, questions: q }, problems };
}
