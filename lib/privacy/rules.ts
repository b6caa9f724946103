import type { RespondentRole } from "@/lib/framework";

// Who may be told apart in what GapMap shows or hands out, in one place: the dashboards'
// charts by role, the agreement heatmap, the workshop room's breakdown, respondents' comments,
// and every export call these, so the rule cannot drift between them.

/**
 * A role is shown on its own only when at least the round's minimum group answered in it: with
 * fewer, one person's answers (or comment) could be singled out.
 */
export function groupIsShown(respondents: number, minGroupSize: number): boolean {
  return respondents >= minGroupSize;
}

/** The roles of a round shown on their own, from how many respondents answered in each. */
export function shownRoles<R extends string = RespondentRole>(
  respondentsByRole: Partial<Record<R, number>>,
  minGroupSize: number,
): Set<R> {
  return new Set(
    (Object.entries(respondentsByRole) as [R, number | undefined][])
      .filter(([, count]) => groupIsShown(count ?? 0, minGroupSize))
      .map(([role]) => role),
  );
}

/**
 * How a respondent is named in a round's answers and exports: an anonymous round never gives
 * their id, only their position among the round's respondents who answered (r1, r2...), as the
 * scored input does.
 */
export function respondentKey(
  round: { anonymous: boolean },
  respondent: { id: string; position: number },
): string {
  return round.anonymous ? `r${respondent.position + 1}` : respondent.id;
}

/** A respondent's name where the round shows names at all; an anonymous round never does. */
export function respondentName(round: { anonymous: boolean }, name: string | null): string | null {
  return round.anonymous ? null : name?.trim() || null;
}
