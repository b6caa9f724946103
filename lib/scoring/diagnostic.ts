import type { Framework } from "../framework";
import type { QuestionAggregate } from "./aggregate";
import { percent, round2, share } from "./numbers";
import type { DiagnosticResult, DiagnosticStatus } from "./types";

function levelText(level: number): string {
  return Number.isInteger(level) ? `level ${level}` : `level ${level} (median between two levels)`;
}

/**
 * A part is unmet as soon as one of its questions is clearly below the partial level; it is
 * unknown when a question has no answer or too many "dont_know" to judge; otherwise it is met
 * only when every question reaches the met level.
 */
export function assessDiagnostic(
  framework: Framework,
  questions: ReadonlyMap<string, QuestionAggregate>,
): DiagnosticResult[] {
  const { metAtLevel, partialAtLevel, unknownAtDontKnowShare } = framework.diagnostic;
  return framework.diagnostic.parts.map((part) => {
    const below: string[] = [];
    const unknown: string[] = [];
    const partial: string[] = [];
    const disputed: string[] = [];
    const details = part.questionIds.map((id) => {
      const q = questions.get(id);
      const result = q?.result;
      const answers = result ? result.levels + result.dontKnow : 0;
      const dontKnowShare = result ? share(result.dontKnow, answers) : 0;
      const medianLevel = result?.medianLevel ?? null;
      // Consultants read these reasons aloud: name the question as respondents saw it.
      const name = q ? `“${q.question.text}”` : id;
      if (medianLevel === null) unknown.push(`${name} has no answer`);
      else if (dontKnowShare >= unknownAtDontKnowShare)
        unknown.push(`${percent(dontKnowShare)} of answers to ${name} are "don't know"`);
      else if (result?.disputed)
        disputed.push(
          `the room splits on ${name} (agreement ${result.agreement}; median ${levelText(medianLevel)})`,
        );
      else if (medianLevel < partialAtLevel) below.push(`${name} is at ${levelText(medianLevel)}`);
      else if (medianLevel < metAtLevel) partial.push(`${name} is at ${levelText(medianLevel)}`);
      return { id, medianLevel, dontKnowShare: round2(dontKnowShare) };
    });

    let status: DiagnosticStatus;
    let reason: string;
    if (below.length > 0) {
      status = "unmet";
      reason = `Unmet: ${[...below, ...unknown, ...partial].join("; ")} (met needs level ${metAtLevel} or above).`;
    } else if (unknown.length > 0) {
      status = "unknown";
      reason = `Unknown: ${[...unknown, ...partial].join("; ")}. Not knowing is itself a gap, so this part is not met.`;
    } else if (disputed.length > 0) {
      status = "disputed";
      reason = `Disputed: ${[...disputed, ...partial].join("; ")}. The median of a split room is a middle nobody answered, so this part is not met until the room agrees a level (a workshop resolves it).`;
    } else if (partial.length > 0) {
      status = "partial";
      reason = `Partial: ${partial.join("; ")} (met needs level ${metAtLevel} or above).`;
    } else {
      status = "met";
      reason = `Met: every question of this part is at level ${metAtLevel} or above.`;
    }
    return { id: part.id, name: part.name, status, reason, questions: details };
  });
}
