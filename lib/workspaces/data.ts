import "server-only";
import { getDb } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { checkLogo, type LogoType } from "./logo";

export type WorkspaceLogo = { bytes: Uint8Array; type: LogoType; updatedAt: Date | null };

/**
 * The caller's workspace logo, or null. Every member may read it: it is printed on the reports
 * they can read. Checked again on the way out, so bytes that somehow changed are never embedded.
 */
export async function readWorkspaceLogo(ctx: WorkspaceContext): Promise<WorkspaceLogo | null> {
  const row = await getDb().workspace.findUnique({
    where: { id: ctx.workspaceId },
    select: { logo: true, logoUpdatedAt: true },
  });
  if (!row?.logo) return null;
  const bytes = new Uint8Array(row.logo);
  try {
    return { bytes, type: checkLogo(bytes).type, updatedAt: row.logoUpdatedAt };
  } catch {
    return null;
  }
}

export type WorkspaceSettings = { retakeIntervalDays: number };

/** The caller's workspace's settings; every member may read them (they shape what pages show). */
export async function getWorkspaceSettings(ctx: WorkspaceContext): Promise<WorkspaceSettings> {
  return getDb().workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { retakeIntervalDays: true },
  });
}
