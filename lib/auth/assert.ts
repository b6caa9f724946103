import { AppError } from "@/lib/errors";
import type { WorkspaceContext } from "./context";
import { can, type Action } from "./roles";

export function assertCan(ctx: Pick<WorkspaceContext, "role">, action: Action): void {
  if (!can(ctx.role, action)) {
    throw new AppError("forbidden", "Your role in this workspace does not allow this.");
  }
}
