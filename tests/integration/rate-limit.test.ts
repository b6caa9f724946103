import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { authenticate, signUp } from "@/lib/accounts/mutations";
import { countHit, readLimit, signInLimitKey, SIGN_IN_LIMIT } from "@/lib/auth/rate-limit";
import { readSessionClaims } from "@/lib/auth/session";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  actAs,
  apiRequest,
  BASE_URL,
  installNextHeadersForCommonJs,
  isErrorJson,
  routeParams,
} from "../fixtures/next-request";
import { passwordFor, uniqueSuffix } from "../fixtures/world";

vi.mock("next/headers", async () => (await import("../fixtures/next-request")).nextHeadersModule());
vi.mock("next/cache", async () => (await import("../fixtures/next-request")).nextCacheModule());

// Sign-in goes through next-auth's own route handler (app/api/auth/[...nextauth]/route.ts), driven
// as a browser would: fetch a CSRF token, then post the credentials form with it.

type Account = { email: string; password: string; userId: string };

async function account(label: string): Promise<Account> {
  const suffix = uniqueSuffix();
  const email = `${label}-${suffix}@example.test`;
  const password = passwordFor(suffix);
  const { userId } = await signUp({
    name: label,
    email,
    password,
    workspaceName: `Limits ${suffix}`,
  });
  return { email, password, userId };
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0]!);
}

/** GET /api/auth/csrf: the token for the form and the cookie it is bound to. */
async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  actAs(null);
  const response = await GET(apiRequest("/api/auth/csrf"), routeParams({ nextauth: ["csrf"] }));
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = cookiePairs(response).find((pair) => pair.startsWith("next-auth.csrf-token="));
  if (!cookie) throw new Error("next-auth set no CSRF cookie");
  return { csrfToken, cookie };
}

/** POST /api/auth/callback/credentials, as next-auth's signIn("credentials") sends it. */
async function signIn(email: string, password: string): Promise<Response> {
  const { csrfToken, cookie } = await csrf();
  actAs(cookie);
  const body = new URLSearchParams({
    email,
    password,
    csrfToken,
    callbackUrl: `${BASE_URL}/organizations`,
    json: "true",
  }).toString();
  return POST(
    apiRequest("/api/auth/callback/credentials", {
      method: "POST",
      cookie,
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
    routeParams({ nextauth: ["callback", "credentials"] }),
  );
}

function signedInCookie(response: Response): string | undefined {
  return cookiePairs(response).find((pair) => pair.startsWith("next-auth.session-token="));
}

// next-auth reads the request's cookies with require("next/headers"), past vi.mock.
let restoreNextHeaders: () => void = () => undefined;
beforeAll(() => {
  restoreNextHeaders = installNextHeadersForCommonJs();
});
afterAll(async () => {
  restoreNextHeaders();
  await disconnectDb();
});

describe("signing in through next-auth's route", () => {
  let person: Account;
  beforeAll(async () => {
    person = await account("signer");
  });

  it("the right password signs in: a session cookie the gate reads as this user", async () => {
    const response = await signIn(person.email, person.password);
    expect(response.status).toBe(200);
    const cookie = signedInCookie(response);
    expect(cookie).toBeDefined();
    const jwt = decodeURIComponent(cookie!.slice("next-auth.session-token=".length));
    expect(
      await readSessionClaims((name) => (name === "next-auth.session-token" ? jwt : undefined)),
    ).toEqual({
      userId: person.userId,
      sessionVersion: 0,
    });
  });

  it("a wrong password is refused without a session cookie", async () => {
    const response = await signIn(person.email, "not-the-password");
    expect(response.status).toBeLessThan(500);
    expect(response.status).not.toBe(429);
    expect(signedInCookie(response)).toBeUndefined();
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).searchParams.get("error")).toBeTruthy();
  });
});

describe("the sign-in rate limit: 5 failures per email per 15 minutes, kept in the database", () => {
  it("after 5 failed sign-ins the 6th gets 429 with Retry-After, even with the right password", async () => {
    const person = await account("limited");
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.max; attempt++) {
      const response = await signIn(person.email, `wrong-password-${attempt}`);
      expect(response.status, `attempt ${attempt}`).not.toBe(429);
      expect(signedInCookie(response)).toBeUndefined();
    }

    const sixth = await signIn(person.email, person.password);
    expect(sixth.status).toBe(429);
    const retryAfter = Number(sixth.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body: unknown = await sixth.json();
    expect(isErrorJson(body) && body.error.code).toBe("rate_limited");
    expect(isErrorJson(body) && body.error.message).toMatch(/too many/i);
    expect(signedInCookie(sixth)).toBeUndefined();

    // The same email typed differently is the same counter.
    const shouted = await signIn(`  ${person.email.toUpperCase()} `, person.password);
    expect(shouted.status).toBe(429);
  });

  it("the limit is per email: another account still signs in", async () => {
    const other = await account("unaffected");
    const response = await signIn(other.email, other.password);
    expect(response.status).toBe(200);
    expect(signedInCookie(response)).toBeDefined();
  });

  it("failures for an email that has no account count too", async () => {
    const ghost = `ghost-${uniqueSuffix()}@example.test`;
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.max; attempt++) {
      expect(await authenticate({ email: ghost, password: "whatever-it-is" })).toBeNull();
    }
    expect((await signIn(ghost, "whatever-it-is")).status).toBe(429);
  });

  it("holds across app instances: a fresh database connection sees the same counter", async () => {
    const person = await account("instances");
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.max; attempt++) {
      expect(await authenticate({ email: person.email, password: `wrong-${attempt}` })).toBeNull();
    }
    const firstClient = getDb();
    await disconnectDb();
    expect(getDb()).not.toBe(firstClient);

    const limit = await readLimit(
      signInLimitKey(person.email),
      SIGN_IN_LIMIT.max,
      SIGN_IN_LIMIT.windowMs,
    );
    expect(limit).toMatchObject({ limited: true, count: SIGN_IN_LIMIT.max });
    const refused = await authenticate({ email: person.email, password: person.password }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused instanceof AppError && refused.code).toBe("rate_limited");
    expect(refused instanceof AppError && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await signIn(person.email, person.password)).status).toBe(429);
  });

  it("a successful sign-in before the limit clears the failures", async () => {
    const person = await account("recovered");
    for (let attempt = 1; attempt < SIGN_IN_LIMIT.max; attempt++) {
      await authenticate({ email: person.email, password: `wrong-${attempt}` });
    }
    expect(await authenticate({ email: person.email, password: person.password })).toMatchObject({
      id: person.userId,
    });
    const limit = await readLimit(
      signInLimitKey(person.email),
      SIGN_IN_LIMIT.max,
      SIGN_IN_LIMIT.windowMs,
    );
    expect(limit.count).toBe(0);
  });

  it("the window ends after 15 minutes", async () => {
    const key = signInLimitKey(`window-${uniqueSuffix()}@example.test`);
    const start = new Date();
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.max; attempt++)
      await countHit(key, SIGN_IN_LIMIT.windowMs, start);
    expect((await readLimit(key, SIGN_IN_LIMIT.max, SIGN_IN_LIMIT.windowMs, start)).limited).toBe(
      true,
    );
    const later = new Date(start.getTime() + SIGN_IN_LIMIT.windowMs + 1000);
    expect((await readLimit(key, SIGN_IN_LIMIT.max, SIGN_IN_LIMIT.windowMs, later)).limited).toBe(
      false,
    );
    expect(await countHit(key, SIGN_IN_LIMIT.windowMs, later)).toBe(1);
  });

  it("concurrent failures are all counted", async () => {
    const key = signInLimitKey(`burst-${uniqueSuffix()}@example.test`);
    const now = new Date();
    await countHit(key, SIGN_IN_LIMIT.windowMs, now);
    await Promise.all(Array.from({ length: 8 }, () => countHit(key, SIGN_IN_LIMIT.windowMs, now)));
    const row = await getDb().rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(9);
  });
});
