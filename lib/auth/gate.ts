import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspaceId, type WorkspaceContext } from "./context";
import { hashSecretToken } from "./secret-token";
import { parseCookieHeader, readSessionClaims, WORKSPACE_COOKIE } from "./session";

// The session gate: the only place that turns a request's credentials (a session cookie or an
// API token) into a WorkspaceContext. The workspace cookie is only a preference: the member's
// own memberships decide which workspace they reach.

export type GateResult =
  | { kind: "anonymous" }
  | { kind: "no_workspace"; userId: string; userName: string; email: string }
  | { kind: "member"; ctx: WorkspaceContext; workspaces: WorkspaceChoice[] };

export type WorkspaceChoice = { id: string; name: string; role: WorkspaceContext["role"] };

export async function resolveSession(
  getCookie: (name: string) => string | undefined,
): Promise<GateResult> {
  const claims = await readSessionClaims(getCookie);
  if (!claims) return { kind: "anonymous" };
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, email: true, sessionVersion: true },
  });
  // A changed password bumps the version and so ends every session issued before it.
  if (!user || user.sessionVersion !== claims.sessionVersion) return { kind: "anonymous" };
  const members = await db.member.findMany({
    where: { userId: user.id },
    select: { id: true, role: true, workspace: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (members.length === 0) {
    return { kind: "no_workspace", userId: user.id, userName: user.name, email: user.email };
  }
  const preferred = getCookie(WORKSPACE_COOKIE);
  const member = members.find((m) => m.workspace.id === preferred) ?? members[0]!;
  return {
    kind: "member",
    ctx: {
      userId: user.id,
      userName: user.name,
      email: user.email,
      memberId: member.id,
      workspaceId: authorizeWorkspaceId(member.workspace.id),
      workspaceName: member.workspace.name,
      role: member.role,
      via: "session",
    },
    workspaces: members.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role })),
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves `Authorization: Bearer <token>`; the token acts with its member's current role. */
export async function resolveApiToken(token: string, now = new Date()): Promise<WorkspaceContext> {
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      member: {
        select: {
          id: true,
          role: true,
          user: { select: { id: true, name: true, email: true } },
          workspace: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!row || row.revokedAt) {
    throw new AppError("unauthorized", "The API token is not valid or has been revoked.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { member } = row;
  return {
    userId: member.user.id,
    userName: member.user.name,
    email: member.user.email,
    memberId: member.id,
    workspaceId: authorizeWorkspaceId(member.workspace.id),
    workspaceName: member.workspace.name,
    role: member.role,
    via: "token",
  };
}

/** For route handlers: a bearer token if one is sent, otherwise the session cookie. */
export async function contextFromRequest(request: Request): Promise<WorkspaceContext> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) {
      throw new AppError("unauthorized", "Send the API token as `Authorization: Bearer <token>`.");
    }
    return resolveApiToken(match[1]);
  }
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  const result = await resolveSession((name) => cookies.get(name));
  if (result.kind === "member") return result.ctx;
  if (result.kind === "no_workspace") {
    throw new AppError("forbidden", "You are not a member of any workspace.");
  }
  throw new AppError("unauthorized", "Sign in, or send an API token.");
}
