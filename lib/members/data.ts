import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { hashSecretToken } from "@/lib/auth/secret-token";
import type { Role } from "@/lib/auth/roles";

export type MemberView = {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string; email: string };
  grants: { organization: { id: string; name: string } }[];
};

export async function listMembers(ctx: WorkspaceContext): Promise<MemberView[]> {
  assertCan(ctx, "member.read");
  return getDb().member.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      grants: { select: { organization: { select: { id: true, name: true } } } },
    },
  });
}

export type InvitationView = {
  id: string;
  role: Role;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
};

export async function listInvitations(ctx: WorkspaceContext): Promise<InvitationView[]> {
  assertCan(ctx, "member.invite");
  return getDb().memberInvitation.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      role: true,
      email: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
    },
  });
}

export type InvitationPreview =
  | { status: "valid"; workspaceName: string; role: Role; email: string | null }
  | { status: "invalid" | "expired" | "used" | "revoked" };

/** What the invitation page shows before anyone signs in. Reveals nothing for a wrong token. */
export async function previewInvitation(
  token: string,
  now = new Date(),
): Promise<InvitationPreview> {
  const invitation = await getDb().memberInvitation.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      role: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true } },
    },
  });
  if (!invitation) return { status: "invalid" };
  if (invitation.revokedAt) return { status: "revoked" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.expiresAt <= now) return { status: "expired" };
  return {
    status: "valid",
    workspaceName: invitation.workspace.name,
    role: invitation.role,
    email: invitation.email,
  };
}
