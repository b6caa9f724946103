"use client";

import { useState } from "react";
import { Button } from "./button";

/** A read-only value with a copy button, for links and tokens shown once. */
export function CopyField({
  label,
  value,
  absolute = false,
}: {
  label: string;
  value: string;
  absolute?: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const shown =
    absolute && typeof window !== "undefined"
      ? new URL(value, window.location.origin).toString()
      : value;
  return (
    <div>
      <label className="block text-sm font-medium text-slate-800" htmlFor={`copy-${label}`}>
        {label}
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          id={`copy-${label}`}
          readOnly
          value={shown}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(shown);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? "Copied to the clipboard" : ""}
      </p>
    </div>
  );
}
