import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { Pool } from "pg";
import { busy, runOnPostgres, runOnSqlite, type Program, type SqliteDatabase } from "./program";

// Password hashes stay out of every query result unless a query asks for them by name
// (`omit: { passwordHash: false }`), so no page or API response can leak one by accident.
const OMIT = { user: { passwordHash: true } } as const;

// The two generated clients share one models.prisma, so their query APIs are the same; the
// SQLite client's type stands for both.
export type Db = SqliteClient<never, typeof OMIT>;

export const DEFAULT_DATABASE_URL = "file:./data/gapmap.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(url = databaseUrl()): "sqlite" | "postgresql" {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

// Settings a server needs on every SQLite connection: WAL lets readers run beside the writer,
// busy_timeout makes a second writer wait instead of failing, foreign_keys enforces cascades.
const SQLITE_PRAGMAS =
  "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

/** A first-come lock: the SQLite connection's transactions, Prisma's and runProgram's, take turns. */
class TurnLock {
  #tail: Promise<void> = Promise.resolve();
  #inUse = 0;
  /** Turns held or waited for: what is queued on the connection (tests wait on it). */
  get inUse(): number {
    return this.#inUse;
  }
  /** Waits for the turn; with `timeoutMs`, gives up (and gives the turn back when it comes). */
  acquire(timeoutMs?: number): Promise<() => void> {
    let release!: () => void;
    this.#inUse += 1;
    const released = new Promise<void>((resolve) => {
      release = () => {
        this.#inUse -= 1;
        resolve();
      };
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    if (timeoutMs === undefined) return previous.then(() => release);
    return new Promise((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(busy());
      }, timeoutMs);
      void previous.then(() => {
        if (gaveUp) return release();
        clearTimeout(timer);
        resolve(release);
      });
    });
  }
}

// How long a save waits for the SQLite connection before it is answered 503 (the respondent's
// outbox retries it), instead of waiting without end behind a stuck transaction.
const TURN_TIMEOUT_MS = 10_000;

type Connections = {
  sqlite?: { database: SqliteDatabase; turns: TurnLock };
  pool?: Pool;
};

// Prisma's SQLite adapter has one connection. runProgram (program.ts) runs its statements on that
// same connection, synchronously, so it must never land inside an interactive Prisma transaction
// left open across an await: every Prisma transaction holds a turn from start to commit/rollback,
// each query outside a transaction takes one, and runProgram takes one too. (Inside a transaction
// callback, query through `tx`: a query on the client itself would wait for the transaction.)
function sqliteAdapter(url: string, connections: Connections) {
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    const turns = new TurnLock();
    const database = (adapter as unknown as { client: SqliteDatabase }).client;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await turns.acquire();
      try {
        const tx = await startTransaction(isolationLevel);
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        const executeRaw = tx.executeRaw.bind(tx);
        tx.commit = () => commit().finally(release);
        tx.rollback = () => rollback().finally(release);
        // Prisma sends COMMIT (or ROLLBACK) as a statement, then calls commit() (rollback());
        // when the statement itself fails (a full disk, a deferred constraint) it calls neither,
        // which would leave the connection inside the transaction and the turn taken for good.
        tx.executeRaw = async (query) => {
          try {
            return await executeRaw(query);
          } catch (error) {
            if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) {
              try {
                if (database.inTransaction) database.prepare("ROLLBACK").run();
              } finally {
                await rollback().finally(release);
              }
            }
            throw error;
          }
        };
        return tx;
      } catch (error) {
        release();
        throw error;
      }
    };
    // A query outside any transaction takes a turn as well. The adapter has one connection, so
    // otherwise a write of one request could run inside another request's open transaction and
    // be rolled back with it (after being acknowledged), and a read could see that
    // transaction's uncommitted rows.
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const inTurn = async <T>(work: () => Promise<T>): Promise<T> => {
      const release = await turns.acquire();
      try {
        return await work();
      } finally {
        release();
      }
    };
    adapter.queryRaw = (query) => inTurn(() => queryRaw(query));
    adapter.executeRaw = (query) => inTurn(() => executeRaw(query));
    connections.sqlite = { database, turns };
    return adapter;
  };
  return factory;
}

type Client = { db: Db; connections: Connections };

function createClient(): Client {
  const url = databaseUrl();
  const connections: Connections = {};
  if (databaseProvider(url) === "sqlite") {
    const db = new SqliteClient({ adapter: sqliteAdapter(url, connections), omit: OMIT });
    return { db: db as unknown as Db, connections };
  }
  // One pool for the Prisma client and runProgram, so DATABASE_POOL_SIZE bounds both.
  connections.pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // A save waits at most this long for a connection, then is answered 503 and retried by the
    // respondent's outbox, instead of queueing without end behind a stuck transaction.
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server dropped (a restart, a pooler) is an event, not a crash; the
  // Prisma adapter adds its own listener only once it connects.
  connections.pool.on("error", (error) => {
    console.error(`database pool: ${error.message}`);
  });
  const adapter = new PrismaPg(connections.pool, { disposeExternalPool: true });
  return { db: new PostgresClient({ adapter, omit: OMIT }) as unknown as Db, connections };
}

// One client per process. Next's dev server reloads modules; keep the client on globalThis so
// reloads do not open a new connection pool each time.
const globalForDb = globalThis as unknown as { gapmapClient?: Client };

function client(): Client {
  globalForDb.gapmapClient ??= createClient();
  return globalForDb.gapmapClient;
}

export function getDb(): Db {
  return client().db;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.gapmapClient;
  // Forgotten first: a query started meanwhile gets a new client, not the one being closed.
  globalForDb.gapmapClient = undefined;
  if (current) await current.db.$disconnect();
}

/**
 * How many turns on the SQLite connection are held or waited for (0 on PostgreSQL, which has a
 * pool instead). Lets a test wait until a query is really queued behind a transaction.
 */
export function sqliteTurnsInUse(): number {
  return globalForDb.gapmapClient?.connections.sqlite?.turns.inUse ?? 0;
}

/**
 * Runs `program` (see program.ts) as one transaction on the client's own connections: all of it
 * commits, or on any throw none of it, and the error is rethrown.
 */
export async function runProgram<T>(
  program: () => Program<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const readOnly = options.readOnly ?? false;
  const { db, connections } = client();
  if (connections.pool) return runOnPostgres(connections.pool, program(), readOnly);
  if (!connections.sqlite) await db.$connect();
  const sqlite = connections.sqlite;
  if (!sqlite) throw new Error("lib/db: the SQLite connection did not open");
  const release = await sqlite.turns.acquire(TURN_TIMEOUT_MS);
  try {
    return runOnSqlite(sqlite.database, program(), readOnly);
  } finally {
    release();
  }
}

/** The client inside `db.$transaction(async (tx) => ...)`. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
