import "server-only";
import { getDb, type DbTx, type Prisma } from "@/lib/db";
import type { AuthorizedWorkspaceId } from "@/lib/auth/context";
import type { AuditAction } from "./labels";

export type AuditInput = {
  workspaceId: AuthorizedWorkspaceId;
  actorUserId: string | null;
  actorLabel: string;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  detail?: Prisma.InputJsonValue;
};

type Tx = Pick<DbTx, "auditEvent">;

/** Writes one audit event; pass the transaction client to keep it atomic with the change. */
export async function recordAudit(input: AuditInput, tx: Tx = getDb()): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      actorLabel: input.actorLabel,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      detail: input.detail,
    },
  });
}
