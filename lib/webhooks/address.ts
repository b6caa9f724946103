import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// Where a webhook may be sent: http(s) URLs whose every address is public. Refused at save and
// again at each send, after DNS resolution and on the address actually connected to (send.ts
// passes `guardedLookup` to the request), so a name that later resolves to an internal address
// (DNS rebinding) is refused too. Loopback is allowed only with GAPMAP_WEBHOOKS_ALLOW_LOOPBACK=1
// (the integration tests' local receiver); link-local, private and metadata addresses never.

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the host itself
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4: embeds an IPv4 address
  ["fc00::", 7], // unique local, AWS metadata fd00:ec2::254
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8], // multicast
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv6");

const METADATA_HOSTS = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.azure.internal",
]);

export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
}

const loopbackAllowed = () => process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK === "1";

/** The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Why an IP address may not receive a webhook, or null when it may. */
export function blockedReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return "is not an IP address";
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return blockedReason(v4);
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, type))
    return loopbackAllowed() ? null : "is a loopback address (this server itself)";
  if (BLOCKED.check(address, type)) return "is a private, link-local, reserved or metadata address";
  return null;
}

/** Checks the URL's form: http or https, a host, no credentials. Null when fine. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, starting with https:// (or http://).";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "Only http:// and https:// URLs can receive webhooks.";
  if (url.username || url.password)
    return "Leave user names and passwords out of the URL: the signature authenticates GapMap.";
  const host = hostOf(url);
  if (!host) return "The URL needs a host name.";
  if (METADATA_HOSTS.has(host.toLowerCase()))
    return "Cloud metadata addresses cannot receive webhooks.";
  return null;
}

/** The URL's host without IPv6 brackets or a trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

/** Every address the host resolves to, each checked; throws BlockedAddressError. */
export async function resolvePublicAddresses(
  host: string,
): Promise<{ address: string; family: number }[]> {
  if (METADATA_HOSTS.has(host.toLowerCase()))
    throw new BlockedAddressError(`${host} is a cloud metadata address`);
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true }).catch(() => {
        throw new BlockedAddressError(`${host} does not resolve to an address`);
      });
  if (addresses.length === 0) throw new BlockedAddressError(`${host} does not resolve`);
  for (const { address } of addresses) {
    const reason = blockedReason(address);
    // Any internal address among the answers refuses the host: the connection may pick it.
    if (reason) throw new BlockedAddressError(`${host} resolves to ${address}, which ${reason}`);
  }
  return addresses;
}

/** A `lookup` for http.request that connects only to checked addresses. */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean },
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | { address: string; family: number }[],
    family?: number,
  ) => void,
): void {
  resolvePublicAddresses(hostname).then(
    (addresses) => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    },
    (error: Error) => callback(error, "", 0),
  );
}
