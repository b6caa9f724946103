import "server-only";
import { countHit, readLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

// Join codes cannot be guessed: failed joins (an unknown or ended code) are counted per client
// address in the database (so the limit holds across app instances), and after 30 in a minute the
// address gets 429 until the minute is over. Successful joins are never counted: a whole room
// shares one network, and the odd mistyped code among 200 phones stays far below 30.

export const JOIN_FAILURE_LIMIT = { max: 30, windowMs: 60 * 1000 } as const;

export function joinFailureKey(address: string): string {
  return `workshop-join-fail:${address}`;
}

/** 429 rate_limited with Retry-After while the address is over the limit. */
export async function assertJoinNotLimited(address: string, now = new Date()): Promise<void> {
  const state = await readLimit(
    joinFailureKey(address),
    JOIN_FAILURE_LIMIT.max,
    JOIN_FAILURE_LIMIT.windowMs,
    now,
  );
  if (state.limited)
    throw new AppError(
      "rate_limited",
      "Too many wrong codes from this network. Wait a minute, then check the code on the screen.",
      { retryAfterSeconds: state.retryAfterSeconds },
    );
}

export async function countFailedJoin(address: string, now = new Date()): Promise<void> {
  await countHit(joinFailureKey(address), JOIN_FAILURE_LIMIT.windowMs, now);
}
