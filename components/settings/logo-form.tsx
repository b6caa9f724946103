"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, type FormAction, type FormState } from "@/lib/forms/state";

/** Uploads the workspace logo printed on report covers. */
export function LogoForm({ action, maxKb }: { action: FormAction; maxKb: number }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const error = fieldError(state, "logo");
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="space-y-1.5">
        <label htmlFor="logo" className="block text-sm font-medium text-slate-800">
          Logo file (PNG or JPEG)
        </label>
        <input
          id="logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "logo-error" : "logo-hint"}
          className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
        />
        {error ? (
          <p id="logo-error" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : (
          <p id="logo-hint" className="text-sm text-slate-600">
            At most {maxKb} KB and 4,000 pixels wide or high. A wide logo on a white background
            prints best.
          </p>
        )}
      </div>
      <SubmitButton pendingLabel="Uploading…">Upload logo</SubmitButton>
      {state.status !== "idle" && !(state.status === "error" && state.fields) ? (
        <FormStatus state={state} />
      ) : null}
    </form>
  );
}
