"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";
import type { ComponentProps } from "react";

/**
 * A submit button that shows it is working and cannot be pressed twice. While the form is sending
 * it is aria-disabled rather than disabled: a disabled button drops keyboard focus to the page,
 * and a keyboard user would start again from the top when the answer arrives. The click (and
 * Enter in a field, which clicks the default button) is cancelled instead.
 */
export function SubmitButton({
  children,
  pendingLabel,
  disabled,
  onClick,
  ...props
}: ComponentProps<typeof Button> & { pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button
      type="submit"
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    >
      {pending ? (
        <>
          <span
            aria-hidden
            className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
          />
          {pendingLabel ?? "Saving…"}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
