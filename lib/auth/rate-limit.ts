import "server-only";
import { getDb } from "@/lib/db";

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
  // Increment in place when the window is still open: one atomic UPDATE, safe across instances.
  const bumped = await db.rateLimit.updateMany({
    where: { key, windowStart: { gt: windowFloor } },
    data: { count: { increment: 1 } },
  });
  if (bumped.count > 0) {
    const row = await db.rateLimit.findUnique({ where: { key } });
    return row?.count ?? 1;
  }
  await db.rateLimit.upsert({
    where: { key },
    create: { key, windowStart: now, count: 1 },
    update: { windowStart: now, count: 1 },
  });
  return 1;
}

export async function clearLimit(key: string): Promise<void> {
  await getDb().rateLimit.deleteMany({ where: { key } });
}

export const SIGN_IN_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 } as const;

export function signInLimitKey(email: string): string {
  return `sign-in:${email.trim().toLowerCase()}`;
}
