import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";

// Adapted from ../shared/recipes/prisma.config.ts: keep the trap fixes and their comments.

// Optional (speed only): the schema-engine WASM arms 10 s / 60 s setTimeouts that it never
// clears, so the CLI lingers 10-60 s after finishing. Unref long timers so they can't hold it.
const setTimeout0 = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const t = setTimeout0(fn, ms, ...args);
  if ((ms ?? 0) >= 10_000) t.unref();
  return t;
}) as typeof setTimeout;

// Must be set: the schema's url = env("DATABASE_URL") has to resolve, otherwise the CLI hits
// GetConfigError, falls back to engineType "library" and tries to download libquery_engine.
// (The CLI does not load .env when a prisma.config.ts exists.)
const url = (process.env.DATABASE_URL ??= "file:./data/gapmap.db");
const provider = url.startsWith("file:") ? "sqlite" : "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider), // folder: schema.prisma + models.prisma symlink
  migrations: { path: path.join("prisma", provider, "migrations") },
  adapter: async () => (provider === "sqlite" ? sqliteFactory() : postgresFactory()),
});

function sqliteFactory() {
  const factory = new PrismaBetterSQLite3({ url });
  // Trap (P3006): migrate dev replays migration.sql into the :memory: shadow DB via
  // executeRaw (one prepared statement) -> fails on multi-statement files. Use executeScript.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) =>
      q.args.length > 0 ? executeRaw(q) : (await shadow.executeScript(q.sql), 0);
    return shadow;
  };
  return factory;
}

type QueryResultLike = { fields?: { dataTypeID: number }[] };

// Trap (prisma/orm#27403): introspection selects pg_catalog columns typed name (oid 19) /
// "char" (oid 18); adapter-pg rejects them ("Column type 'name' could not be deserialized
// from the database."). Report them as text (oid 25); pg already returns the values as strings.
function nameAsText(pool: Pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const fix = (res: QueryResultLike | QueryResultLike[]) => {
    for (const r of Array.isArray(res) ? res : [res])
      for (const f of r?.fields ?? [])
        if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
    return res;
  };
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    const out = query(...args);
    return out instanceof Promise ? out.then(fix) : out;
  };
}

async function pgConnect(connectionString: string) {
  const adapter = await new PrismaPg({ connectionString, allowExitOnIdle: true }).connect();
  const pool = adapter.underlyingDriver() as Pool;
  nameAsText(pool);
  // Trap: adapter-pg executeScript() (used to apply migration.sql) splits on every ';',
  // breaking ';' inside strings / $$ bodies. Send the script as one simple-protocol query.
  const onError = (adapter as unknown as { onError: (e: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (e) {
      onError(e);
    }
  };
  return adapter;
}

function postgresFactory() {
  const factory = new PrismaPg({ connectionString: url });
  factory.connect = () => pgConnect(url);
  // Trap: built-in connectToShadowDb does new Pool({ ...config, database }), but pg lets
  // connectionString override `database`, so the "shadow" is the MAIN db. Create/drop our own.
  factory.connectToShadowDb = async () => {
    const admin = await pgConnect(url);
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const shadow = await pgConnect(shadowUrl.toString());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return factory;
}
