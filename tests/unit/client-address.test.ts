import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  normalizeAddress,
  UNKNOWN_CLIENT_ADDRESS,
} from "@/lib/auth/client-address";

const direct = {};
const proxied = { TRUST_PROXY: "1" };

describe("clientAddress: the socket's address unless a proxy is trusted", () => {
  it("reads the address scripts/server.mjs wrote from the socket", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" });
    expect(clientAddress(headers, direct)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY=1: a client writes what it likes there", () => {
    const headers = new Headers({
      [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
      "x-forwarded-for": "10.9.9.9",
    });
    expect(clientAddress(headers, direct)).toBe("203.0.113.7");
    expect(clientAddress(headers, { TRUST_PROXY: "true" })).toBe("203.0.113.7");
  });

  it("with TRUST_PROXY=1, the last hop: the one our proxy appended, never the client's own", () => {
    const headers = new Headers({
      [CLIENT_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": "1.1.1.1, 6.6.6.6 , 198.51.100.4",
    });
    expect(clientAddress(headers, proxied)).toBe("198.51.100.4");
  });

  it("with TRUST_PROXY=1 but no X-Forwarded-For, the socket (the proxy itself or a direct caller)", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2" });
    expect(clientAddress(headers, proxied)).toBe("10.0.0.2");
  });

  it("reads a plain header object too (next-auth hands authorize one)", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "192.0.2.1" }, direct)).toBe("192.0.2.1");
  });

  it("served without the wrapper, every request is one unknown address", () => {
    expect(clientAddress(new Headers(), direct)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });
});

describe("normalizeAddress", () => {
  it("keeps IPv4 and unwraps IPv4-mapped IPv6", () => {
    expect(normalizeAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });

  it("cuts IPv6 to its /64, so one subscriber's 2^64 addresses share one limit", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:DB8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("anything that is not an address is unknown", () => {
    for (const value of [undefined, "", "localhost", "1.2.3.4.5", "not an ip", "<script>"]) {
      expect(normalizeAddress(value)).toBe(UNKNOWN_CLIENT_ADDRESS);
    }
  });
});
