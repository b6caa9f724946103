"use client";

import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { idle, type FormState } from "@/lib/forms/state";

/** A small form around one server action, showing its outcome beside it. */
export function ActionForm({
  action,
  children,
  className,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className={className}>
      {children}
      {state.status === "error" ? (
        <div className="mt-2 basis-full">
          <FormStatus state={state} />
        </div>
      ) : null}
    </form>
  );
}
