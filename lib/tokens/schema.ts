import { z } from "zod";
import { text } from "@/lib/validation/text";

export const createTokenSchema = z.object({
  name: text({ error: "Give the token a name." })
    .trim()
    .min(1, 'Give the token a name, e.g. "Power BI export".')
    .max(80, "Use at most 80 characters."),
});
