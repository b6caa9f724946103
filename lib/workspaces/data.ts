import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";

export type WorkspaceSettings = { retakeIntervalDays: number };

/** The caller's workspace's settings; every member may read them (they shape what pages show). */
export async function getWorkspaceSettings(ctx: WorkspaceContext): Promise<WorkspaceSettings> {
  return getDb().workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { retakeIntervalDays: true },
  });
}
