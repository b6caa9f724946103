import "server-only";
import { getDb, type DbTx } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { OwnerInput } from "./schema";

// The accountable owner of an initiative or an action: a member of the workspace or a named
// person. One check for both domains.

export type OwnerColumns = {
  ownerMemberId: string | null;
  ownerName: string | null;
  ownerRole: string | null;
};

/** The owner as columns; a member must belong to the caller's workspace (else 422, not a leak). */
export async function ownerColumns(
  ctx: WorkspaceContext,
  owner: OwnerInput | null,
  /** The transaction to read in; the shared client without one. */
  tx?: Pick<DbTx, "member">,
): Promise<OwnerColumns> {
  if (owner === null) return { ownerMemberId: null, ownerName: null, ownerRole: null };
  if (owner.kind === "person")
    return { ownerMemberId: null, ownerName: owner.name, ownerRole: owner.role };
  const query = {
    where: { workspaceId: ctx.workspaceId, id: owner.memberId },
    select: { id: true },
  } as const;
  const member = tx ? await tx.member.findFirst(query) : await getDb().member.findFirst(query);
  if (!member) {
    throw new AppError("validation_failed", "Please check owner.memberId: no such member.", {
      fields: { "owner.memberId": "Choose a member of this workspace." },
    });
  }
  return { ownerMemberId: member.id, ownerName: null, ownerRole: null };
}
