"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "@/lib/initiatives/statuses";
import { INITIATIVE_STATUS_LABELS } from "./labels";

/**
 * Moves an initiative to another status. When the diagnostic says no-go, the override reason is
 * offered: left empty, a move to production or scale is refused with the reasons.
 */
export function StatusForm({
  action,
  initiativeId,
  status,
  noGo,
}: {
  action: FormAction;
  initiativeId: string;
  status: InitiativeStatus;
  noGo: boolean;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const options = INITIATIVE_STATUSES.filter((s) => s !== status).map((s) => ({
    value: s,
    label: INITIATIVE_STATUS_LABELS[s],
  }));
  const refusedForNoGo = state.status === "error" && state.code === "diagnostic_no_go";
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Change status">
      <FormStatus state={state} />
      <input type="hidden" name="id" value={initiativeId} />
      <SelectField
        label="Move to"
        name="status"
        placeholder="Choose a status"
        options={options}
        // A select keeps its first default: the key remounts it with the value sent back.
        key={`status-${fieldValue(state, "status")}`}
        defaultValue={fieldValue(state, "status")}
        error={fieldError(state, "status")}
      />
      {noGo ? (
        <TextAreaField
          label="Override reason (only to move past pilot despite the no-go)"
          name="override.reason"
          maxLength={2000}
          hint="Recorded with your name and the date, and shown on the dashboard."
          defaultValue={fieldValue(state, "override.reason")}
          error={
            fieldError(state, "override.reason") ??
            (refusedForNoGo
              ? "Give a reason to override the no-go, or fix the diagnostic first."
              : undefined)
          }
        />
      ) : null}
      <div className="flex justify-end">
        <SubmitButton>Change status</SubmitButton>
      </div>
    </form>
  );
}
