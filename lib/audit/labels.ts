const LABELS: Record<string, string> = {
  "workspace.created": "Created the workspace",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in",
  "user.password_changed": "Changed their password",
  "member.added": "Added a member",
  "member.invited": "Invited someone",
  "member.invitation_revoked": "Revoked an invitation",
  "member.joined": "Joined the workspace",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "member.grants_changed": "Changed an executive's access",
  "organization.created": "Created an organisation",
  "organization.deleted": "Deleted an organisation",
  "token.created": "Created an API token",
  "token.revoked": "Revoked an API token",
};

export function describeAuditAction(action: string): string {
  return LABELS[action] ?? action;
}
