import type { ActionStatus } from "./schema";

/** Overdue: still open or in progress after its due day (a date without a time: end of that day, UTC). */
export function isOverdue(
  action: { status: ActionStatus; dueDate: Date | null },
  now: Date,
): boolean {
  if (action.status === "done" || action.status === "dropped" || !action.dueDate) return false;
  return now.getTime() >= action.dueDate.getTime() + 24 * 60 * 60 * 1000;
}
