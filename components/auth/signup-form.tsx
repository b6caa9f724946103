"use client";

import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, fieldValue, type FormAction } from "@/lib/forms/state";
import { useAccountForm } from "./use-account-form";
import { PASSWORD_MIN } from "@/lib/accounts/schema";

export function SignUpForm({ action }: { action: FormAction }) {
  const { state, submit } = useAccountForm(action);

  return (
    <form action={submit} className="mt-6 space-y-4" noValidate>
      <FormStatus state={state} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={120}
        defaultValue={fieldValue(state, "name")}
        error={fieldError(state, "name")}
      />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={fieldValue(state, "email")}
        error={fieldError(state, "email")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={fieldError(state, "password")}
      />
      <TextField
        label="Workspace name"
        name="workspaceName"
        required
        maxLength={120}
        hint="Your consultancy or team, e.g. “Northwind Advisory”."
        defaultValue={fieldValue(state, "workspaceName")}
        error={fieldError(state, "workspaceName")}
      />
      <SubmitButton className="w-full" pendingLabel="Creating your workspace…">
        Create workspace
      </SubmitButton>
    </form>
  );
}
