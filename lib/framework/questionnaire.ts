import type { Dimension, Framework, Question, RespondentRole } from "./schema";

/**
 * What the questionnaire asks a respondent in `role`: the dimensions in framework order, each with
 * only the questions whose audience includes the role. Scoring still accepts any answer from any
 * role; this only decides what is shown.
 */
export function questionnaireFor(
  framework: Framework,
  role: RespondentRole,
): (Omit<Dimension, "questions"> & { questions: Question[] })[] {
  return framework.dimensions
    .map((d) => ({ ...d, questions: d.questions.filter((q) => q.audience.includes(role)) }))
    .filter((d) => d.questions.length > 0);
}
