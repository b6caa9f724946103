import { afterEach, describe, expect, it } from "vitest";
import { blockedReason, urlProblem } from "@/lib/webhooks/address";
import { signBody, verifySignature } from "@/lib/webhooks/sign";

// Which addresses a webhook may reach (lib/webhooks/address.ts), in every spelling an address can
// take, and the signature a receiver checks (lib/webhooks/sign.ts).

afterEach(() => {
  delete process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK;
});

describe("blockedReason", () => {
  it.each([
    "169.254.169.254",
    "169.254.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.0.1",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "fe80::1",
    "febf::1",
    "fc00::1",
    "fd00:ec2::254",
    "ff02::1",
    "::",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "::ffff:10.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1",
  ])("refuses %s", (address) => {
    expect(blockedReason(address)).not.toBeNull();
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "allows the public address %s",
    (address) => {
      expect(blockedReason(address)).toBeNull();
    },
  );

  it("refuses loopback unless the test flag is set, and then only loopback", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "::ffff:7f00:1"])
      expect(blockedReason(address)).toMatch(/loopback/);
    process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK = "1";
    expect(blockedReason("127.0.0.1")).toBeNull();
    expect(blockedReason("::1")).toBeNull();
    expect(blockedReason("169.254.169.254")).not.toBeNull();
    expect(blockedReason("10.0.0.1")).not.toBeNull();
  });
});

describe("urlProblem", () => {
  it.each([
    ["not a url", /full URL/],
    ["ftp://example.com/x", /http/],
    ["file:///etc/passwd", /http/],
    ["javascript:alert(1)", /http/],
    ["https://user:secret@example.com/", /passwords/],
    ["http://metadata.google.internal/", /metadata/],
  ])("%s", (url, message) => {
    expect(urlProblem(url)).toMatch(message);
  });

  it("accepts http and https URLs with a host", () => {
    expect(urlProblem("https://hooks.example.com/gapmap?x=1")).toBeNull();
    expect(urlProblem("http://93.184.215.14:8080/in")).toBeNull();
  });
});

describe("the signature", () => {
  const secret = "whsec_test";
  const body = '{"type":"webhook.test"}';

  it("verifies the body it signed, within five minutes", () => {
    const header = signBody(secret, body, 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, 1_800_000_100)).toBe(true);
    expect(verifySignature(secret, body, header, 1_800_000_301)).toBe(false);
  });

  it("refuses another body, another secret, a tampered timestamp or a garbled header", () => {
    const header = signBody(secret, body, 1_800_000_000);
    const now = 1_800_000_000;
    expect(verifySignature(secret, `${body} `, header, now)).toBe(false);
    expect(verifySignature("whsec_other", body, header, now)).toBe(false);
    expect(verifySignature(secret, body, header.replace("t=1800000000", "t=1800000001"), now)).toBe(
      false,
    );
    expect(verifySignature(secret, body, "garbage", now)).toBe(false);
    expect(verifySignature(secret, body, "t=1800000000,v1=zz", now)).toBe(false);
  });
});
