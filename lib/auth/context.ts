import type { Role } from "./roles";

// The id of a workspace the current member may touch. Only lib/auth mints it (the session gate
// and the API token check), and every data function requires it, so a query cannot be called
// with a workspace id taken from the request: a compile error, not a review comment.
export type AuthorizedWorkspaceId = string & { readonly __brand: "AuthorizedWorkspaceId" };

export type WorkspaceContext = {
  readonly userId: string;
  readonly userName: string;
  readonly email: string;
  readonly memberId: string;
  readonly workspaceId: AuthorizedWorkspaceId;
  readonly workspaceName: string;
  readonly role: Role;
  readonly via: "session" | "token";
};

/**
 * Only for lib/auth (the session gate and the API token check): turns a membership that was just
 * verified into an authorized id. Lint refuses it, and `as AuthorizedWorkspaceId`, anywhere else:
 * code with no request behind it goes through `systemContext`.
 */
export function authorizeWorkspaceId(id: string): AuthorizedWorkspaceId {
  return id as AuthorizedWorkspaceId;
}

/**
 * Why trusted code acts in a workspace without a member's request behind it. Each is a door past
 * the session gate, named so that a reader (and a grep for `systemContext(`) sees every one.
 */
export type SystemReason =
  /** Sign-up: the workspace the new owner has just created. */
  | "sign-up"
  /** Sign-in and password changes: audit events in each workspace of the user they concern. */
  | "account-audit"
  /** An invitation, its token already verified: the workspace it joins. */
  | "invitation"
  /** The admin CLI, run by the operator on the server. */
  | "cli"
  /** The demo seed and the benchmarks' datasets. */
  | "seed"
  /** Mail: the sweep's scheduled mail, and a stop-reminders link whose signature was verified. */
  | "mail";

export type SystemContext = {
  readonly workspaceId: AuthorizedWorkspaceId;
  readonly reason: SystemReason;
};

/**
 * The one way, outside the session gate, to an authorized workspace id. Never pass it an id a
 * request sent: only one the server itself created, or read through a verified secret (an
 * invitation token) or a verified password.
 */
export function systemContext(workspaceId: string, reason: SystemReason): SystemContext {
  return { workspaceId: authorizeWorkspaceId(workspaceId), reason };
}

/** A member context for system work that runs the app's own mutations as a member (the seed). */
export function actAsMember(
  system: SystemContext,
  member: {
    userId: string;
    userName: string;
    email: string;
    memberId: string;
    workspaceName: string;
    role: Role;
  },
): WorkspaceContext {
  return { ...member, workspaceId: system.workspaceId, via: "session" };
}
