import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/next-path";

const ORIGIN = "http://localhost:3000";

/** Where a browser on ORIGIN ends up after `location.assign(path)`. */
function landsOn(path: string): string {
  return new URL(path, ORIGIN).origin;
}

describe("safeNextPath: only paths that stay on this origin are followed after sign-in", () => {
  const hostile = [
    "/\\evil",
    "/\\evil.example/",
    "/%5Cevil.example/",
    "/%5c%5cevil.example",
    "/\t/evil.example",
    "/%09/evil",
    "/%09/evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/\r\n/evil.example",
    "//evil",
    "///evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "https://evil",
    "http://localhost:3000.evil.example/",
    "http://localhost:3001/organizations",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " //evil.example",
  ];

  for (const value of hostile) {
    it(`refuses ${JSON.stringify(value)}: "/" instead`, () => {
      const path = safeNextPath(value, ORIGIN);
      expect(path).toBe("/");
      expect(landsOn(path)).toBe(ORIGIN);
    });
  }

  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeNextPath("/ok?x=1#y", ORIGIN)).toBe("/ok?x=1#y");
    expect(safeNextPath("/invite/gmi_abc", ORIGIN)).toBe("/invite/gmi_abc");
    expect(safeNextPath("/organizations", ORIGIN)).toBe("/organizations");
  });

  it("keeps an absolute URL on this origin, as a path", () => {
    expect(safeNextPath(`${ORIGIN}/organizations?tab=1`, ORIGIN)).toBe("/organizations?tab=1");
  });

  it("normalises dot segments rather than passing them on", () => {
    expect(safeNextPath("/a/../organizations", ORIGIN)).toBe("/organizations");
  });

  it("without an origin, an absolute URL is refused and a path is kept", () => {
    expect(safeNextPath("/organizations")).toBe("/organizations");
    expect(safeNextPath(`${ORIGIN}/organizations`)).toBe("/");
  });

  it("refuses what is not a usable string", () => {
    for (const value of [undefined, null, 42, ["/ok"], "", "/".padEnd(3000, "a")]) {
      expect(safeNextPath(value, ORIGIN)).toBe("/");
    }
  });

  it("a malformed percent-escape is kept as a same-origin path, never a 500", () => {
    expect(landsOn(safeNextPath("/%ff%", ORIGIN))).toBe(ORIGIN);
  });
});
