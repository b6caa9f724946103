import type { WorkspaceContext } from "@/lib/auth/context";

// Assessments are reached through their organisation: the same scoping as organisations.
export function assessmentScope(ctx: WorkspaceContext) {
  return ctx.role === "executive"
    ? {
        workspaceId: ctx.workspaceId,
        organization: { grants: { some: { memberId: ctx.memberId } } },
      }
    : { workspaceId: ctx.workspaceId };
}
