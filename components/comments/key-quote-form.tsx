"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction, type FormState } from "@/lib/forms/state";

/** Marks or unmarks one comment as a key quote for the report (consultants and owners). */
export function KeyQuoteForm({
  action,
  answerId,
  keyQuote,
}: {
  action: FormAction;
  answerId: string;
  keyQuote: boolean;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  return (
    <form action={formAction} className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="answerId" value={answerId} />
      <input type="hidden" name="keyQuote" value={keyQuote ? "false" : "true"} />
      <SubmitButton variant="secondary" className="min-h-8 px-3 py-1 text-sm">
        {keyQuote ? "Remove from key quotes" : "Mark as key quote"}
      </SubmitButton>
      <span role="status" className="text-sm text-slate-600">
        {state.status === "error" ? state.message : ""}
      </span>
    </form>
  );
}
