"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN } from "@/lib/accounts/schema";
import { fieldError, fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";
import { useAccountForm } from "./use-account-form";

export function AcceptInvitation({
  token,
  email,
  action,
}: {
  token: string;
  email: string;
  action: FormAction;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">You are signed in as {email}.</p>
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join workspace
      </SubmitButton>
    </form>
  );
}

export function JoinAsNewUser({
  token,
  email,
  action,
}: {
  token: string;
  email: string | null;
  action: FormAction;
}) {
  const { state, submit } = useAccountForm(action);
  return (
    <>
      <form action={submit} className="mt-6 space-y-4" noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="token" value={token} />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          defaultValue={fieldValue(state, "name")}
          error={fieldError(state, "name")}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          readOnly={email !== null}
          defaultValue={email ?? fieldValue(state, "email")}
          error={fieldError(state, "email")}
        />
        <TextField
          label="Choose a password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN} characters.`}
          error={fieldError(state, "password")}
        />
        <SubmitButton className="w-full" pendingLabel="Creating your account…">
          Create account and join
        </SubmitButton>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}
        >
          Sign in first
        </Link>
      </p>
    </>
  );
}
