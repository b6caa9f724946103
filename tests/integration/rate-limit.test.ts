import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/accounts/mutations";
import {
  countHit,
  readLimit,
  readSignInLimit,
  signInLimitKey,
  SIGN_IN_LIMIT,
} from "@/lib/auth/rate-limit";
import { readSessionClaims } from "@/lib/auth/session";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { withNextHeadersForCommonJs, isErrorJson } from "../fixtures/next-request";
import { account, signedInCookie, signIn as signInFrom, type Account } from "../fixtures/sign-in";
import { uniqueSuffix } from "../fixtures/world";

// Sign-in goes through next-auth's own route handler (app/api/auth/[...nextauth]/route.ts), driven
// as a browser would (tests/fixtures/sign-in.ts). Every attempt here comes from one client
// address; tests/integration/sign-in-by-address.test.ts covers several.

const HERE = "192.0.2.10";
const client = { address: HERE };

function signIn(email: string, password: string): Promise<Response> {
  return signInFrom(email, password, client);
}

// next-auth reads the request's cookies with require("next/headers"), past vi.mock.
withNextHeadersForCommonJs();
afterAll(async () => {
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

describe("the sign-in rate limit: 5 failures per email and address per 15 minutes, kept in the database", () => {
  it("after 5 failed sign-ins the 6th from that address gets 429 with Retry-After, even with the right password", async () => {
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

  it("the limit is per email: another account still signs in from the same address", async () => {
    const other = await account("unaffected");
    const response = await signIn(other.email, other.password);
    expect(response.status).toBe(200);
    expect(signedInCookie(response)).toBeDefined();
  });

  it("failures for an email that has no account count too", async () => {
    const ghost = `ghost-${uniqueSuffix()}@example.test`;
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.max; attempt++) {
      expect(await authenticate({ email: ghost, password: "whatever-it-is" }, client)).toBeNull();
    }
    expect((await signIn(ghost, "whatever-it-is")).status).toBe(429);
  });

  it("holds across app instances: a fresh database connection sees the same counter", async () => {
    const person = await account("instances");
    for (let attempt = 1; attempt <= SIGN_IN_LIMIT.max; attempt++) {
      expect(
        await authenticate({ email: person.email, password: `wrong-${attempt}` }, client),
      ).toBeNull();
    }
    const firstClient = getDb();
    await disconnectDb();
    expect(getDb()).not.toBe(firstClient);

    const limit = await readSignInLimit(person.email, HERE);
    expect(limit).toMatchObject({ limited: true, count: SIGN_IN_LIMIT.max });
    const refused = await authenticate(
      { email: person.email, password: person.password },
      client,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused instanceof AppError && refused.code).toBe("rate_limited");
    expect(refused instanceof AppError && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await signIn(person.email, person.password)).status).toBe(429);
  });

  it("a successful sign-in before the limit clears the failures", async () => {
    const person = await account("recovered");
    for (let attempt = 1; attempt < SIGN_IN_LIMIT.max; attempt++) {
      await authenticate({ email: person.email, password: `wrong-${attempt}` }, client);
    }
    expect(
      await authenticate({ email: person.email, password: person.password }, client),
    ).toMatchObject({ id: person.userId });
    const limit = await readLimit(
      signInLimitKey(person.email, HERE),
      SIGN_IN_LIMIT.max,
      SIGN_IN_LIMIT.windowMs,
    );
    expect(limit.count).toBe(0);
  });

  it("the window ends after 15 minutes", async () => {
    const key = signInLimitKey(`window-${uniqueSuffix()}@example.test`, HERE);
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
    const key = signInLimitKey(`burst-${uniqueSuffix()}@example.test`, HERE);
    const now = new Date();
    await countHit(key, SIGN_IN_LIMIT.windowMs, now);
    await Promise.all(Array.from({ length: 8 }, () => countHit(key, SIGN_IN_LIMIT.windowMs, now)));
    const row = await getDb().rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(9);
  });
});
