import type { DiagnosticStatus, RecommendationResult } from "./types";

type Listed = Pick<RecommendationResult, "id" | "priority" | "questionId" | "unblocks">;
type Part = { id: string; status: DiagnosticStatus; questions: readonly { id: string }[] };

/**
 * What a recommendation unblocks. Results from 2027.2 on carry it (`unblocks`); for older results
 * it is read from their own diagnostic: a recommendation on a question of a part that is not met
 * unblocks that part. The verdict of an old result is untouched; only which steps a short list
 * shows first.
 */
export function unblocksOf(rec: Listed, diagnostic: readonly Part[] = []): string[] {
  if (rec.unblocks) return rec.unblocks;
  return diagnostic
    .filter((p) => p.status !== "met" && p.questions.some((q) => q.id === rec.questionId))
    .map((p) => `diagnostic.${p.id}`);
}

/**
 * A short list of next steps (the dashboard's top five, a report's list) that always carries what
 * unblocks each blocker: for each gate or diagnostic part holding the organisation back, its
 * first recommendation in priority order, then the rest by priority up to `limit`. When there are
 * more blockers than `limit`, the list is longer rather than silent about one. Priority order.
 */
export function shortList<T extends Listed>(
  recommendations: readonly T[],
  limit: number,
  diagnostic: readonly Part[] = [],
): T[] {
  const ordered = [...recommendations].sort((a, b) => a.priority - b.priority);
  const picked = new Set<T>();
  const covered = new Set<string>();
  for (const rec of ordered) {
    const keys = unblocksOf(rec, diagnostic).filter((k) => !covered.has(k));
    if (keys.length === 0) continue;
    picked.add(rec);
    keys.forEach((k) => covered.add(k));
  }
  for (const rec of ordered) {
    if (picked.size >= limit) break;
    picked.add(rec);
  }
  return ordered.filter((rec) => picked.has(rec));
}
