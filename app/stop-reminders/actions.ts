"use server";

import { runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { AppError } from "@/lib/errors";
import { stopReminders } from "@/lib/mail/stop";

/** The respondent confirms: no more reminders to this address from this workspace. */
export async function stopRemindersAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(formData, async () => {
    const token = formData.get("token");
    const target = typeof token === "string" ? await stopReminders(token) : null;
    if (!target) {
      throw new AppError("not_found", "This link is not valid. Check that it was copied whole.");
    }
    return {
      status: "success",
      message: `Done: ${target.email} gets no more reminders from ${target.workspaceName}.`,
    };
  });
}
