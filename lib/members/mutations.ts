import "server-only";
import { getDb, isUniqueViolation, lockForUpdate, type DbTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import { systemContext, type WorkspaceContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, notFound, parseInput } from "@/lib/errors";
import {
  acceptAsNewUserSchema,
  changeRoleSchema,
  createInvitationSchema,
  INVITATION_TTL_DAYS,
  invitationTokenSchema,
  memberIdSchema,
  setGrantsSchema,
} from "./schema";
import { seesOnlyGrantedOrganizations } from "@/lib/auth/roles";

type Tx = DbTx;

async function grantableOrganizationIds(
  tx: Tx,
  ctx: WorkspaceContext,
  ids: string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx.organization.findMany({
    where: { workspaceId: ctx.workspaceId, id: { in: unique } },
    select: { id: true },
  });
  if (found.length !== unique.length) {
    throw new AppError("validation_failed", "One of the chosen organisations does not exist.", {
      fields: { organizationIds: "Choose organisations of this workspace." },
    });
  }
  return unique;
}

/** A copyable link to join the workspace with a preset role. The token is returned once. */
export async function createInvitation(
  ctx: WorkspaceContext,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; token: string; path: string; expiresAt: Date }> {
  assertCan(ctx, "member.invite");
  const data = parseInput(createInvitationSchema, input);
  const token = createSecretToken("gmi");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await getDb().$transaction(async (tx) => {
    const organizationIds = seesOnlyGrantedOrganizations(data.role)
      ? await grantableOrganizationIds(tx, ctx, data.organizationIds)
      : [];
    const created = await tx.memberInvitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        tokenHash: hashSecretToken(token),
        role: data.role,
        email: data.email,
        grantOrganizationIds: organizationIds,
        invitedByUserId: ctx.userId,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "member.invited",
        targetType: "invitation",
        targetId: created.id,
        detail: { role: data.role, email: data.email, organizationIds },
      },
      tx,
    );
    return created;
  });
  return { id: invitation.id, token, path: `/invite/${token}`, expiresAt };
}

export async function revokeInvitation(ctx: WorkspaceContext, invitationId: string): Promise<void> {
  assertCan(ctx, "member.invite");
  const result = await getDb().memberInvitation.updateMany({
    where: { id: invitationId, workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw notFound("Open invitation");
  await recordAudit({
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.userId,
    actorLabel: ctx.email,
    action: "member.invitation_revoked",
    targetType: "invitation",
    targetId: invitationId,
  });
}

async function claimInvitation(tx: Tx, token: string, userId: string, email: string, now: Date) {
  const invitation = await tx.memberInvitation.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      id: true,
      workspaceId: true,
      role: true,
      email: true,
      grantOrganizationIds: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
    },
  });
  if (invitation?.acceptedAt) {
    throw new AppError(
      "conflict",
      "This invitation has already been used. If that was you, sign in.",
    );
  }
  if (!invitation || invitation.revokedAt || invitation.expiresAt <= now) {
    throw new AppError(
      "not_found",
      "This invitation link is not valid any more. Ask for a new one.",
    );
  }
  if (invitation.email && invitation.email !== email) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}.`);
  }
  // Marking it accepted only if still open makes a double click or a race accept it once.
  const claimed = await tx.memberInvitation.updateMany({
    where: { id: invitation.id, acceptedAt: null },
    data: { acceptedAt: now, acceptedByUserId: userId },
  });
  if (claimed.count === 0) {
    throw new AppError("conflict", "This invitation has already been used.");
  }
  const existing = await tx.member.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
    select: { id: true },
  });
  if (existing) throw new AppError("conflict", "You are already a member of this workspace.");
  const member = await tx.member.create({
    data: { workspaceId: invitation.workspaceId, userId, role: invitation.role },
    select: { id: true },
  });
  const grantIds = Array.isArray(invitation.grantOrganizationIds)
    ? invitation.grantOrganizationIds.filter((v): v is string => typeof v === "string")
    : [];
  // Organisations deleted since the invitation was made are skipped, not an error.
  const stillThere = await tx.organization.findMany({
    where: { workspaceId: invitation.workspaceId, id: { in: grantIds } },
    select: { id: true },
  });
  for (const organization of stillThere) {
    await tx.organizationGrant.create({
      data: {
        workspaceId: invitation.workspaceId,
        memberId: member.id,
        organizationId: organization.id,
      },
    });
  }
  await recordAudit(
    {
      workspaceId: systemContext(invitation.workspaceId, "invitation").workspaceId,
      actorUserId: userId,
      actorLabel: email,
      action: "member.joined",
      targetType: "member",
      targetId: member.id,
      detail: { role: invitation.role },
    },
    tx,
  );
  return { workspaceId: invitation.workspaceId };
}

/** A signed-in user accepts an invitation to another workspace. */
export async function acceptInvitation(
  user: { userId: string; email: string },
  token: unknown,
  now = new Date(),
): Promise<{ workspaceId: string }> {
  const parsed = parseInput(invitationTokenSchema, token);
  return getDb().$transaction((tx) => claimInvitation(tx, parsed, user.userId, user.email, now));
}

/** Someone without an account accepts: the account and the membership are made together. */
export async function acceptInvitationAsNewUser(
  input: unknown,
  now = new Date(),
): Promise<{ workspaceId: string; userId: string }> {
  const data = parseInput(acceptAsNewUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash },
        select: { id: true },
      });
      const { workspaceId } = await claimInvitation(tx, data.token, user.id, data.email, now);
      return { workspaceId, userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        "An account with this email already exists: sign in first, then open the link again.",
        { fields: { email: "An account with this email already exists." } },
      );
    }
    throw error;
  }
}

async function memberInWorkspace(tx: Tx, ctx: WorkspaceContext, memberId: string) {
  const member = await tx.member.findFirst({
    where: { id: memberId, workspaceId: ctx.workspaceId },
    select: { id: true, role: true, user: { select: { id: true, email: true } } },
  });
  if (!member) throw notFound("Member");
  return member;
}

async function assertNotLastOwner(tx: Tx, ctx: WorkspaceContext, memberId: string, what: string) {
  const owners = await tx.member.count({
    where: { workspaceId: ctx.workspaceId, role: "owner", id: { not: memberId } },
  });
  if (owners === 0) {
    throw new AppError(
      "conflict",
      `The last owner cannot be ${what}. Make someone else an owner first.`,
    );
  }
}

export async function changeMemberRole(ctx: WorkspaceContext, input: unknown): Promise<void> {
  assertCan(ctx, "member.update");
  const data = parseInput(changeRoleSchema, input);
  await getDb().$transaction(async (tx) => {
    // Owner changes in one workspace queue behind each other, so "keep one owner" holds even
    // when two owners demote each other at the same moment.
    await lockForUpdate(tx, "Workspace", ctx.workspaceId);
    const member = await memberInWorkspace(tx, ctx, data.memberId);
    if (member.role === data.role) return;
    if (member.role === "owner") await assertNotLastOwner(tx, ctx, member.id, "demoted");
    await tx.member.update({ where: { id: member.id }, data: { role: data.role } });
    // Grants only mean something for executives; a promoted member sees everything anyway.
    if (!seesOnlyGrantedOrganizations(data.role)) {
      await tx.organizationGrant.deleteMany({ where: { memberId: member.id } });
    }
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "member.role_changed",
        targetType: "member",
        targetId: member.id,
        detail: { email: member.user.email, from: member.role, to: data.role },
      },
      tx,
    );
  });
}

/** Removing a member ends their access at once: the gate checks membership on every request. */
export async function removeMember(ctx: WorkspaceContext, input: unknown): Promise<void> {
  assertCan(ctx, "member.remove");
  const data = parseInput(memberIdSchema, input);
  await getDb().$transaction(async (tx) => {
    await lockForUpdate(tx, "Workspace", ctx.workspaceId);
    const member = await memberInWorkspace(tx, ctx, data.memberId);
    if (member.role === "owner") await assertNotLastOwner(tx, ctx, member.id, "removed");
    await tx.member.delete({ where: { id: member.id } });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "member.removed",
        targetType: "member",
        targetId: member.id,
        detail: { email: member.user.email, role: member.role },
      },
      tx,
    );
  });
}

/** Sets exactly which organisations an executive may read. */
export async function setOrganizationGrants(ctx: WorkspaceContext, input: unknown): Promise<void> {
  assertCan(ctx, "member.update");
  const data = parseInput(setGrantsSchema, input);
  await getDb().$transaction(async (tx) => {
    const member = await memberInWorkspace(tx, ctx, data.memberId);
    if (!seesOnlyGrantedOrganizations(member.role)) {
      throw new AppError("validation_failed", "Only executives have organisation grants.", {
        fields: { memberId: "This member already sees every organisation." },
      });
    }
    const ids = await grantableOrganizationIds(tx, ctx, data.organizationIds);
    await tx.organizationGrant.deleteMany({ where: { memberId: member.id } });
    for (const organizationId of ids) {
      await tx.organizationGrant.create({
        data: { workspaceId: ctx.workspaceId, memberId: member.id, organizationId },
      });
    }
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "member.grants_changed",
        targetType: "member",
        targetId: member.id,
        detail: { email: member.user.email, organizationIds: ids },
      },
      tx,
    );
  });
}
