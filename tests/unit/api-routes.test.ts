import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { API_ROUTES, findApiRoute, HTTP_METHODS } from "@/lib/api/routes";
import { proxy } from "@/proxy";

const root = path.resolve(__dirname, "../..");

/** Every app/api route file as its URL path (route groups removed) and the methods it exports. */
function routeFiles(): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        const methods = HTTP_METHODS.filter((method) =>
          new RegExp(
            `export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`,
          ).test(source),
        );
        const url = path
          .relative(path.join(root, "app"), dir)
          .split(path.sep)
          .filter((part) => !/^\(.*\)$/.test(part))
          .join("/");
        found.push({ path: `/${url}`, methods: [...methods] });
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

describe("the API route table", () => {
  it("lists every route file under app/api with exactly the methods it exports", () => {
    const table = API_ROUTES.map((r) => ({ path: r.path, methods: [...r.methods] })).sort((a, b) =>
      a.path.localeCompare(b.path),
    );
    expect(table).toEqual(routeFiles());
  });

  it("finds static segments before dynamic ones", () => {
    expect(findApiRoute("/api/v1/organizations")?.path).toBe("/api/v1/organizations");
    expect(findApiRoute("/api/v1/organizations/abc/assessments")?.path).toBe(
      "/api/v1/organizations/[id]/assessments",
    );
    expect(findApiRoute("/api/auth/callback/credentials")?.path).toBe("/api/auth/[...nextauth]");
    expect(findApiRoute("/api/v1/nothing")).toBeUndefined();
  });
});

const request = (pathname: string, method = "GET") =>
  new NextRequest(new URL(pathname, "http://localhost:3000"), { method });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("proxy.ts", () => {
  it("a malformed escape in an API path is a JSON 404", async () => {
    for (const bad of ["%ff", "%", "%E0%A4%A", "%ED%A0%80"]) {
      for (const pathname of [
        `/api/v1/organizations/${bad}`,
        `/api/v1/respond/${bad}`,
        `/api/v1/respond/${bad}/answers`,
        `/api/v1/assessments/${bad}/result`,
      ]) {
        const response = proxy(request(pathname));
        expect(response.status, pathname).toBe(404);
        expect((await errorOf(response)).code).toBe("not_found");
      }
    }
  });

  it("a path segment that decodes to a NUL is a JSON 404 (PostgreSQL cannot match it)", async () => {
    for (const pathname of [
      "/api/v1/organizations/%00",
      "/api/v1/organizations/a%00b",
      "/api/v1/workshops/%00/state",
      "/api/v1/respond/%00/answers",
    ]) {
      const response = proxy(request(pathname));
      expect(response.status, pathname).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
  });

  it("a NUL in a page path is rewritten to the not-found page", () => {
    for (const pathname of ["/organizations/%00", "/respond/x%00"]) {
      const response = proxy(request(pathname));
      expect(response.headers.get("x-middleware-rewrite"), pathname).toContain(
        "/_not-found-malformed-path",
      );
    }
  });

  it("a malformed escape in a page path is rewritten to the not-found page", () => {
    for (const pathname of ["/organizations/%ff", "/respond/%", "/invite/%E0%A4%A", "/%ff"]) {
      const response = proxy(request(pathname));
      expect(response.headers.get("x-middleware-rewrite"), pathname).toContain(
        "/_not-found-malformed-path",
      );
    }
  });

  it("a method a route does not take is 405 method_not_allowed with Allow", async () => {
    const cases: [string, string, string][] = [
      ["/api/v1/organizations", "PROPFIND", "GET, HEAD, OPTIONS, POST"],
      ["/api/v1/organizations", "PUT", "GET, HEAD, OPTIONS, POST"],
      ["/api/v1/portfolio", "DELETE", "GET, HEAD, OPTIONS"],
      ["/api/v1/respond/tok/answers", "POST", "OPTIONS, PUT"],
      ["/api/v1/respond/tok/answers", "MKCOL", "OPTIONS, PUT"],
      ["/api/health", "PATCH", "GET, HEAD, OPTIONS"],
    ];
    for (const [pathname, method, allow] of cases) {
      const response = proxy(request(pathname, method));
      expect(response.status, `${method} ${pathname}`).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect((await errorOf(response)).code).toBe("method_not_allowed");
    }
  });

  it("an unknown /api/v1 path is a JSON 404; allowed methods pass through", async () => {
    const unknown = proxy(request("/api/v1/nothing/here"));
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("not_found");
    for (const [pathname, method] of [
      ["/api/v1/organizations", "GET"],
      ["/api/v1/organizations", "HEAD"],
      ["/api/v1/organizations/abc", "PATCH"],
      ["/api/v1/respond/tok/answers", "PUT"],
      ["/api/v1/respond/tok/answers", "OPTIONS"],
      ["/api/auth/session", "GET"],
      ["/organizations/a%20b", "GET"],
    ] as const) {
      expect(proxy(request(pathname, method)).headers.get("x-middleware-next"), pathname).toBe("1");
    }
  });

  it("a GET of the credentials callback is sent to the sign-in page, a POST passes", () => {
    const get = proxy(request("/api/auth/callback/credentials"));
    expect(get.status).toBe(303);
    expect(new URL(get.headers.get("location") ?? "").pathname).toBe("/login");
    expect(
      proxy(request("/api/auth/callback/credentials", "POST")).headers.get("x-middleware-next"),
    ).toBe("1");
  });
});
