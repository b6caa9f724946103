import type { ActionStatus } from "./schema";

/** Overdue: still open or in progress after its due day (a date without a time: end of that day, UTC). */
export function isOverdue(
  action: { status: ActionStatus; dueDate: Date | null },
  now: Date,
): boolean {
  if (action.status === "done" || action.status === "dropped" || !action.dueDate) return false;
  return now.getTime() >= action.dueDate.getTime() + 24 * 60 * 60 * 1000;
}

/** Each action tied to a recommendation, by the recommendation's id: a next step's action. */
export function actionsByRecommendation<A extends { recommendationId: string | null }>(
  actions: readonly A[],
): Map<string, A> {
  return new Map(
    actions.flatMap((a) => (a.recommendationId ? [[a.recommendationId, a] as const] : [])),
  );
}

/** The first overdue actions' titles in a line, saying how many more there are. */
export function overdueTitles(overdue: readonly { title: string }[], shown = 3): string {
  const more = overdue.length - shown;
  return (
    overdue
      .slice(0, shown)
      .map((a) => a.title)
      .join("; ") + (more > 0 ? `; and ${more} more` : "")
  );
}
