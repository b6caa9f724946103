import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authenticate } from "@/lib/accounts/mutations";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address";
import { readSignInLimit } from "@/lib/auth/rate-limit";
import { errorResponse, json, readBodyText } from "@/lib/api/http";
import { AppError } from "@/lib/errors";

type NextAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: NextAuthRouteContext) =>
  NextAuth(authOptions(authenticate))(request, context) as Promise<Response>;

export { handler as GET };

// Sign-in attempts are checked against the database-kept limit before next-auth sees them, so a
// limited email gets a real 429 with Retry-After (next-auth itself only knows 401).
export async function POST(request: Request, context: NextAuthRouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  // Read once, with a byte count (413 past 64 KB): a sign-in form is a few hundred bytes, and
  // a chunked body of any size was otherwise held whole in memory, twice. next-auth gets a copy.
  let text: string;
  try {
    text = await readBodyText(request);
  } catch (error) {
    return errorResponse(error);
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  const forwarded = new NextRequest(request.url, { method: "POST", headers, body: text });
  if (nextauth.join("/") === "callback/credentials") {
    try {
      const form = new URLSearchParams(text);
      const email = form.get("email");
      if (typeof email === "string" && email.length > 0 && email.length <= 254) {
        const limit = await readSignInLimit(email, clientAddress(request.headers));
        if (limit.limited) {
          const response = errorResponse(
            new AppError("rate_limited", "Too many failed sign-ins from here. Try again later.", {
              retryAfterSeconds: limit.retryAfterSeconds,
            }),
          );
          // next-auth's client reads `url` from every sign-in answer; give it one it can parse.
          const body = (await response.json()) as Record<string, unknown>;
          const url = new URL("/login?error=rate_limited", request.url).toString();
          return json({ ...body, url }, 429, { "retry-after": String(limit.retryAfterSeconds) });
        }
      }
    } catch {
      // Not a form post: next-auth answers it as it would.
    }
  }
  return handler(forwarded, context);
}
