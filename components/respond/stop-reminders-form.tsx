"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction, type FormState } from "@/lib/forms/state";

export function StopRemindersForm({ token, action }: { token: string; action: FormAction }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  if (state.status === "success") return <FormStatus state={state} />;
  return (
    <form action={formAction} className="mt-6 space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormStatus state={state} />
      <SubmitButton pendingLabel="Saving…">Stop reminders</SubmitButton>
    </form>
  );
}
