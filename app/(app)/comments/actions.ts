"use server";

import { revalidatePath } from "next/cache";
import { formToObject, memberAction } from "@/lib/forms/action";
import { setKeyQuote } from "@/lib/comments/mutations";

/** Marks or unmarks a respondent's comment as a key quote for the report. */
export const setKeyQuoteAction = memberAction(async (ctx, formData) => {
  const quote = await setKeyQuote(ctx, formToObject(formData));
  revalidatePath(`/assessments/${quote.assessmentId}/result`);
  revalidatePath("/organizations/[id]/people", "page");
  return {
    status: "success",
    message: quote.keyQuote ? "Marked as a key quote." : "Removed from the key quotes.",
  };
});
