import { z } from "zod";
import { text } from "@/lib/validation/text";
import { findFramework, listFrameworkVersions } from "@/lib/framework";
import { ownerSchema } from "@/lib/initiatives/schema";

import { ACTION_STATUSES } from "./statuses";

export { ACTION_STATUSES, type ActionStatus } from "./statuses";
export const actionStatusSchema = z.enum(ACTION_STATUSES, {
  error: `Choose one of ${ACTION_STATUSES.join(", ")}.`,
});

export const ACTION_TITLE_MAX = 300;

function knownDimension(id: string): boolean {
  return listFrameworkVersions().some((v) => findFramework(v)?.dimensions.some((d) => d.id === id));
}

function knownRecommendation(id: string): boolean {
  return listFrameworkVersions().some((v) =>
    findFramework(v)?.recommendations.some((r) => r.id === id),
  );
}

const dueDateSchema = z
  .union([z.iso.date(), z.literal("")], { error: "Use a date like 2027-03-31." })
  .transform((v) => (v === "" ? null : new Date(`${v}T00:00:00.000Z`)));

const actionFields = {
  title: text({ error: "Say what is to be done." })
    .trim()
    .min(1, "Say what is to be done.")
    .max(ACTION_TITLE_MAX, `Use at most ${ACTION_TITLE_MAX} characters.`),
  dimension: text()
    .trim()
    .max(80)
    .refine((v) => v === "" || knownDimension(v), "Unknown dimension.")
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  recommendationId: text()
    .trim()
    .max(120)
    .refine((v) => v === "" || knownRecommendation(v), "Unknown recommendation.")
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  owner: ownerSchema.nullish(),
  dueDate: dueDateSchema.nullish(),
  status: actionStatusSchema.optional(),
};

/** A recommendation turned into an action, or an action written by hand. */
export const createActionSchema = z.strictObject(actionFields);
export type CreateActionInput = z.infer<typeof createActionSchema>;

export const updateActionSchema = z
  .strictObject(actionFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change.");
