import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  databaseProvider,
  databaseUrl,
  disconnectDb,
  getDb,
  runProgram,
  sqliteTurnsInUse,
  type Program,
} from "@/lib/db";
import { all, run } from "@/lib/db/program";

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

/** A promise and the function that resolves it: one side waits, the other lets it go. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

// runProgram (lib/db/program.ts): the answer-save hot path's transactions, run on the client's own
// connection beside the Prisma client.
describe("runProgram", () => {
  afterAll(disconnectDb);

  const named = (name: string): Program<string[]> =>
    (function* () {
      const rows = yield* all<{ name: string }>`
        SELECT "name" FROM "Workspace" WHERE "name" = ${name}`;
      return rows.map((r) => r.name);
    })();

  it("commits every statement of a program and returns its value", async () => {
    const name = `program commit ${Date.now()}`;
    const id = `wsp_${Date.now()}`;
    const changed = await runProgram(function* () {
      const inserted = yield* run`
        INSERT INTO "Workspace" ("id", "name", "createdAt")
        VALUES (${id}, ${name}, ${new Date()})`;
      return inserted;
    });
    expect(changed).toBe(1);
    expect(await runProgram(() => named(name))).toEqual([name]);
    // Written the way the Prisma client writes: it reads the row back, dates included.
    const row = await getDb().workspace.findUniqueOrThrow({ where: { id } });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    await getDb().workspace.delete({ where: { id } });
  });

  it("on a throw rolls back what it had written and rethrows", async () => {
    const name = `program rollback ${Date.now()}`;
    await expect(
      runProgram(function* () {
        yield* run`
          INSERT INTO "Workspace" ("id", "name", "createdAt")
          VALUES (${`wsp_rb_${Date.now()}`}, ${name}, ${new Date()})`;
        throw new Error("rule broken after the write");
      }),
    ).rejects.toThrow("rule broken after the write");
    expect(await runProgram(() => named(name))).toEqual([]);
    expect(await getDb().workspace.count({ where: { name } })).toBe(0);
  });

  it("waits for an interactive Prisma transaction in flight instead of landing inside it", async () => {
    const name = `program turn ${Date.now()}`;
    const { promise: held, resolve: release } = signal();
    const { promise: inside, resolve: entered } = signal();
    const transaction = getDb()
      .$transaction(async (tx) => {
        await tx.workspace.create({ data: { name } });
        entered();
        await held;
        throw new Error("rolled back on purpose");
      })
      .catch((error: Error) => error.message);
    await inside;
    // Started while the transaction is open: must see neither its uncommitted row nor run in it.
    const seen = runProgram(() => named(name));
    // Let go only once the read has had its chance to go wrong: on SQLite it is queued behind
    // the transaction's turn (one connection); PostgreSQL reads on a connection of its own and
    // is answered while the transaction is still open.
    if (databaseProvider() === "sqlite") {
      await vi.waitFor(() => expect(sqliteTurnsInUse()).toBe(2));
    } else {
      await seen;
    }
    release();
    expect(await transaction).toBe("rolled back on purpose");
    expect(await seen).toEqual([]);
    expect(await getDb().workspace.count({ where: { name } })).toBe(0);
  });

  it.runIf(databaseProvider() === "sqlite")(
    "a Prisma transaction whose COMMIT fails gives the connection back to everyone else",
    async () => {
      // A deferred foreign key fails at COMMIT, the way a full disk would: Prisma then calls
      // neither commit() nor rollback(), and the connection's turn must still be given back.
      await expect(
        getDb().$transaction(async (tx) => {
          await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
          await tx.member.create({
            data: { workspaceId: "no-such-workspace", userId: "no-such-user", role: "owner" },
          });
        }),
      ).rejects.toThrow();
      expect(await runProgram(() => named(`after a failed commit ${Date.now()}`))).toEqual([]);
      const name = `after a failed commit ${Date.now()}`;
      await getDb().$transaction(async (tx) => tx.workspace.create({ data: { name } }));
      expect(await getDb().workspace.count({ where: { name } })).toBe(1);
    },
  );

  it.runIf(databaseProvider() === "sqlite")(
    "a write outside any transaction is not rolled back with another request's transaction",
    async () => {
      const name = `outside a transaction ${Date.now()}`;
      const { promise: held, resolve: release } = signal();
      const { promise: inside, resolve: entered } = signal();
      const transaction = getDb()
        .$transaction(async (tx) => {
          await tx.workspace.count();
          entered();
          await held;
          throw new Error("rolled back on purpose");
        })
        .catch((error: Error) => error.message);
      await inside;
      // Another request's single-statement write while the transaction is open on the one
      // connection (a model create runs as a transaction of its own; a raw statement does not).
      const write = getDb().$executeRaw`
        INSERT INTO "Workspace" ("id", "name", "createdAt")
        VALUES (${`wsp_out_${Date.now()}`}, ${name}, ${new Date()})`;
      // Prisma's queries start when awaited or then-ed: start it now.
      let done = false;
      const written = write.then(() => {
        done = true;
      });
      // The write is queued behind the transaction's turn (without a turn of its own it would
      // run inside the transaction and be rolled back with it).
      await vi.waitFor(() => expect(sqliteTurnsInUse()).toBe(2));
      expect(done, "the write waits for the open transaction").toBe(false);
      release();
      expect(await transaction).toBe("rolled back on purpose");
      await written;
      expect(await getDb().workspace.count({ where: { name } })).toBe(1);
    },
  );
});
