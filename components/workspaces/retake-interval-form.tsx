"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";

/** The workspace's retake interval, in days (a quarter by default). Owners only. */
export function RetakeIntervalForm({
  intervalDays,
  action,
}: {
  intervalDays: number;
  action: FormAction;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.status !== "idle" ? <FormStatus state={state} /> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Due for a retake after (days)"
          name="retakeIntervalDays"
          type="number"
          inputMode="numeric"
          min={7}
          max={730}
          required
          className="sm:w-64"
          defaultValue={fieldValue(state, "retakeIntervalDays", String(intervalDays))}
          hint="91 days is a quarter. Counted from the day the last round closed."
          error={fieldError(state, "retakeIntervalDays")}
        />
        <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
      </div>
    </form>
  );
}
