"use client";

import { useSyncExternalStore } from "react";

// recharts animates in JavaScript, so the global CSS rule for prefers-reduced-motion
// (app/globals.css) does not reach it: the plots ask this hook instead. The series are drawn
// without animation for everyone (a chart that grows in delays reading it and the print
// snapshot); what is left, the tooltip gliding after the pointer, follows the preference.

const QUERY = "(prefers-reduced-motion: reduce)";

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** True when the person asked for less motion (and on the server, where nothing moves). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => true,
  );
}
