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

// Joins with the right code are bounded as the open link's starts are (lib/responses/limits.ts):
// a room of 300 behind one venue's address joins within 10 minutes under 360, a script creating
// respondents from one address is stopped there. And a workshop has at most 2,000 participants,
// far above any room's, whatever the number of addresses.

export const JOIN_SUCCESS_LIMIT = { max: 360, windowMs: 10 * 60 * 1000 } as const;
export const WORKSHOP_PARTICIPANT_CAP = 2000;

/** Counts a join of `workshopId` from `address`; 429 rate_limited beyond the limit. */
export async function limitJoin(
  workshopId: string,
  address: string,
  now = new Date(),
): Promise<void> {
  const key = `workshop-join:${workshopId} ${address}`;
  if ((await countHit(key, JOIN_SUCCESS_LIMIT.windowMs, now)) <= JOIN_SUCCESS_LIMIT.max) return;
  const { retryAfterSeconds } = await readLimit(
    key,
    JOIN_SUCCESS_LIMIT.max,
    JOIN_SUCCESS_LIMIT.windowMs,
    now,
  );
  throw new AppError(
    "rate_limited",
    "Many people have just joined from this network. Wait a few minutes and try again.",
    { retryAfterSeconds: Math.max(1, retryAfterSeconds) },
  );
}
