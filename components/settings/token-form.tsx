"use client";

import { useActionState } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, type FormState } from "@/lib/forms/state";

export function TokenForm({
  action,
}: {
  action: (
    state: FormState<{ token: string }>,
    formData: FormData,
  ) => Promise<FormState<{ token: string }>>;
}) {
  const [state, formAction] = useActionState<FormState<{ token: string }>, FormData>(action, idle);
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <TextField
          label="Name"
          name="name"
          maxLength={80}
          placeholder="e.g. Power BI export"
          className="flex-1"
          error={fieldError(state, "name")}
        />
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
      {state.status === "error" && !state.fields ? <FormStatus state={state} /> : null}
      {state.status === "success" && state.data ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
          <CopyField label="Your new token (shown once: copy it now)" value={state.data.token} />
        </div>
      ) : null}
    </div>
  );
}
