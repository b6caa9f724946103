import { createHmac, timingSafeEqual } from "node:crypto";

// The signature of a webhook body: `X-GapMap-Signature: t=<unix seconds>,v1=<hex>`, where hex is
// HMAC-SHA256(secret, `${t}.${body}`). The timestamp lets a receiver refuse replays (older than
// five minutes, say); docs/webhooks.md shows how to verify it.

export const SIGNATURE_HEADER = "x-gapmap-signature";

export function signBody(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does: true when the header signs this body with this secret. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(
    header.split(",").map((p) => {
      const eq = p.indexOf("=");
      return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1)
    return false;
  const expected = Buffer.from(signBody(secret, body, t).split("v1=")[1]!, "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
