import "server-only";
import { getDb, isUniqueViolation } from "@/lib/db";

// Fixed-window counters in the database, so a limit holds across every app instance behind a
// load balancer (no state in process memory).

export type LimitState = { limited: boolean; retryAfterSeconds: number; count: number };

export async function readLimit(
  key: string,
  max: number,
  windowMs: number,
  now = new Date(),
): Promise<LimitState> {
  const row = await getDb().rateLimit.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() + windowMs <= now.getTime()) {
    return { limited: false, retryAfterSeconds: 0, count: 0 };
  }
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((row.windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { limited: row.count >= max, retryAfterSeconds, count: row.count };
}

/** Counts one event in the current window, starting a new window when the old one has passed. */
export async function countHit(key: string, windowMs: number, now = new Date()): Promise<number> {
  const db = getDb();
  const windowFloor = new Date(now.getTime() - windowMs);
  for (;;) {
    // Increment in place when the window is still open: one atomic UPDATE, safe across instances.
    const bumped = await db.rateLimit.updateMany({
      where: { key, windowStart: { gt: windowFloor } },
      data: { count: { increment: 1 } },
    });
    if (bumped.count > 0) {
      const row = await db.rateLimit.findUnique({ where: { key } });
      return row?.count ?? 1;
    }
    // Restart a passed window, or start the first, each in one statement that only one of a
    // parallel burst wins (an upsert's reset let every hit of the burst count as the first); the
    // others go round and increment the window the winner started.
    const restarted = await db.rateLimit.updateMany({
      where: { key, windowStart: { lte: windowFloor } },
      data: { windowStart: now, count: 1 },
    });
    if (restarted.count === 0) {
      try {
        await db.rateLimit.create({ data: { key, windowStart: now, count: 1 } });
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    // A new window is the moment rows are added, so it is also when old ones go: the table stays
    // about as large as the keys active in the last window, whatever an attacker sends.
    await sweepExpired(keyPrefix(key), windowMs, now);
    return 1;
  }
}

/** Takes back one counted event of the current window (an attempt that turned out fine). */
export async function refundHit(key: string, windowMs: number, now = new Date()): Promise<void> {
  await getDb().rateLimit.updateMany({
    where: { key, windowStart: { gt: new Date(now.getTime() - windowMs) }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Rows swept per new window: more than one call adds, so the table cannot outgrow the sweep. */
export const SWEEP_BATCH = 100;

/** Every key of one limit starts with the same "name:"; one limit, one window length. */
function keyPrefix(key: string): string {
  const colon = key.indexOf(":");
  return colon < 0 ? key : key.slice(0, colon + 1);
}

/** Deletes up to SWEEP_BATCH rows of this limit whose window has passed. */
export async function sweepExpired(
  prefix: string,
  windowMs: number,
  now = new Date(),
): Promise<number> {
  const db = getDb();
  const floor = new Date(now.getTime() - windowMs);
  const expired = await db.rateLimit.findMany({
    where: { key: { startsWith: prefix }, windowStart: { lte: floor } },
    select: { key: true },
    orderBy: { windowStart: "asc" },
    take: SWEEP_BATCH,
  });
  if (expired.length === 0) return 0;
  // The window is checked again: a row restarted since it was read is not lost.
  const { count } = await db.rateLimit.deleteMany({
    where: { key: { in: expired.map((row) => row.key) }, windowStart: { lte: floor } },
  });
  return count;
}

export async function clearLimit(key: string): Promise<void> {
  await getDb().rateLimit.deleteMany({ where: { key } });
}

// Sign-in failures are counted twice (docs/decisions/0007-client-address.md): per email and
// client address, so guessing one account's password from one place stops after 5 tries while
// its owner, elsewhere, still signs in; and per address, so one place cannot try 500 emails.
// A correct password clears its email-and-address count and is not counted against the address.

/** Failures for one email from one client address. */
export const SIGN_IN_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 } as const;

/** Failures from one client address, whatever the email: an office's typos stay far below it. */
export const SIGN_IN_ADDRESS_LIMIT = { max: 50, windowMs: 15 * 60 * 1000 } as const;

export function signInLimitKey(email: string, address: string): string {
  // The email is normalised as the form's schema does; a space never occurs in either part.
  return `sign-in:${email.trim().toLowerCase()} ${address}`;
}

export function signInAddressLimitKey(address: string): string {
  return `sign-in-address:${address}`;
}

/** The sign-in limit an attempt from `address` for `email` is over, if any, before counting. */
export async function readSignInLimit(email: string, address: string): Promise<LimitState> {
  const [pair, wide] = await Promise.all([
    readLimit(signInLimitKey(email, address), SIGN_IN_LIMIT.max, SIGN_IN_LIMIT.windowMs),
    readLimit(
      signInAddressLimitKey(address),
      SIGN_IN_ADDRESS_LIMIT.max,
      SIGN_IN_ADDRESS_LIMIT.windowMs,
    ),
  ]);
  if (wide.limited && (!pair.limited || wide.retryAfterSeconds > pair.retryAfterSeconds))
    return wide;
  return pair;
}
