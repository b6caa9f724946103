import "server-only";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { notFound, parseInput } from "@/lib/errors";
import { ownerColumns } from "@/lib/initiatives/owner";
import { actionSelect, toActionView, type ActionView } from "./data";
import { createActionSchema, updateActionSchema } from "./schema";
import { actionScope } from "./scope";

export async function createAction(
  ctx: WorkspaceContext,
  organizationId: string,
  input: unknown,
): Promise<ActionView> {
  assertCan(ctx, "action.manage");
  const data = parseInput(createActionSchema, input);
  const db = getDb();
  const scopedId = await scopedOrganizationId(ctx, organizationId);
  const owner = await ownerColumns(ctx, data.owner ?? null);
  const status = data.status ?? "open";
  return db.$transaction(async (tx) => {
    // Tracked in the organisation's newest round, whose result it usually comes from; starting
    // the next round carries it over until it is done or dropped.
    const round = await tx.assessment.findFirst({
      where: { workspaceId: ctx.workspaceId, organizationId: scopedId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const row = await tx.action.create({
      data: {
        workspaceId: ctx.workspaceId,
        organizationId: scopedId,
        title: data.title,
        dimension: data.dimension ?? null,
        recommendationId: data.recommendationId ?? null,
        dueDate: data.dueDate ?? null,
        status,
        completedAt: status === "done" ? new Date() : null,
        assessmentId: round?.id ?? null,
        ...owner,
      },
      select: actionSelect,
    });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "action.created",
        targetType: "action",
        targetId: row.id,
        detail: {
          title: row.title,
          organizationId: scopedId,
          recommendationId: row.recommendationId,
        },
      },
      tx,
    );
    return toActionView(row, new Date());
  });
}

export async function updateAction(
  ctx: WorkspaceContext,
  id: string,
  input: unknown,
): Promise<ActionView> {
  assertCan(ctx, "action.manage");
  const data = parseInput(updateActionSchema, input);
  const db = getDb();
  const existing = await db.action.findFirst({
    where: { ...actionScope(ctx), id },
    select: { id: true, status: true },
  });
  if (!existing) throw notFound("Action");
  const owner = data.owner === undefined ? {} : await ownerColumns(ctx, data.owner);
  const changed = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  const statusChange =
    data.status !== undefined && data.status !== existing.status
      ? { status: data.status, completedAt: data.status === "done" ? new Date() : null }
      : {};
  return db.$transaction(async (tx) => {
    const row = await tx.action.update({
      where: { id: existing.id },
      data: {
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.dimension !== undefined ? { dimension: data.dimension } : {}),
        ...(data.recommendationId !== undefined ? { recommendationId: data.recommendationId } : {}),
        ...(data.dueDate !== undefined ? { dueDate: data.dueDate } : {}),
        ...statusChange,
        ...owner,
      },
      select: actionSelect,
    });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "action.updated",
        targetType: "action",
        targetId: row.id,
        detail: {
          title: row.title,
          changed,
          ...(statusChange.status ? { from: existing.status, to: statusChange.status } : {}),
        },
      },
      tx,
    );
    return toActionView(row, new Date());
  });
}
