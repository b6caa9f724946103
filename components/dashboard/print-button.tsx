"use client";

import { buttonClass } from "@/components/ui/button";
import { plotsDrawn } from "@/components/charts/lazy-plot";

export function PrintButton() {
  return (
    <button
      type="button"
      className={buttonClass("primary", "no-print")}
      // The charts' plots load after hydration: a click in that moment waits for them, so the
      // printout never shows a placeholder where a chart belongs.
      onClick={() => void plotsDrawn().then(() => window.print())}
    >
      Print / Save as PDF
    </button>
  );
}
