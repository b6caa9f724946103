import "server-only";
import { countHit, readLimit } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { linkTokenHash } from "./data";

// Starts on an open link, counted per link and client address (docs/decisions/0007). The numbers
// come from the room the link is for: a workshop of 300 behind one venue's address, all starting
// within 10 minutes, must pass (360 leaves 20% for reloads and second devices); three such
// sessions in a day at one venue fit under 1,000. A script stuffing the round from one address
// is stopped at the same bounds, and the round page's starts over time shows the burst.

export const OPEN_LINK_START_LIMITS = [
  { prefix: "open-link-start:", max: 360, windowMs: 10 * 60 * 1000 },
  { prefix: "open-link-start-day:", max: 1000, windowMs: 24 * 60 * 60 * 1000 },
] as const;

/**
 * Counts a start on the open link `token` from `address` and refuses it (429 rate_limited with
 * Retry-After) beyond either limit. A token that is not a live open link is left to the start
 * itself to refuse, so no counter is kept for made-up tokens.
 */
export async function limitOpenLinkStart(
  token: string,
  address: string,
  now = new Date(),
): Promise<void> {
  let tokenHash: string;
  try {
    tokenHash = linkTokenHash(token);
  } catch {
    return;
  }
  const link = await getDb().assessmentInvitation.findUnique({
    where: { tokenHash },
    select: { id: true, kind: true, revokedAt: true },
  });
  if (!link || link.kind !== "open" || link.revokedAt) return;
  for (const limit of OPEN_LINK_START_LIMITS) {
    const key = `${limit.prefix}${link.id} ${address}`;
    // One limit over is enough: the longer window is not charged for starts already refused.
    if ((await countHit(key, limit.windowMs, now)) > limit.max) {
      const { retryAfterSeconds } = await readLimit(key, limit.max, limit.windowMs, now);
      throw new AppError(
        "rate_limited",
        "Many people have just started from this network. Wait a few minutes and try again.",
        { retryAfterSeconds: Math.max(1, retryAfterSeconds) },
      );
    }
  }
}
