// Who may do what, in one table. Pages, server actions, route handlers and the CLI all ask
// `can(role, action)`; nothing else decides. Scoping (which workspace, which organisations an
// executive was granted) is the data layer's job, on top of this table.

export const ROLES = ["owner", "consultant", "executive"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "organization.read",
  "organization.create",
  "organization.update",
  "organization.delete",
  "assessment.read",
  "assessment.manage",
  "initiative.read",
  "initiative.manage",
  "action.read",
  "action.manage",
  "member.read",
  "member.invite",
  "member.update",
  "member.remove",
  "token.manage",
  "audit.read",
  "workspace.update",
] as const;
export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ACTIONS),
  consultant: new Set<Action>([
    "organization.read",
    "organization.create",
    "organization.update",
    "assessment.read",
    "assessment.manage",
    "initiative.read",
    "initiative.manage",
    "action.read",
    "action.manage",
    "member.read",
  ]),
  executive: new Set<Action>([
    "organization.read",
    "assessment.read",
    "initiative.read",
    "action.read",
  ]),
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].has(action);
}

// The roles that see only the organisations they were granted; every other role sees the whole
// workspace. The data layer's scopes, the grant screens and the seed all ask this, so a new
// read-only role decides its reach here, once.
const GRANT_SCOPED: ReadonlySet<Role> = new Set<Role>(["executive"]);

export function seesOnlyGrantedOrganizations(role: Role): boolean {
  return GRANT_SCOPED.has(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  consultant: "Consultant",
  executive: "Executive",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including members, API tokens and deleting data.",
  consultant: "Manages organisations, assessments, initiatives and workshops; sees all results.",
  executive: "Read-only, and only for the organisations they are granted.",
};
