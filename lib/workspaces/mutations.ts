import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { checkLogo } from "./logo";
import { parseInput } from "@/lib/errors";
import type { WorkspaceSettings } from "./data";
import { workspaceSettingsSchema } from "./schema";

/** Replaces the workspace logo (owners); `null` removes it. */
export async function setWorkspaceLogo(
  ctx: WorkspaceContext,
  bytes: Uint8Array | null,
): Promise<void> {
  assertCan(ctx, "workspace.update");
  const checked = bytes ? checkLogo(bytes) : null;
  await getDb().$transaction(async (tx) => {
    await tx.workspace.update({
      where: { id: ctx.workspaceId },
      data: {
        logo: bytes && checked ? Buffer.from(bytes) : null,
        logoType: checked?.type ?? null,
        logoUpdatedAt: new Date(),
      },
      select: { id: true },
    });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "workspace.logo_changed",
        targetType: "workspace",
        targetId: ctx.workspaceId,
        detail: checked
          ? {
              type: checked.type,
              bytes: bytes!.length,
              width: checked.width,
              height: checked.height,
            }
          : { removed: true },
      },
      tx,
    );
  });
}

export async function updateWorkspaceSettings(
  ctx: WorkspaceContext,
  input: unknown,
): Promise<WorkspaceSettings> {
  assertCan(ctx, "workspace.update");
  const data = parseInput(workspaceSettingsSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { retakeIntervalDays: true },
    });
    const after = await tx.workspace.update({
      where: { id: ctx.workspaceId },
      data: { retakeIntervalDays: data.retakeIntervalDays },
      select: { retakeIntervalDays: true },
    });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "workspace.settings_changed",
        targetType: "workspace",
        targetId: ctx.workspaceId,
        detail: {
          retakeIntervalDays: { from: before.retakeIntervalDays, to: after.retakeIntervalDays },
        },
      },
      tx,
    );
    return after;
  });
}
