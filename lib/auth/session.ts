import "server-only";
import { decode, encode } from "next-auth/jwt";

// next-auth v4 keeps the session in an encrypted JWT cookie. We read it ourselves, from a cookie
// string, so that pages, server actions and route handlers all resolve the member the same way
// (and tests can pass a real signed-in cookie to a route handler).

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
export const WORKSPACE_COOKIE = "gapmap-workspace";

export type SessionClaims = { userId: string; sessionVersion: number };

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret)
    throw new Error("NEXTAUTH_SECRET is not set: `npm start` creates one for local runs.");
  return secret;
}

export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

export async function readSessionClaims(
  getCookie: (name: string) => string | undefined,
): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = getCookie(name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: authSecret() });
      const userId = payload?.sub;
      const sessionVersion = payload?.sv;
      if (typeof userId === "string" && typeof sessionVersion === "number") {
        return { userId, sessionVersion };
      }
    } catch {
      // A tampered or outdated cookie is simply no session.
    }
  }
  return null;
}

/** Mints a session cookie value exactly as next-auth would (used by the CLI-less tests). */
export async function encodeSessionToken(claims: SessionClaims): Promise<string> {
  return encode({
    token: { sub: claims.userId, sv: claims.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
