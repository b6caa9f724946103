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
