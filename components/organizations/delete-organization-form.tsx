"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, type FormState } from "@/lib/forms/state";

export function DeleteOrganizationForm({
  id,
  name,
  action,
}: {
  id: string;
  name: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const [typed, setTyped] = useState("");
  return (
    <form action={formAction} className="mt-4 space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <TextField
        label={`Type “${name}” to confirm`}
        name="confirmation"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        error={fieldError(state, "confirmation")}
      />
      <SubmitButton variant="danger" disabled={typed.trim() !== name} pendingLabel="Deleting…">
        Delete organisation
      </SubmitButton>
    </form>
  );
}
