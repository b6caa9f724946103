import "server-only";
import type { DbTx } from "./client";
import { databaseProvider } from "./client";

// Row locks for rules that read in one statement and write in another, across transactions:
// "an answer is saved only while the round is open" must not interleave with "close the round and
// score every answer". Saves take a shared lock (they do not block each other); closing and
// submitting take an exclusive one, so they wait for saves in flight and saves after them see the
// new state. SQLite runs one writer at a time already, so nothing is needed there.

type LockedTable = "Assessment" | "Response" | "Workspace" | "Workshop";

async function lockRow(
  tx: DbTx,
  table: LockedTable,
  id: string,
  mode: "SHARE" | "UPDATE",
): Promise<void> {
  if (databaseProvider() !== "postgresql") return;
  // The table name is one of the literals above, never input; the id is a bound parameter.
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR ${mode}`, id);
}

export const lockForShare = (tx: DbTx, table: LockedTable, id: string) =>
  lockRow(tx, table, id, "SHARE");
export const lockForUpdate = (tx: DbTx, table: LockedTable, id: string) =>
  lockRow(tx, table, id, "UPDATE");
