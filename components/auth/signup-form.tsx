"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { signUpAction } from "@/app/(auth)/signup/actions";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, fieldValue, idle, type FormState } from "@/lib/forms/state";
import { PASSWORD_MIN } from "@/lib/accounts/schema";

export function SignUpForm() {
  const router = useRouter();
  const [state, formAction] = useActionState<FormState, FormData>(signUpAction, idle);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  // Once the account exists, sign in with the same credentials and go to the workspace.
  useEffect(() => {
    if (state.status !== "success" || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      router.replace(result?.ok ? "/organizations" : "/login?joined=1");
      router.refresh();
    });
  }, [state, router]);

  return (
    <form
      action={(formData) => {
        credentials.current = {
          email: String(formData.get("email") ?? ""),
          password: String(formData.get("password") ?? ""),
        };
        formAction(formData);
      }}
      className="mt-6 space-y-4"
      noValidate
    >
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
