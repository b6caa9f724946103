import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { assessmentScope } from "@/lib/assessments/scope";
import { readSnapshotsOfScopedAssessments } from "@/lib/results/data";
import type { DiagnosticPartId } from "@/lib/framework";
import type { DiagnosticStatus } from "@/lib/scoring";
import type { PartStatus } from "./schema";

// A round focused on one initiative measures the three-part diagnostic for that initiative's
// workflow. Its result is offered as the initiative's diagnostic; the consultant confirms each
// part, with evidence, before it counts (a questionnaire is a signal, not an audit).

export type RoundDiagnosticOffer = {
  assessmentId: string;
  roundName: string;
  closedAt: Date;
  parts: {
    part: DiagnosticPartId;
    /** What the round found (unknown: nobody knew; disputed: the room split). */
    found: DiagnosticStatus;
    reason: string;
    /** The status offered for the initiative: unknown counts as unmet, disputed as partial. */
    offered: PartStatus;
  }[];
};

export function offeredStatus(found: DiagnosticStatus): PartStatus {
  switch (found) {
    case "met":
      return "met";
    case "partial":
    case "disputed":
      return "partial";
    default:
      return "unmet";
  }
}

/** The newest closed round focused on the initiative, with its diagnostic; null if none. */
export async function findRoundDiagnosticOffer(
  ctx: WorkspaceContext,
  initiativeId: string,
): Promise<RoundDiagnosticOffer | null> {
  assertCan(ctx, "initiative.read");
  const round = await getDb().assessment.findFirst({
    where: {
      ...assessmentScope(ctx),
      focusInitiativeId: initiativeId,
      state: "closed",
      result: { isNot: null },
    },
    orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, closedAt: true },
  });
  if (!round?.closedAt) return null;
  const snapshot = (await readSnapshotsOfScopedAssessments([round.id])).get(round.id);
  if (!snapshot) return null;
  return {
    assessmentId: round.id,
    roundName: round.name,
    closedAt: round.closedAt,
    parts: snapshot.result.diagnostic.map((d) => ({
      part: d.id,
      found: d.status,
      reason: d.reason,
      offered: offeredStatus(d.status),
    })),
  };
}
