import "server-only";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { enqueueWebhookEvent } from "@/lib/webhooks/events";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { decideGo, DIAGNOSTIC_PARTS, needsGo } from "./diagnostic";
import { initiativeSelect, toInitiativeView, type InitiativeView } from "./data";
import {
  changeStatusSchema,
  createInitiativeSchema,
  diagnosticInputSchema,
  diagnosticPartIdSchema,
  updateInitiativeSchema,
} from "./schema";
import { initiativeScope } from "./scope";
import { ownerColumns } from "./owner";

const actorOf = (ctx: WorkspaceContext) => ({
  workspaceId: ctx.workspaceId,
  actorUserId: ctx.userId,
  actorLabel: ctx.email,
});

export async function createInitiative(
  ctx: WorkspaceContext,
  organizationId: string,
  input: unknown,
): Promise<InitiativeView> {
  assertCan(ctx, "initiative.manage");
  const data = parseInput(createInitiativeSchema, input);
  const db = getDb();
  const scopedId = await scopedOrganizationId(ctx, organizationId);
  const status = data.status ?? "idea";
  return db.$transaction(async (tx) => {
    const owner = await ownerColumns(ctx, data.owner ?? null, tx);
    const row = await tx.initiative.create({
      data: {
        workspaceId: ctx.workspaceId,
        organizationId: scopedId,
        name: data.name,
        businessFunction: data.businessFunction ?? null,
        workflow: data.workflow ?? null,
        dataSources: data.dataSources ?? null,
        status,
        ...owner,
        statusChanges: {
          create: {
            fromStatus: null,
            toStatus: status,
            changedByUserId: ctx.userId,
            changedByLabel: ctx.email,
          },
        },
      },
      select: initiativeSelect,
    });
    await recordAudit(
      {
        ...actorOf(ctx),
        action: "initiative.created",
        targetType: "initiative",
        targetId: row.id,
        detail: { name: row.name, organizationId: scopedId, status },
      },
      tx,
    );
    return toInitiativeView(row);
  });
}

async function scopedInitiative(ctx: WorkspaceContext, id: string) {
  const existing = await getDb().initiative.findFirst({
    where: { ...initiativeScope(ctx), id },
    select: { id: true, name: true, status: true },
  });
  if (!existing) throw notFound("Initiative");
  return existing;
}

export async function updateInitiative(
  ctx: WorkspaceContext,
  id: string,
  input: unknown,
): Promise<InitiativeView> {
  assertCan(ctx, "initiative.manage");
  const data = parseInput(updateInitiativeSchema, input);
  const existing = await scopedInitiative(ctx, id);
  // The field names, not their values.
  const changed = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  return getDb().$transaction(async (tx) => {
    const owner = data.owner === undefined ? {} : await ownerColumns(ctx, data.owner, tx);
    const row = await tx.initiative.update({
      where: { id: existing.id },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.businessFunction !== undefined ? { businessFunction: data.businessFunction } : {}),
        ...(data.workflow !== undefined ? { workflow: data.workflow } : {}),
        ...(data.dataSources !== undefined ? { dataSources: data.dataSources } : {}),
        ...owner,
      },
      select: initiativeSelect,
    });
    await recordAudit(
      {
        ...actorOf(ctx),
        action: "initiative.updated",
        targetType: "initiative",
        targetId: row.id,
        detail: { name: row.name, changed },
      },
      tx,
    );
    return toInitiativeView(row);
  });
}

/** Records the parts sent (each with who checked it and when) and answers the new go / no-go. */
export async function recordDiagnostic(
  ctx: WorkspaceContext,
  id: string,
  input: unknown,
): Promise<InitiativeView> {
  assertCan(ctx, "initiative.manage");
  const data = parseInput(diagnosticInputSchema, input);
  const existing = await scopedInitiative(ctx, id);
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    for (const { id: part } of DIAGNOSTIC_PARTS) {
      const given = data[part];
      if (!given) continue;
      const values = {
        status: given.status,
        evidence: given.evidence,
        links: given.links?.length ? given.links.join("\n") : null,
        checkedAt: given.checkedAt ?? now,
        checkedByUserId: ctx.userId,
        checkedByLabel: ctx.email,
      };
      await tx.initiativeDiagnosticPart.upsert({
        where: { initiativeId_part: { initiativeId: existing.id, part } },
        create: { initiativeId: existing.id, part, ...values },
        update: values,
      });
    }
    const row = await tx.initiative.update({
      where: { id: existing.id },
      data: { updatedAt: now },
      select: initiativeSelect,
    });
    const view = toInitiativeView(row);
    await recordAudit(
      {
        ...actorOf(ctx),
        action: "initiative.diagnostic_recorded",
        targetType: "initiative",
        targetId: row.id,
        detail: {
          name: row.name,
          parts: Object.fromEntries(
            DIAGNOSTIC_PARTS.flatMap(({ id: part }) => {
              const given = data[part];
              return given ? [[part, given.status]] : [];
            }),
          ),
          decision: view.diagnostic.decision,
        },
      },
      tx,
    );
    return view;
  });
}

/**
 * Moves an initiative to a status. Past "pilot" (production, scaled) the diagnostic must say go;
 * otherwise the move needs an override with a reason, recorded with the parts it overrode, else
 * 409 `diagnostic_no_go` with one reason per part in `fields`.
 */
export async function changeInitiativeStatus(
  ctx: WorkspaceContext,
  id: string,
  input: unknown,
): Promise<InitiativeView> {
  assertCan(ctx, "initiative.manage");
  const data = parseInput(changeStatusSchema, input);
  const existing = await scopedInitiative(ctx, id);
  if (existing.status === data.status) {
    throw new AppError("conflict", `The initiative is already at “${data.status}”.`, {
      fields: { status: "Choose a different status." },
    });
  }
  return getDb().$transaction(async (tx) => {
    // Read the diagnostic inside the transaction: the decision and the move see the same parts.
    const parts = await tx.initiativeDiagnosticPart.findMany({
      where: { initiativeId: existing.id },
      select: { part: true, status: true },
    });
    const decision = decideGo(
      parts.flatMap((p) => {
        const part = diagnosticPartIdSchema.safeParse(p.part);
        return part.success ? [{ part: part.data, status: p.status }] : [];
      }),
    );
    const overriding = needsGo(data.status) && decision.decision === "no_go";
    if (overriding && !data.override) {
      throw new AppError(
        "diagnostic_no_go",
        `The diagnostic says no-go: ${decision.reasons.map((r) => r.reason).join(" ")} Record an override with a reason to move on anyway.`,
        {
          fields: Object.fromEntries(
            decision.reasons.map((r) => [`diagnostic.${r.part}`, r.reason]),
          ),
        },
      );
    }
    const override = overriding && data.override ? data.override : null;
    const row = await tx.initiative.update({
      where: { id: existing.id },
      data: {
        status: data.status,
        statusChanges: {
          create: {
            fromStatus: existing.status,
            toStatus: data.status,
            changedByUserId: ctx.userId,
            changedByLabel: ctx.email,
            overrideReason: override?.reason ?? null,
            overriddenParts: override ? decision.reasons.map((r) => r.part).join(",") : null,
          },
        },
      },
      select: initiativeSelect,
    });
    await recordAudit(
      {
        ...actorOf(ctx),
        action: "initiative.status_changed",
        targetType: "initiative",
        targetId: row.id,
        detail: { name: row.name, from: existing.status, to: data.status },
      },
      tx,
    );
    await enqueueWebhookEvent(tx, {
      workspaceId: ctx.workspaceId,
      event: "initiative.status_changed",
      eventKey: `initiative.status_changed:${row.id}:${row.updatedAt.toISOString()}`,
      data: {
        initiative: { id: row.id, name: row.name, organizationId: row.organizationId },
        from: existing.status,
        to: data.status,
        override: override ? { reason: override.reason } : null,
      },
    });
    if (override) {
      await recordAudit(
        {
          ...actorOf(ctx),
          action: "initiative.status_overridden",
          targetType: "initiative",
          targetId: row.id,
          detail: {
            name: row.name,
            from: existing.status,
            to: data.status,
            reason: override.reason,
            parts: decision.reasons.map((r) => r.part),
          },
        },
        tx,
      );
    }
    return toInitiativeView(row);
  });
}
