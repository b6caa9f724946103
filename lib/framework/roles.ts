import type { RespondentRole } from "./schema";

// The words for respondent roles, in one place for every page, chart and form: the consultant's
// screens, the dashboards and the respondent's own pages all say the same thing. Kept apart from
// the framework content so that client components can import it without the questions.

export const RESPONDENT_ROLE_LABELS: Record<RespondentRole, string> = {
  executive: "Executive",
  business: "Business",
  technical: "Technical",
  data: "Data",
};

/** What each role means, said to the respondent choosing theirs. */
export const RESPONDENT_ROLE_HINTS: Record<RespondentRole, string> = {
  executive: "You sponsor or lead AI work, or decide what scales.",
  business: "You run or own a workflow where AI is used or planned.",
  technical: "You build, integrate or operate the systems AI runs on.",
  data: "You own, manage or govern the data AI relies on.",
};

function isRespondentRole(role: string): role is RespondentRole {
  return Object.hasOwn(RESPONDENT_ROLE_LABELS, role);
}

/** The label of a role read from stored data; a value no release knows is shown as it is. */
export function respondentRoleLabel(role: string): string {
  return isRespondentRole(role) ? RESPONDENT_ROLE_LABELS[role] : role;
}
