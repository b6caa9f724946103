import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isStaticPage } from "@/lib/security/csp";

describe("the Content-Security-Policy", () => {
  it("with a nonce allows only this origin's files and scripts carrying the nonce", () => {
    const csp = contentSecurityPolicy({ nonce: "abc" });
    expect(csp).toContain("script-src 'self' 'nonce-abc';");
    expect(csp).not.toContain("unsafe-inline' 'nonce");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
  });

  it("gives every response its own unguessable nonce", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("knows the prerendered pages, and nothing else, as static", () => {
    expect(isStaticPage("/method")).toBe(true);
    expect(isStaticPage("/signup/")).toBe(true);
    expect(isStaticPage("/methodology")).toBe(false);
    expect(isStaticPage("/")).toBe(false);
    expect(isStaticPage("/organizations")).toBe(false);
  });
});
