import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { withNextHeadersForCommonJs, isErrorJson } from "../fixtures/next-request";
import { account, signedInCookie, signIn } from "../fixtures/sign-in";
import { uniqueSuffix } from "../fixtures/world";

// Issue 10, finding 6: the sign-in limit counts failures per email and client address and per
// address, so an attacker cannot lock the owner out from elsewhere, cannot try hundreds of
// emails from one place, and leaves no pile of rows behind. Everything goes through next-auth's
// real route; the address is what scripts/server.mjs would have written from the socket.

withNextHeadersForCommonJs();
afterAll(async () => {
  await disconnectDb();
});

/** A documentation-range address no other test uses. */
function address(): string {
  const bytes = uniqueSuffix();
  return `198.18.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}`;
}

async function code(response: Response): Promise<string | undefined> {
  const body: unknown = await response.json();
  return isErrorJson(body) ? body.error.code : undefined;
}

describe("sign-in failures are counted per email and address, and per address", () => {
  it("five wrong passwords from one address do not lock the owner out from another", async () => {
    const owner = await account("owner-elsewhere");
    const attacker = address();
    const home = address();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await signIn(owner.email, `wrong-${attempt}`, { address: attacker });
      expect(response.status, `attempt ${attempt}`).not.toBe(429);
    }
    // The attacker's address is stopped, even with the right password...
    const stopped = await signIn(owner.email, owner.password, { address: attacker });
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await code(stopped)).toBe("rate_limited");
    // ...the owner, from their own device, signs in.
    const fromHome = await signIn(owner.email, owner.password, { address: home });
    expect(fromHome.status).toBe(200);
    expect(signedInCookie(fromHome)).toBeDefined();
  });

  it("one address trying many emails is stopped after 50 failures, leaving few rows", async () => {
    const sprayer = address();
    const statuses: number[] = [];
    for (let i = 0; i < 56; i++) {
      // A forged X-Forwarded-For changes nothing: without TRUST_PROXY it is not read.
      const response = await signIn(`spray-${i}-${uniqueSuffix()}@example.test`, "guess-123", {
        address: sprayer,
        headers: { "x-forwarded-for": `10.0.${i}.1` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 50).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(50).every((status) => status === 429)).toBe(true);
    const rows = await getDb().rateLimit.count({ where: { key: { contains: sprayer } } });
    expect(rows).toBeLessThanOrEqual(51);

    // Another address is not held back by this one's failures.
    const someone = await account("someone-else");
    const fine = await signIn(someone.email, someone.password, { address: address() });
    expect(fine.status).toBe(200);
  });

  it("a correct password does not count against the address", async () => {
    const person = await account("regular");
    const office = address();
    for (let i = 0; i < 60; i++) {
      const ok = await signIn(person.email, person.password, { address: office });
      expect(ok.status, `sign-in ${i + 1}`).toBe(200);
    }
  });

  it("rows of windows that have ended are deleted when new ones start", async () => {
    const db = getDb();
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const stale = Array.from({ length: 20 }, () => `sign-in:stale-${uniqueSuffix()}@example.test`);
    await db.rateLimit.createMany({
      data: stale.map((key) => ({ key, windowStart: longAgo, count: 5 })),
    });
    await signIn(`sweeper-${uniqueSuffix()}@example.test`, "wrong-password", {
      address: address(),
    });
    expect(await db.rateLimit.count({ where: { key: { in: stale } } })).toBe(0);
  });
});
