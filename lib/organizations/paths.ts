// The organisation page's tabs and where each lives, in one place: the tab bar, the pages that
// link to a tab (the overdue alert, an initiative's way back) and the notices' links all read it.

export const ORGANIZATION_TABS = [
  { id: "overview", label: "Overview", segment: "" },
  { id: "people", label: "Roles and comments", segment: "/people" },
  { id: "actions", label: "Actions", segment: "/actions" },
  { id: "initiatives", label: "Initiatives", segment: "/initiatives" },
  { id: "rounds", label: "Rounds and details", segment: "/rounds" },
] as const;

export type OrganizationTab = (typeof ORGANIZATION_TABS)[number]["id"];

/** The path of one tab of an organisation's page (the overview when no tab is named). */
export function organizationPath(
  organizationId: string,
  tab: OrganizationTab = "overview",
): string {
  const segment = ORGANIZATION_TABS.find((t) => t.id === tab)!.segment;
  return `/organizations/${organizationId}${segment}`;
}
