"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction, type FormState } from "@/lib/forms/state";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/actions/statuses";
import { ACTION_STATUS_LABELS } from "./labels";

/** One action's status, changed in its row of the actions table. */
export function ActionStatusForm({
  action,
  actionId,
  title,
  status,
}: {
  action: FormAction;
  actionId: string;
  title: string;
  status: ActionStatus;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const id = `action-status-${actionId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="id" value={actionId} />
      <label htmlFor={id} className="sr-only">
        Status of {title}
      </label>
      <select
        id={id}
        name="status"
        key={status}
        defaultValue={status}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTION_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" className="min-h-8 px-3 py-1">
        Save<span className="sr-only"> status of {title}</span>
      </SubmitButton>
      <span role="status" className="text-sm text-slate-600">
        {state.status === "error" ? state.message : state.status === "success" ? "Saved" : ""}
      </span>
    </form>
  );
}
