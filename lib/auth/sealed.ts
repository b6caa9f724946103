import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { authSecret } from "./session";

// Two small uses of the server's secret (NEXTAUTH_SECRET) for mail:
// - sealing a respondent's link token (AES-256-GCM), so it can be emailed after the moment it
//   was shown: a copy of the database alone hands out no working link;
// - signing a short payload (HMAC-SHA256), for links that must work without a session (the
//   "stop reminders" link) and cannot be forged for another address.
// Each use has its own key derived from the secret, so one never stands in for the other.

function key(purpose: "seal" | "sign"): Buffer {
  return createHmac("sha256", authSecret()).update(`gapmap:${purpose}:v1`).digest();
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key("seal"), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/**
 * `seal`, or null where no secret is set (`npm run db:seed` run on its own): the link then simply
 * cannot be emailed later. The app itself never runs without the secret.
 */
export function sealIfPossible(plaintext: string): string | null {
  return process.env.NEXTAUTH_SECRET ? seal(plaintext) : null;
}

/** The sealed text, or null when it was sealed with another secret or altered. */
export function unseal(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key("seal"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

function signature(payload: string): Buffer {
  return createHmac("sha256", key("sign")).update(payload).digest();
}

/** `<payload>.<signature>`, both base64url: readable by anyone, forgeable by no one. */
export function signPayload(payload: string): string {
  const encoded = Buffer.from(payload, "utf8").toString("base64url");
  return `${encoded}.${signature(encoded).toString("base64url")}`;
}

/** The payload of a signed token, or null when the signature does not match. */
export function verifySignedPayload(token: string): string | null {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 2000) return null;
  const encoded = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = signature(encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(encoded, "base64url").toString("utf8");
}
