"use client";

import { useActionState } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";

export type EventChoice = { id: string; label: string };

/** Adds a webhook; the secret that signs its events is shown here once. */
export function WebhookForm({
  action,
  events,
}: {
  action: FormAction<{ secret: string }>;
  events: EventChoice[];
}) {
  const [state, formAction] = useActionState<FormState<{ secret: string }>, FormData>(action, idle);
  const eventsError = fieldError(state, "events");
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <TextField
          label="URL"
          name="url"
          type="url"
          inputMode="url"
          maxLength={2000}
          placeholder="https://example.com/hooks/gapmap"
          defaultValue={fieldValue(state, "url")}
          error={fieldError(state, "url")}
          hint="https:// (or http://) on a public address. Private, link-local and cloud metadata addresses are refused."
        />
        <fieldset aria-describedby={eventsError ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {events.map((e) => (
              <label
                key={e.id}
                className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
              >
                <input
                  type="checkbox"
                  name="events"
                  value={e.id}
                  defaultChecked
                  className="mt-0.5 size-4"
                />
                <span>
                  <span className="font-medium">{e.label}</span>
                  <code className="block text-xs text-slate-600">{e.id}</code>
                </span>
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="events-error" className="mt-1 text-sm font-medium text-red-700">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton pendingLabel="Adding…">Add webhook</SubmitButton>
        {state.status === "error" && !state.fields ? <FormStatus state={state} /> : null}
      </form>
      {state.status === "success" && state.data ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
          <CopyField label="Signing secret (shown once: copy it now)" value={state.data.secret} />
        </div>
      ) : null}
    </div>
  );
}

/** "Send a test event": says at once what the receiver answered. */
export function TestEventForm({
  action,
  webhookId,
  url,
}: {
  action: FormAction;
  webhookId: string;
  url: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="webhookId" value={webhookId} />
      <SubmitButton
        variant="secondary"
        pendingLabel="Sending…"
        aria-label={`Send a test event to ${url}`}
      >
        Send a test event
      </SubmitButton>
      <div aria-live="polite">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
