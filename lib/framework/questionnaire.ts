import type { Framework, RespondentRole } from "./schema";

export type UnaskedQuestion = {
  id: string;
  text: string;
  dimension: string;
  critical: boolean;
  /** The diagnostic part the question decides, or null. */
  diagnosticPart: string | null;
  /** The roles that are asked it. */
  audience: RespondentRole[];
};

/**
 * The critical and diagnostic questions that none of `roles` is asked: a round with only these
 * roles leaves them unanswered, and (2027.2 on) an unanswered critical or diagnostic question
 * counts as unknown, never as passed. The round form warns about them before the round opens.
 */
export function unaskedDecidingQuestions(
  framework: Framework,
  roles: readonly RespondentRole[],
): UnaskedQuestion[] {
  const partOf = new Map(
    framework.diagnostic.parts.flatMap((p) => p.questionIds.map((id) => [id, p.name] as const)),
  );
  return framework.dimensions.flatMap((d) =>
    d.questions
      .filter((q) => q.critical || partOf.has(q.id))
      .filter((q) => !q.audience.some((role) => roles.includes(role)))
      .map((q) => ({
        id: q.id,
        text: q.text,
        dimension: d.name,
        critical: q.critical,
        diagnosticPart: partOf.get(q.id) ?? null,
        audience: [...q.audience],
      })),
  );
}
