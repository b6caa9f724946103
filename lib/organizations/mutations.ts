import "server-only";
import { getDb, isUniqueViolation } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { organizationSelect, type OrganizationView } from "./data";
import {
  createOrganizationSchema,
  deleteOrganizationSchema,
  updateOrganizationSchema,
} from "./schema";
import { organizationScope } from "./scope";

const nameKeyOf = (name: string) => name.trim().toLowerCase();

const duplicateName = (name: string) =>
  new AppError("conflict", `An organisation called "${name}" already exists in this workspace.`, {
    fields: { name: "An organisation with this name already exists." },
  });

export async function createOrganization(
  ctx: WorkspaceContext,
  input: unknown,
): Promise<OrganizationView> {
  assertCan(ctx, "organization.create");
  const data = parseInput(createOrganizationSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const organization = await tx.organization.create({
        data: {
          workspaceId: ctx.workspaceId,
          name: data.name,
          nameKey: nameKeyOf(data.name),
          sector: data.sector ?? null,
          sizeBand: data.sizeBand ?? null,
          region: data.region ?? null,
          notes: data.notes ?? null,
        },
        select: organizationSelect,
      });
      await recordAudit(
        {
          workspaceId: ctx.workspaceId,
          actorUserId: ctx.userId,
          actorLabel: ctx.email,
          action: "organization.created",
          targetType: "organization",
          targetId: organization.id,
          detail: { name: organization.name },
        },
        tx,
      );
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(data.name);
    throw error;
  }
}

export async function updateOrganization(
  ctx: WorkspaceContext,
  id: string,
  input: unknown,
): Promise<OrganizationView> {
  assertCan(ctx, "organization.update");
  const data = parseInput(updateOrganizationSchema, input);
  const db = getDb();
  const existing = await db.organization.findFirst({
    where: { ...organizationScope(ctx), id },
    select: { id: true },
  });
  if (!existing) throw notFound("Organisation");
  // The field names, not their values: notes may hold what a client said in confidence.
  const changed = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  try {
    return await db.$transaction(async (tx) => {
      const organization = await tx.organization.update({
        where: { id: existing.id },
        data: {
          ...(data.name !== undefined ? { name: data.name, nameKey: nameKeyOf(data.name) } : {}),
          ...(data.sector !== undefined ? { sector: data.sector } : {}),
          ...(data.sizeBand !== undefined ? { sizeBand: data.sizeBand } : {}),
          ...(data.region !== undefined ? { region: data.region } : {}),
          ...(data.notes !== undefined ? { notes: data.notes } : {}),
        },
        select: organizationSelect,
      });
      await recordAudit(
        {
          workspaceId: ctx.workspaceId,
          actorUserId: ctx.userId,
          actorLabel: ctx.email,
          action: "organization.updated",
          targetType: "organization",
          targetId: organization.id,
          detail: { name: organization.name, changed },
        },
        tx,
      );
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error) && data.name) throw duplicateName(data.name);
    throw error;
  }
}

/**
 * Deletes an organisation and everything under it, after the person typed its name exactly.
 * The audit event survives (it belongs to the workspace, not the organisation).
 */
export async function deleteOrganization(
  ctx: WorkspaceContext,
  id: string,
  input: unknown,
): Promise<void> {
  assertCan(ctx, "organization.delete");
  const { confirmation } = parseInput(deleteOrganizationSchema, input);
  const db = getDb();
  const organization = await db.organization.findFirst({
    where: { ...organizationScope(ctx), id },
    select: { id: true, name: true },
  });
  if (!organization) throw notFound("Organisation");
  if (confirmation !== organization.name) {
    throw new AppError("validation_failed", "Type the organisation's name exactly to delete it.", {
      fields: { confirmation: `Type "${organization.name}" to confirm.` },
    });
  }
  await db.$transaction(async (tx) => {
    await tx.organization.delete({ where: { id: organization.id } });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "organization.deleted",
        targetType: "organization",
        targetId: organization.id,
        detail: { name: organization.name },
      },
      tx,
    );
  });
}
