// The action statuses as plain values, without zod: client components (the status form on the
// dashboard) import these, and importing ./schema would ship zod and the framework to the browser.
export const ACTION_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
