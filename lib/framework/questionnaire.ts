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
  /** 2027.2 on: the roles that can observe the practice, when it is a technical fact. */
  observers: RespondentRole[] | null;
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
        observers: q.observers ? [...q.observers] : null,
      })),
  );
}

/**
 * 2027.2 on: the critical and diagnostic questions a round's roles are asked but none of them can
 * observe (a technical fact, with no technical or data respondent): their answers are likely to
 * be "don't know", which then counts as not knowing, since nobody who can see it rated it.
 */
export function unobservedDecidingQuestions(
  framework: Framework,
  roles: readonly RespondentRole[],
): UnaskedQuestion[] {
  // With no role, every deciding question is "unasked": the full list, with audiences.
  return unaskedDecidingQuestions(framework, [])
    .filter((q) => q.audience.some((r) => roles.includes(r)))
    .filter((q) => q.observers !== null && !q.observers.some((r) => roles.includes(r)));
}
