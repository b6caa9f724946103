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

/** Only for lib/auth: turns a membership that was just verified into an authorized id. */
export function authorizeWorkspaceId(id: string): AuthorizedWorkspaceId {
  return id as AuthorizedWorkspaceId;
}

/**
 * A context for trusted system work that has no request behind it (the demo seed). It acts as the
 * given member; never build one from anything a request sent.
 */
export function systemContext(member: {
  userId: string;
  userName: string;
  email: string;
  memberId: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
}): WorkspaceContext {
  return { ...member, workspaceId: authorizeWorkspaceId(member.workspaceId), via: "session" };
}
