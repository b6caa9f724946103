import "server-only";
import { databaseProvider, getDb } from "@/lib/db";
import packageJson from "@/package.json" with { type: "json" };

export type Health = {
  status: "ok" | "degraded";
  version: string;
  database: { provider: "sqlite" | "postgresql"; reachable: boolean; latencyMs?: number };
};

export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return {
      status: "ok",
      version: packageJson.version,
      database: {
        provider: databaseProvider(),
        reachable: true,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
      },
    };
  } catch (error) {
    console.error("[gapmap] health check: database unreachable", error);
    return {
      status: "degraded",
      version: packageJson.version,
      database: { provider: databaseProvider(), reachable: false },
    };
  }
}
