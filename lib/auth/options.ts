import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { safeNextPath } from "./next-path";
import { SESSION_MAX_AGE_SECONDS } from "./session";

/** Checks an email and password; lib/accounts' `authenticate`, passed in by the route. */
export type CheckCredentials = (
  credentials: unknown,
  client: { address: string },
) => Promise<{ id: string; email: string; name: string; sessionVersion: number } | null>;

// The password check is passed in rather than imported: lib/accounts is built on lib/auth
// (hashing, rate limits, contexts), so lib/auth importing it back would make the two one knot.
export function authOptions(authenticate: CheckCredentials): NextAuthOptions {
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: async (credentials, request) => {
          const user = await authenticate(credentials, {
            address: clientAddress(request.headers ?? {}),
          });
          return user
            ? {
                id: user.id,
                email: user.email,
                name: user.name,
                sessionVersion: user.sessionVersion,
              }
            : null;
        },
      }),
    ],
    callbacks: {
      // next-auth follows `callbackUrl` after sign-in and sign-out; only this origin's paths.
      redirect: ({ url, baseUrl }) => new URL(safeNextPath(url, baseUrl), baseUrl).toString(),
      // The JWT carries only the user id and the session version; the gate loads the rest from
      // the database on every request, so a removed member or a changed password takes effect at once.
      jwt: ({ token, user }) => {
        if (user && "sessionVersion" in user) {
          token.sub = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
    },
  };
}
