import "server-only";
import { isIP } from "node:net";

// Who is asking, for per-address limits (docs/decisions/0007-client-address.md). Next 16 gives a
// route handler no socket address, and fills `x-forwarded-for` only when the client did not send
// one (`??=`), so that header is whatever the client wants unless a proxy we trust rewrote it.
// scripts/server.mjs therefore writes the socket's address into a private header on every
// request, replacing anything the client sent under that name; this reads it.

/** Set by scripts/server.mjs from the socket; a client's own value never gets through. */
export const CLIENT_ADDRESS_HEADER = "x-gapmap-client-address";

/** Every request served without the wrapper shares this one address (and its limits). */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * An IPv4 address as it is; an IPv6 address cut to its /64 network, since one subscriber holds a
 * whole /64 and would otherwise get 2^64 fresh limits; anything else "unknown".
 */
export function normalizeAddress(raw: string | undefined): string {
  let value = (raw ?? "").trim().toLowerCase();
  // A bracketed or zone-scoped IPv6 ("[::1]", "fe80::1%eth0") is the same host.
  value = value.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return UNKNOWN_CLIENT_ADDRESS;
  const [head = "", tail = ""] = value.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = value.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  // An embedded IPv4 tail ("::1.2.3.4") takes two groups; the /64 never reaches it.
  const groups = [
    ...left,
    ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"),
    ...right,
  ];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address. With `TRUST_PROXY=1` (the app is reachable only through a proxy that
 * appends the peer it saw to X-Forwarded-For) the last hop of that header; otherwise the socket
 * address scripts/server.mjs recorded. Earlier X-Forwarded-For hops are the client's to write
 * and are never read.
 */
export function clientAddress(
  headers: HeaderSource,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (env.TRUST_PROXY === "1") {
    const hops = (header(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter((hop) => hop !== "");
    const last = hops.at(-1);
    if (last !== undefined) return normalizeAddress(last);
  }
  return normalizeAddress(header(headers, CLIENT_ADDRESS_HEADER));
}
