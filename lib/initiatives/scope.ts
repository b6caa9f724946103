import type { WorkspaceContext } from "@/lib/auth/context";
import { seesOnlyGrantedOrganizations } from "@/lib/auth/roles";

// Initiatives are reached through their organisation: the same scoping as organisations, so an
// executive sees the initiatives of the organisations they were granted, and nothing else.
export function initiativeScope(ctx: WorkspaceContext) {
  return seesOnlyGrantedOrganizations(ctx.role)
    ? {
        workspaceId: ctx.workspaceId,
        organization: { grants: { some: { memberId: ctx.memberId } } },
      }
    : { workspaceId: ctx.workspaceId };
}
