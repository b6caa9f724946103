import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { databaseProvider, disconnectDb } from "@/lib/db";
import packageJson from "@/package.json" with { type: "json" };

describe("GET /api/health", () => {
  afterAll(disconnectDb);

  it("answers 200 with status ok, the app's version and a reachable database", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      version: packageJson.version,
      database: { provider: databaseProvider(), reachable: true },
    });
  });
});
