import "server-only";
import type { DbTx, Prisma } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import type { AuditAction } from "@/lib/audit/labels";
import { notFound } from "@/lib/errors";
import { assessmentSelect, toAssessmentView } from "./data";
import { assessmentScope } from "./scope";

// What every write to a round starts with: the round read in the caller's transaction with its
// scope, and the audit entry's shape. One home for the mutations and the mail of a round.

export function audit(
  ctx: WorkspaceContext,
  action: AuditAction,
  targetId: string,
  detail?: Prisma.InputJsonValue,
) {
  return {
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.userId,
    actorLabel: ctx.email,
    action,
    targetType: "assessment",
    targetId,
    detail,
  };
}

/** The round, read in the caller's transaction with its scope: 404 when not theirs. */
export async function findManaged(tx: DbTx, ctx: WorkspaceContext, id: string) {
  const row = await tx.assessment.findFirst({
    where: { ...assessmentScope(ctx), id },
    select: assessmentSelect,
  });
  if (!row) throw notFound("Assessment");
  return toAssessmentView(row);
}
