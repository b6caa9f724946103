"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation, focus goes to the new page's main heading (or the main
 * landmark), as a full page load would start a screen reader there. Next.js keeps focus on the
 * link that was followed, or drops it to the page when that link went away, so a keyboard user
 * would otherwise start again from the top or from a control of the page they left.
 * Not on the first load: the browser starts at the top then. It lives in the root layout, so
 * it sees every navigation, from signing in to the app as well as within it.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.querySelector<HTMLElement>("main");
    const target = main?.querySelector<HTMLElement>("h1") ?? main;
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
