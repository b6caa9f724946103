import type { WorkspaceContext } from "@/lib/auth/context";
import { seesOnlyGrantedOrganizations } from "@/lib/auth/roles";

// The one `where` that decides which organisations a member can reach: their workspace, and for
// executives only the organisations they were granted. Everything else is simply not found.
export function organizationScope(ctx: WorkspaceContext) {
  return seesOnlyGrantedOrganizations(ctx.role)
    ? { workspaceId: ctx.workspaceId, grants: { some: { memberId: ctx.memberId } } }
    : { workspaceId: ctx.workspaceId };
}
