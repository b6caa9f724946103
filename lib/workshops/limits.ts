import "server-only";
import { countHit, readLimit, sweepExpired } from "@/lib/auth/rate-limit";
import { getDb, isUniqueViolation, type DbTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { joinLimitFor, JOIN_SUCCESS_LIMIT } from "./room-size";

// Join codes cannot be guessed: failed joins (an unknown or ended code) are counted per client
// address in the database (so the limit holds across app instances), and after 30 in a minute the
// address gets 429 until the minute is over. Successful joins are not counted (their attempt is
// taken back in the same transaction): a whole room shares one network, and the odd mistyped code among 200 phones
// stays far below 30.

export const JOIN_FAILURE_LIMIT = { max: 30, windowMs: 60 * 1000 } as const;

export function joinFailureKey(address: string): string {
  return `workshop-join-fail:${address}`;
}

/**
 * Looks the code up as one counted attempt. In one transaction the address's count goes up, the
 * code is looked up, and a right code takes its count back: concurrent attempts from an address
 * queue on its counter's row (PostgreSQL) or on the one connection (SQLite), so each sees the
 * count every attempt before it left. A burst of 80 guesses is counted whole before any is
 * answered (checking first and counting after let all 80 through), and a room of 200 joining at
 * once never sees the others' attempts. Over the limit the answer is 429 whether the code was
 * right or not, so an address over it learns nothing.
 */
export async function lookUpJoinCode<T>(
  address: string,
  lookUp: (tx: DbTx) => Promise<T | null>,
  now = new Date(),
): Promise<T | null> {
  const key = joinFailureKey(address);
  const { windowMs, max } = JOIN_FAILURE_LIMIT;
  const floor = new Date(now.getTime() - windowMs);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const outcome = await getDb().$transaction(async (tx) => {
        let started = false;
        const bumped = await tx.rateLimit.updateMany({
          where: { key, windowStart: { gt: floor } },
          data: { count: { increment: 1 } },
        });
        if (bumped.count === 0) {
          started = true;
          const restarted = await tx.rateLimit.updateMany({
            where: { key, windowStart: { lte: floor } },
            data: { windowStart: now, count: 1 },
          });
          if (restarted.count === 0)
            await tx.rateLimit.create({ data: { key, windowStart: now, count: 1 } });
        }
        const row = await tx.rateLimit.findUnique({ where: { key } });
        const found = await lookUp(tx);
        if (found !== null)
          await tx.rateLimit.update({ where: { key }, data: { count: { decrement: 1 } } });
        return { count: row?.count ?? 1, windowStart: row?.windowStart ?? now, found, started };
      });
      if (outcome.started) await sweepExpired("workshop-join-fail:", windowMs, now);
      if (outcome.count > max)
        throw new AppError(
          "rate_limited",
          "Too many wrong codes from this network. Wait a minute, then check the code on the screen.",
          {
            retryAfterSeconds: Math.max(
              1,
              Math.ceil((outcome.windowStart.getTime() + windowMs - now.getTime()) / 1000),
            ),
          },
        );
      return outcome.found;
    } catch (error) {
      // Two first attempts of a window raced to create its row: the loser goes round once more.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Counts a join of `workshop` from `address`; 429 rate_limited beyond its limit. */
export async function limitJoin(
  workshop: { id: string; expectedParticipants: number | null },
  address: string,
  now = new Date(),
): Promise<void> {
  const key = `workshop-join:${workshop.id} ${address}`;
  const max = joinLimitFor(workshop.expectedParticipants);
  if ((await countHit(key, JOIN_SUCCESS_LIMIT.windowMs, now)) <= max) return;
  const { retryAfterSeconds } = await readLimit(key, max, JOIN_SUCCESS_LIMIT.windowMs, now);
  throw new AppError(
    "rate_limited",
    "Many people have just joined from this network. Wait a few minutes and try again.",
    { retryAfterSeconds: Math.max(1, retryAfterSeconds) },
  );
}
