import { createHash, randomBytes } from "node:crypto";

// Long random tokens for links and API access. Only the SHA-256 hash is stored, so a copy of the
// database does not hand out working links; SHA-256 (not argon2) is enough because the token
// carries 256 bits of randomness and must be looked up by hash on every request.
export function createSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
