import "server-only";
import type { Pool, PoolClient } from "pg";

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

export function runOnSqlite<T>(database: SqliteDatabase, program: Program<T>): T {
  prepared(database, "BEGIN IMMEDIATE").run();
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

export async function runOnPostgres<T>(pool: Pool, program: Program<T>): Promise<T> {
  const client: PoolClient = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
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
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
