import "server-only";
import { getDb, isUniqueViolation } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { systemContext } from "@/lib/auth/context";
import { burnPasswordCheck, hashPassword, verifyPassword } from "@/lib/auth/password";
import { UNKNOWN_CLIENT_ADDRESS } from "@/lib/auth/client-address";
import {
  clearLimit,
  countHit,
  readSignInLimit,
  refundHit,
  signInAddressLimitKey,
  signInLimitKey,
  SIGN_IN_ADDRESS_LIMIT,
  SIGN_IN_LIMIT,
} from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/mutations";
import { changePasswordSchema, signInSchema, signUpSchema } from "./schema";
import type { Role } from "@/lib/auth/roles";

const emailTaken = () =>
  new AppError("conflict", "An account with this email already exists. Sign in instead.", {
    fields: { email: "An account with this email already exists." },
  });

/** Sign-up: a new user and a new workspace whose first member is its owner. */
export async function signUp(input: unknown): Promise<{ userId: string; workspaceId: string }> {
  const data = parseInput(signUpSchema, input);
  const db = getDb();
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw emailTaken();
  }
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash },
        select: { id: true },
      });
      const workspace = await tx.workspace.create({
        data: { name: data.workspaceName, members: { create: { userId: user.id, role: "owner" } } },
        select: { id: true },
      });
      await recordAudit(
        {
          workspaceId: systemContext(workspace.id, "sign-up").workspaceId,
          actorUserId: user.id,
          actorLabel: data.email,
          action: "workspace.created",
          targetType: "workspace",
          targetId: workspace.id,
        },
        tx,
      );
      return { userId: user.id, workspaceId: workspace.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password for next-auth's credentials provider. Failures count against
 * limits kept in the database (so they hold across instances): per email and client address, and
 * per address (lib/auth/rate-limit.ts). `client.address` comes from clientAddress(headers).
 */
export async function authenticate(
  input: unknown,
  client: { address: string } = { address: UNKNOWN_CLIENT_ADDRESS },
): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const key = signInLimitKey(email, client.address);
  const addressKey = signInAddressLimitKey(client.address);
  // Count the attempt before checking the password, in one atomic increment per limit, so a
  // burst of parallel guesses cannot all slip under it; a successful sign-in takes it back.
  const fromAddress = await countHit(addressKey, SIGN_IN_ADDRESS_LIMIT.windowMs);
  const attempts =
    fromAddress > SIGN_IN_ADDRESS_LIMIT.max ? 0 : await countHit(key, SIGN_IN_LIMIT.windowMs);
  if (fromAddress > SIGN_IN_ADDRESS_LIMIT.max || attempts > SIGN_IN_LIMIT.max) {
    const limit = await readSignInLimit(email, client.address);
    throw new AppError("rate_limited", "Too many failed sign-ins. Try again later.", {
      retryAfterSeconds: Math.max(1, limit.retryAfterSeconds),
    });
  }
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true },
  });
  const ok = user
    ? await verifyPassword(user.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  const memberships = user
    ? await db.member.findMany({ where: { userId: user.id }, select: { workspaceId: true } })
    : [];
  if (!user || !ok) {
    for (const m of memberships) {
      await recordAudit({
        workspaceId: systemContext(m.workspaceId, "account-audit").workspaceId,
        actorUserId: null,
        actorLabel: email,
        action: "user.sign_in_failed",
        targetType: "user",
        targetId: user?.id ?? null,
      });
    }
    return null;
  }
  await clearLimit(key);
  await refundHit(addressKey, SIGN_IN_ADDRESS_LIMIT.windowMs);
  for (const m of memberships) {
    await recordAudit({
      workspaceId: systemContext(m.workspaceId, "account-audit").workspaceId,
      actorUserId: user.id,
      actorLabel: user.email,
      action: "user.signed_in",
      targetType: "user",
      targetId: user.id,
    });
  }
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** Changing the password bumps the session version: every other session ends at once. */
export async function changePassword(
  userId: string,
  input: unknown,
): Promise<{ sessionVersion: number }> {
  const data = parseInput(changePasswordSchema, input);
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, passwordHash: true },
  });
  if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError("validation_failed", "The current password is not right.", {
      fields: { currentPassword: "The current password is not right." },
    });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  const memberships = await db.member.findMany({
    where: { userId },
    select: { workspaceId: true },
  });
  for (const m of memberships) {
    await recordAudit({
      workspaceId: systemContext(m.workspaceId, "account-audit").workspaceId,
      actorUserId: userId,
      actorLabel: user.email,
      action: "user.password_changed",
      targetType: "user",
      targetId: userId,
    });
  }
  return updated;
}

/** Used by the CLI and the seed: a user (created if missing) who is a member of the workspace. */
/**
 * The CLI's `user create`: the user (created when new; an existing user's password is left as it
 * is) joins the workspace named by `workspace`, an id or a name (created when no workspace has
 * that name). A name that several workspaces share is refused: the id must say which.
 */
export async function ensureUserInWorkspace(input: {
  email: string;
  password: string;
  name?: string;
  workspace: string;
  role: Role;
}): Promise<{ userId: string; workspaceId: string; workspaceName: string; created: boolean }> {
  const db = getDb();
  const known = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const passwordHash = known ? null : await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true },
    });
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email: input.email,
          name: input.name ?? input.email.split("@")[0]!,
          passwordHash: passwordHash ?? (await hashPassword(input.password)),
        },
        select: { id: true },
      }));
    const matches = await tx.workspace.findMany({
      where: { OR: [{ id: input.workspace }, { name: input.workspace }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
      take: 5,
    });
    const byId = matches.find((w) => w.id === input.workspace);
    // A workspace id that matches nothing is a typo, not the name of a new workspace.
    if (matches.length === 0 && /^c[a-z0-9]{24}$/.test(input.workspace)) {
      throw new AppError(
        "not_found",
        `No workspace has the id ${input.workspace}. Check it, or pass a name to create a workspace.`,
      );
    }
    if (!byId && matches.length > 1) {
      throw new AppError(
        "conflict",
        `Several workspaces are called "${input.workspace}" (${matches.map((w) => w.id).join(", ")}): pass the id of one with --workspace.`,
      );
    }
    const workspace =
      byId ??
      matches[0] ??
      (await tx.workspace.create({
        data: { name: input.workspace },
        select: { id: true, name: true },
      }));
    const workspaceName = workspace.name;
    const member = await tx.member.findUnique({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      select: { id: true },
    });
    if (member) {
      throw new AppError("conflict", `${input.email} is already a member of "${workspaceName}".`);
    }
    await tx.member.create({
      data: { workspaceId: workspace.id, userId: user.id, role: input.role },
    });
    await recordAudit(
      {
        workspaceId: systemContext(workspace.id, "cli").workspaceId,
        actorUserId: null,
        actorLabel: "cli",
        action: "member.added",
        targetType: "user",
        targetId: user.id,
        detail: { role: input.role, email: input.email },
      },
      tx,
    );
    return { userId: user.id, workspaceId: workspace.id, workspaceName, created: !existing };
  });
}
