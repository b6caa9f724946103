"use client";

import { buttonClass } from "@/components/ui/button";

export function PrintButton() {
  return (
    <button
      type="button"
      className={buttonClass("primary", "no-print")}
      onClick={() => window.print()}
    >
      Print / Save as PDF
    </button>
  );
}
