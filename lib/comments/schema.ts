import { z } from "zod";
import { text } from "@/lib/validation/text";

/** Marks (true) or unmarks (false) a comment as a key quote for the report. */
export const keyQuoteSchema = z.strictObject({
  answerId: text({ error: "Say which comment." }).trim().min(1).max(100),
  keyQuote: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
    error: "Say whether the comment is a key quote (true or false).",
  }),
});
