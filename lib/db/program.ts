import "server-only";
import type { Pool, PoolClient } from "pg";
import { AppError } from "@/lib/errors";

// A transaction written once as a generator of SQL statements and run by a driver straight on
// the database connection, without the Prisma client: the answer-save hot path, where a round with
// hundreds of respondents saves an answer per tap and the client's per-query work (planning,
// compiling, mapping) cost more than the SQL itself.
//
// client.ts owns the connections and runs programs (runProgram). The program yields statements and receives their results; the domain rules (a closed round
// takes no answers, ...) stay plain code between the statements and throw AppErrors, which roll
// the transaction back. On SQLite the driver runs the whole program synchronously inside
// BEGIN IMMEDIATE, so nothing else in this process can interleave with it, and it first waits for
// any interactive Prisma transaction on the shared connection to finish (see client.ts). On
// PostgreSQL it runs on a pooled connection of the pool the Prisma client uses.

/** One statement with its bound values (never spliced into the text). */
export type Statement = {
  kind: "all" | "run";
  strings: readonly string[];
  values: readonly unknown[];
};

/** The database is held by other work for longer than a save waits: answered 503, retried later. */
export const busy = () =>
  new AppError("unavailable", "GapMap is busy for a moment. Your answer will be sent again.", {
    retryAfterSeconds: 2,
  });

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error
    ? (error as { code: unknown }).code
    : undefined;
}

/**
 * Rows as the driver returns them: on SQLite integers come back as BigInt (the adapter's
 * connection reads safe integers), on PostgreSQL COUNT(*) comes back as a string; convert with
 * Number() where a number is meant.
 */
export type Row = Record<string, unknown>;
export type Program<T> = Generator<Statement, T, unknown>;

/** The rows of a query. Values are bound parameters: `${x}` is never pasted into the SQL. */
export function* all<R extends Row>(
  strings: TemplateStringsArray,
  ...values: unknown[]
): Program<R[]> {
  return (yield { kind: "all", strings, values }) as R[];
}

/** Runs a statement; returns the number of rows it changed. */
export function* run(strings: TemplateStringsArray, ...values: unknown[]): Program<number> {
  return (yield { kind: "run", strings, values }) as number;
}

function text(statement: Statement, placeholder: (i: number) => string): string {
  return statement.strings.reduce((sql, part, i) => sql + placeholder(i) + part);
}

// ---- SQLite ------------------------------------------------------------------------------------

/** The connection Prisma's SQLite adapter opened, and the lock its transactions take (client.ts). */
/** The parts of a better-sqlite3 connection used here. */
export type SqliteDatabase = {
  prepare(sql: string): SqliteStatement;
  readonly inTransaction: boolean;
};
type SqliteStatement = {
  all(...values: unknown[]): unknown[];
  run(...values: unknown[]): { changes: number };
};

const statementCache = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

function prepared(database: SqliteDatabase, sql: string): SqliteStatement {
  let cache = statementCache.get(database);
  if (!cache) {
    cache = new Map();
    statementCache.set(database, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

// Stored the way Prisma's SQLite adapter stores them, so the client reads them back unchanged.
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/**
 * A program that only reads (`readOnly`) begins a deferred transaction: one consistent snapshot,
 * without the write lock a save takes first (so another process's writer is not held up).
 */
export function runOnSqlite<T>(database: SqliteDatabase, program: Program<T>, readOnly = false): T {
  try {
    prepared(database, readOnly ? "BEGIN" : "BEGIN IMMEDIATE").run();
  } catch (error) {
    // Another process (a backup, the CLI) held the write lock for longer than busy_timeout.
    if (errorCode(error) === "SQLITE_BUSY") throw busy();
    throw error;
  }
  try {
    let step = program.next();
    while (!step.done) {
      const statement = prepared(
        database,
        text(step.value, () => "?"),
      );
      const values = step.value.values.map(sqliteValue);
      const result =
        step.value.kind === "all" ? statement.all(...values) : statement.run(...values).changes;
      step = program.next(result);
    }
    prepared(database, "COMMIT").run();
    return step.value;
  } catch (error) {
    if (database.inTransaction) prepared(database, "ROLLBACK").run();
    throw error;
  }
}

// ---- PostgreSQL --------------------------------------------------------------------------------

export async function runOnPostgres<T>(
  pool: Pool,
  program: Program<T>,
  readOnly = false,
): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    // The pool's connectionTimeoutMillis passed with every connection taken.
    if (error instanceof Error && /timeout/i.test(error.message)) throw busy();
    throw error;
  }
  let broken = false;
  try {
    await client.query(readOnly ? "BEGIN READ ONLY" : "BEGIN");
    // A row lock held longer than this (a stuck transaction) fails the save with 55P03 -> 503.
    await client.query("SET LOCAL lock_timeout = '5s'");
    try {
      let step = program.next();
      while (!step.done) {
        const result = await client.query(
          text(step.value, (i) => `$${i}`),
          step.value.values.map((v) => (v instanceof Date ? v.toISOString() : (v ?? null))),
        );
        step = program.next(step.value.kind === "all" ? result.rows : (result.rowCount ?? 0));
      }
      await client.query("COMMIT");
      return step.value;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      if (errorCode(error) === "55P03") throw busy();
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
