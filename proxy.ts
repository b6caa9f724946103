import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, findApiRoute } from "@/lib/api/routes";
import { contentSecurityPolicy, createNonce, isStaticPage } from "@/lib/security/csp";
import { isStorableText } from "@/lib/validation/text";

// Requests Next would otherwise answer with a 500 or a bare status, answered before routing:
//
// - A path segment that is not valid percent-encoding (`/organizations/%ff`, `/respond/%`,
//   `/api/v1/respond/%E0%A4%A`): Next's dynamic-route matcher throws a DecodeError, which
//   `next start` turns into a 500 (vercel/next.js#92527). Such a URL names nothing: 404, the
//   JSON error on the API, the not-found page elsewhere. So does a segment that decodes to a NUL
//   (`%00`): no id holds one, and PostgreSQL answers a lookup of one with an error.
// - A method a route does not take: Next answers an empty 405 (or an empty 400 for a method it
//   does not know, e.g. PROPFIND); the API answers 405 `method_not_allowed` with `Allow`.
// - An /api/v1 path no route serves: 404 in the JSON error shape, not the HTML not-found page.
//
// - Every page rendered per request: a Content-Security-Policy with a fresh nonce, given to Next
//   on the request (it puts the nonce on each script it renders) and to the browser on the
//   response (lib/security/csp.ts; the prerendered pages are not matched and keep theirs).
//
// TRACE, TRACK and CONNECT never get here: Node's fetch `Request` refuses to be built with them,
// and Next builds one before this function runs; scripts/server.mjs answers them 405 first.

function jsonError(status: number, code: string, message: string, headers: HeadersInit = {}) {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

/**
 * True when a segment is not valid percent-encoding, or decodes to text no database stores
 * (`%00`: PostgreSQL refuses a NUL even in a lookup, "invalid byte sequence 0x00", a 500).
 */
function hasMalformedEscape(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    try {
      if (!isStorableText(decodeURIComponent(segment))) return true;
    } catch {
      return true;
    }
  }
  return false;
}

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (hasMalformedEscape(pathname)) {
    if (isApi(pathname)) return jsonError(404, "not_found", "No such resource.");
    return NextResponse.rewrite(new URL("/_not-found-malformed-path", request.url));
  }
  if (!isApi(pathname)) {
    // The prerendered pages' HTML is fixed: it cannot carry a nonce (next.config.ts sets theirs).
    return isStaticPage(pathname) ? NextResponse.next() : withNonce(request);
  }
  // next-auth answers a GET of the credentials callback with a 500 ("callback for provider type
  // credentials not supported"): a person who lands there is sent to sign in.
  if (pathname === "/api/auth/callback/credentials" && request.method !== "POST") {
    return NextResponse.redirect(new URL("/login", request.url), 303);
  }
  const route = findApiRoute(pathname);
  if (!route) {
    return pathname.startsWith("/api/v1/") || pathname === "/api/v1"
      ? jsonError(
          404,
          "not_found",
          "No such endpoint. The API is described at /api/v1/openapi.json.",
        )
      : NextResponse.next();
  }
  const allowed: string[] = allowedMethods(route);
  if (!allowed.includes(request.method.toUpperCase())) {
    return jsonError(
      405,
      "method_not_allowed",
      `${request.method} is not allowed here. Allowed: ${allowed.join(", ")}.`,
      { allow: allowed.join(", ") },
    );
  }
  return NextResponse.next();
}

function withNonce(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    dev: process.env.NODE_ENV !== "production",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Everything but Next's built files and the icon.
  matcher: ["/((?!_next/static|_next/image|icon\\.svg).*)"],
};
