// Where to send someone after they sign in. `next` comes from the address bar, so it is an
// attacker's value: a browser turns `/\evil.example/` and `/<TAB>/evil.example` into
// `//evil.example` (backslash is a slash in http URLs, tabs and newlines are dropped), so a
// prefix check ("starts with / but not //") is not enough. The only sound test is the browser's
// own: resolve the value against this origin with the WHATWG URL parser and keep it only if it
// stays here. Pure and free of server-only imports: the sign-in form runs it in the browser too.

/** Any origin works for the check; this one can never be reached. */
const PLACEHOLDER_ORIGIN = "http://gapmap.invalid";

/** Longest `next` followed at all: a path longer than this is not a link GapMap made. */
const MAX_NEXT_LENGTH = 2048;

/** How many rounds of percent-decoding are checked (a value may be encoded more than once). */
const DECODE_ROUNDS = 3;

function sameOrigin(value: string, origin: string): URL | null {
  try {
    const url = new URL(value, origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/** The value and each percent-decoding of it, as far as they decode. */
function decodings(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      break;
    }
    if (decoded === current) break;
    forms.push(decoded);
    current = decoded;
  }
  return forms;
}

/**
 * A path on this origin (`/organizations?x=1#y`) to follow after sign-in, or "/" when `next` is
 * missing, malformed or would leave the origin in any decoding of it. `origin` is the app's own
 * (e.g. `window.location.origin`); an absolute URL is accepted only when it is on that origin.
 */
export function safeNextPath(next: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_NEXT_LENGTH) return "/";
  let base: string;
  try {
    base = new URL(origin).origin;
  } catch {
    return "/";
  }
  // Every decoding must stay here: a value that is harmless as sent but leaves once decoded
  // again (by a proxy, a framework, a later redirect) is refused rather than reasoned about.
  if (!decodings(next).every((form) => sameOrigin(form, base) !== null)) return "/";
  const url = sameOrigin(next, base);
  if (!url) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The normalised path must itself stay here: `/.//evil.example` normalises to `//evil.example`,
  // which a browser reads as another host.
  return path.startsWith("/") && sameOrigin(path, base) !== null && !/^[/\\]{2}/.test(path)
    ? path
    : "/";
}
