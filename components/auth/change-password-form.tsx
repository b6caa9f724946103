"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN } from "@/lib/accounts/schema";
import { fieldError, idle, type FormState } from "@/lib/forms/state";

export function ChangePasswordForm({
  action,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="mt-4 space-y-4" noValidate>
      <FormStatus state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fieldError(state, "currentPassword")}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={fieldError(state, "newPassword")}
      />
      <TextField
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "confirmPassword")}
      />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
