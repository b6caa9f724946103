// The Content-Security-Policy, in one place (docs/decisions/0008-csp-nonces.md).
//
// Pages rendered per request get a fresh nonce from proxy.ts: Next puts it on every script it
// renders, and an inline script an attacker managed to inject has none, so it does not run.
// The two prerendered pages (/method, /signup) cannot carry a per-request nonce; they keep
// 'unsafe-inline' for their own inline bootstrap, which is safe there because they render no
// request data at all (nothing a visitor sends can reach their HTML).

/** Pages prerendered at build time (○ in `next build`): their HTML is fixed, so no nonce. */
export const STATIC_PAGES = ["/method", "/signup"] as const;

export function isStaticPage(pathname: string): boolean {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  return (STATIC_PAGES as readonly string[]).includes(path);
}

type CspOptions = { nonce?: string; dev?: boolean };

export function contentSecurityPolicy({ nonce, dev = false }: CspOptions = {}): string {
  // In development React evaluates strings for its debugging tools.
  const evalSource = dev ? " 'unsafe-eval'" : "";
  const scripts = nonce ? `'self' 'nonce-${nonce}'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${evalSource}`,
    // Style attributes (recharts, widths of bars) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
