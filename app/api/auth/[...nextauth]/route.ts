import NextAuth from "next-auth";
import { authenticate } from "@/lib/accounts/mutations";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address";
import { readSignInLimit } from "@/lib/auth/rate-limit";
import { errorResponse, json } from "@/lib/api/http";
import { AppError } from "@/lib/errors";

type NextAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: NextAuthRouteContext) =>
  NextAuth(authOptions(authenticate))(request, context) as Promise<Response>;

export { handler as GET };

// Sign-in attempts are checked against the database-kept limit before next-auth sees them, so a
// limited email gets a real 429 with Retry-After (next-auth itself only knows 401).
export async function POST(request: Request, context: NextAuthRouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    try {
      const form = await request.clone().formData();
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
  return handler(request, context);
}
