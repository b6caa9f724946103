"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { FormState } from "@/lib/forms/state";
import { Alert } from "./alert";

/**
 * After a refused submission, focus goes where the person has to act: the first field marked
 * invalid in the form, or else the error summary itself. Without it focus stays on the submit
 * button (or falls to the page when the button was disabled while sending), and a keyboard or
 * screen-reader user has to hunt for what went wrong (WCAG 3.3.1).
 */
export function useFocusOnError(error: unknown, summary: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!error) return;
    const form = summary.current?.closest("form");
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? summary.current)?.focus();
  }, [error, summary]);
}

export function FormStatus({ state }: { state: FormState }) {
  const summary = useRef<HTMLDivElement>(null);
  useFocusOnError(state.status === "error" ? state : null, summary);
  if (state.status === "error") {
    return (
      <Alert ref={summary} tone="error" title="That did not work">
        {state.message}
      </Alert>
    );
  }
  if (state.status === "success" && state.message) {
    return <Alert tone="success">{state.message}</Alert>;
  }
  return null;
}
