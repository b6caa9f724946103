import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl, disconnectDb, getDb } from "@/lib/db";

// The harness every other integration test stands on: a real, migrated database of its own.
describe("the integration test database", () => {
  afterAll(disconnectDb);

  it("is never the local app's data/gapmap.db", () => {
    const url = databaseUrl();
    if (databaseProvider(url) === "sqlite") {
      expect(path.resolve(url.slice("file:".length))).not.toBe(path.resolve("data/gapmap.db"));
      expect(url).toMatch(/tmp\/test-[0-9a-f]+\.db$/);
    } else {
      expect(url).toMatch(/\/gapmap_test$/);
    }
  });

  it("has every migration applied, so the data layer can read and write each model", async () => {
    const db = getDb();
    const workspace = await db.workspace.create({ data: { name: `harness ${Date.now()}` } });
    expect(await db.workspace.findUnique({ where: { id: workspace.id } })).toMatchObject({
      name: workspace.name,
    });
    await db.workspace.delete({ where: { id: workspace.id } });
  });
});
