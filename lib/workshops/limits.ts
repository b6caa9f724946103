import "server-only";
import { countHit, readLimit, refundHit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

// Join codes cannot be guessed: failed joins (an unknown or ended code) are counted per client
// address in the database (so the limit holds across app instances), and after 30 in a minute the
// address gets 429 until the minute is over. Successful joins are not counted (their reserved hit
// is given back): a whole room shares one network, and the odd mistyped code among 200 phones
// stays far below 30.

export const JOIN_FAILURE_LIMIT = { max: 30, windowMs: 60 * 1000 } as const;

export function joinFailureKey(address: string): string {
  return `workshop-join-fail:${address}`;
}

/**
 * Reserves a failure before the code is looked up, so a burst of parallel guesses is counted
 * before any of it is answered (checking first and counting after let all 80 of a burst through);
 * 429 rate_limited with Retry-After once the address is over the limit. A join that succeeds
 * gives its hit back (refundJoin).
 */
export async function reserveJoin(address: string, now = new Date()): Promise<void> {
  const key = joinFailureKey(address);
  if ((await countHit(key, JOIN_FAILURE_LIMIT.windowMs, now)) <= JOIN_FAILURE_LIMIT.max) return;
  const { retryAfterSeconds } = await readLimit(
    key,
    JOIN_FAILURE_LIMIT.max,
    JOIN_FAILURE_LIMIT.windowMs,
    now,
  );
  throw new AppError(
    "rate_limited",
    "Too many wrong codes from this network. Wait a minute, then check the code on the screen.",
    { retryAfterSeconds: Math.max(1, retryAfterSeconds) },
  );
}

/** A successful join is not a failure: its reserved hit is taken back. */
export async function refundJoin(address: string, now = new Date()): Promise<void> {
  await refundHit(joinFailureKey(address), JOIN_FAILURE_LIMIT.windowMs, now);
}
