"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction, type FormState } from "@/lib/forms/state";

/** "Send me a test mail", with what happened beside it. */
export function TestMailForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel="Queuing…">
        Send me a test mail
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
