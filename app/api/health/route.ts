import { checkHealth } from "@/lib/health";
import { json } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return json(health, health.status === "ok" ? 200 : 503);
}
