import { z } from "zod";

export const DEFAULT_RETAKE_INTERVAL_DAYS = 91;

/** Workspace settings: how long after a round closes the organisation is due for a retake. */
export const workspaceSettingsSchema = z.strictObject({
  retakeIntervalDays: z.coerce
    .number({ error: "Enter a number of days, e.g. 91 for a quarter." })
    .int("Enter a whole number of days.")
    .min(7, "At least 7 days.")
    .max(730, "At most 730 days (two years)."),
});
