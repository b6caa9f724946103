"use client";

import { useActionState, useId } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction, type FormState } from "@/lib/forms/state";

/** "Remind those who have not submitted", with what it did (or why it did not) beside it. */
export function RemindForm({ assessmentId, action }: { assessmentId: string; action: FormAction }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="mt-4 space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <SubmitButton variant="secondary" pendingLabel="Queuing reminders…">
        Remind those who have not submitted
      </SubmitButton>
      <p className="text-xs text-slate-600">
        One email each to those with an address, skipping anyone mailed in the last 24 hours or who
        asked for no reminders.
      </p>
      <FormStatus state={state} />
    </form>
  );
}

/** Emails one respondent's link: to its address, or to one typed here (then kept on the link). */
export function EmailLinkForm({
  assessmentId,
  invitationId,
  email,
  who,
  action,
}: {
  assessmentId: string;
  invitationId: string;
  email: string | null;
  who: string;
  action: FormAction;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const fieldId = useId();
  return (
    <form action={formAction} className="mt-1 space-y-1" noValidate>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <div className="flex flex-wrap items-center gap-2">
        {email ? (
          <span className="min-w-0 flex-1 truncate text-xs text-slate-600">{email}</span>
        ) : (
          <div className="min-w-0 flex-1">
            <label htmlFor={fieldId} className="sr-only">
              Email address for {who}
            </label>
            <input
              id={fieldId}
              name="email"
              type="email"
              autoComplete="off"
              placeholder="Email address"
              aria-invalid={state.status === "error" && Boolean(state.fields?.email)}
              className="block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-1 text-base sm:text-sm"
            />
          </div>
        )}
        <SubmitButton
          variant="ghost"
          className="min-h-8 px-2 text-xs"
          pendingLabel="Sending…"
          aria-label={`Email the link to ${who}`}
        >
          Email link
        </SubmitButton>
      </div>
      {state.status === "idle" ? null : <FormStatus state={state} />}
    </form>
  );
}
