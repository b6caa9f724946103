import { z } from "zod";

/** `?paper=a4|letter` on the PDF report (A4 when absent). */
export const reportQuerySchema = z.object({
  paper: z.enum(["a4", "letter"], { error: "Use paper=a4 or paper=letter." }).default("a4"),
});
