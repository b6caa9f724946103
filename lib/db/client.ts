import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";

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

function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  };
  return factory;
}

function createClient(): Db {
  const url = databaseUrl();
  if (databaseProvider(url) === "sqlite") {
    return new SqliteClient({ adapter: sqliteAdapter(url), omit: OMIT }) as unknown as Db;
  }
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  return new PostgresClient({ adapter, omit: OMIT }) as unknown as Db;
}

// One client per process. Next's dev server reloads modules; keep the client on globalThis so
// reloads do not open a new connection pool each time.
const globalForDb = globalThis as unknown as { gapmapDb?: Db };

export function getDb(): Db {
  globalForDb.gapmapDb ??= createClient();
  return globalForDb.gapmapDb;
}

export async function disconnectDb(): Promise<void> {
  if (globalForDb.gapmapDb) {
    await globalForDb.gapmapDb.$disconnect();
    globalForDb.gapmapDb = undefined;
  }
}

/** The client inside `db.$transaction(async (tx) => ...)`. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
