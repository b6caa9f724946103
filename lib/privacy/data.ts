import "server-only";
import { getDb } from "@/lib/db";

/**
 * How many respondents answered in each role of scoped rounds: the count the minimum group is
 * checked against (lib/privacy/rules), the same respondents a result scores (every response
 * with at least one answer, decision 0004), so it holds for open rounds as for closed ones.
 */
export async function readAnsweredRespondentsByRole(
  assessmentIds: readonly string[],
): Promise<Map<string, Partial<Record<string, number>>>> {
  const out = new Map<string, Partial<Record<string, number>>>();
  if (assessmentIds.length === 0) return out;
  const rows = await getDb().response.groupBy({
    by: ["assessmentId", "role"],
    where: { assessmentId: { in: [...assessmentIds] }, answers: { some: {} } },
    _count: { _all: true },
  });
  for (const row of rows) {
    const counts = out.get(row.assessmentId) ?? {};
    counts[row.role] = row._count._all;
    out.set(row.assessmentId, counts);
  }
  return out;
}
