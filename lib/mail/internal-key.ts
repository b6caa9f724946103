import { createHash, timingSafeEqual } from "node:crypto";

// The server process (scripts/server.mjs) triggers the mail sweep by calling its own app with a
// key it made at start and put in GAPMAP_INTERNAL_KEY (the app runs in the same process, so it
// reads the same environment). Without the key set, the endpoint does not exist (404).

export const INTERNAL_KEY_ENV = "GAPMAP_INTERNAL_KEY";

export function internalKeyMatches(authorization: string | null, env = process.env): boolean {
  const key = env[INTERNAL_KEY_ENV];
  if (!key || key.length < 32 || !authorization) return false;
  const given = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  if (!given) return false;
  // Hashed first, so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(key));
}
