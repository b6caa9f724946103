import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { assertCan } from "@/lib/auth/assert";

export type AuditRow = {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: unknown;
};

export async function listAuditEvents(
  ctx: WorkspaceContext,
  options: { limit?: number; before?: Date } = {},
): Promise<AuditRow[]> {
  assertCan(ctx, "audit.read");
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 200);
  return getDb().auditEvent.findMany({
    where: {
      workspaceId: ctx.workspaceId,
      ...(options.before ? { at: { lt: options.before } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      at: true,
      actorLabel: true,
      action: true,
      targetType: true,
      targetId: true,
      detail: true,
    },
  });
}
