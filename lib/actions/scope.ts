import type { WorkspaceContext } from "@/lib/auth/context";
import { seesOnlyGrantedOrganizations } from "@/lib/auth/roles";

// Actions are reached through their organisation: the same scoping as organisations.
export function actionScope(ctx: WorkspaceContext) {
  return seesOnlyGrantedOrganizations(ctx.role)
    ? {
        workspaceId: ctx.workspaceId,
        organization: { grants: { some: { memberId: ctx.memberId } } },
      }
    : { workspaceId: ctx.workspaceId };
}
