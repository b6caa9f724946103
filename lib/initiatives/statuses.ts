// Initiative statuses, diagnostic part statuses and field limits as plain values, without zod:
// client components import these, and importing ./schema would ship zod and the framework to the
// browser.
export const INITIATIVE_STATUSES = ["idea", "pilot", "production", "scaled", "retired"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const PART_STATUSES = ["met", "partial", "unmet"] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const INITIATIVE_NAME_MAX = 120;
export const EVIDENCE_MAX = 4000;
