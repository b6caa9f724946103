// Every action the audit log records, with the words the audit page shows for it. `recordAudit`
// accepts only these keys, so writing a new action without saying how it reads fails typecheck.
const LABELS = {
  "workspace.created": "Created the workspace",
  "workspace.settings_changed": "Changed the workspace's settings",
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
  "organization.updated": "Edited an organisation",
  "organization.deleted": "Deleted an organisation",
  "assessment.created": "Created a round",
  "assessment.invited": "Invited respondents to a round",
  "assessment.open_link_created": "Created an open link for a round",
  "assessment.link_revoked": "Withdrew a respondent link",
  "assessment.opened": "Opened a round",
  "assessment.closed": "Closed a round",
  "assessment.next_round_started": "Started the next round of an organisation",
  "workshop.started": "Started a workshop",
  "workshop.level_agreed": "Recorded a level agreed in a workshop",
  "workshop.ended": "Ended a workshop",
  "initiative.created": "Added an initiative",
  "initiative.updated": "Edited an initiative",
  "initiative.diagnostic_recorded": "Recorded an initiative's diagnostic",
  "initiative.status_changed": "Changed an initiative's status",
  "initiative.status_overridden": "Moved an initiative on despite a no-go",
  "action.created": "Created an action",
  "action.updated": "Updated an action",
  "comment.key_quote_marked": "Marked a comment as a key quote",
  "comment.key_quote_unmarked": "Unmarked a key quote",
  "workspace.logo_changed": "Changed the workspace logo",
  "mail.invitations_sent": "Emailed respondents their links",
  "mail.reminders_sent": "Reminded respondents who have not submitted",
  "mail.reminders_stopped": "A respondent stopped reminders",
  "mail.test_sent": "Sent a test mail",
  "token.created": "Created an API token",
  "token.revoked": "Revoked an API token",
  "workspace.exported": "Exported data",
  "workspace.imported": "Imported data",
  "webhook.created": "Added a webhook",
  "webhook.deleted": "Deleted a webhook",
  "webhook.test_sent": "Sent a test webhook event",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof LABELS;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(LABELS, action);
}

/** The words for a stored action; one written by a later release is shown as its key. */
export function describeAuditAction(action: string): string {
  return isAuditAction(action) ? LABELS[action] : action;
}
