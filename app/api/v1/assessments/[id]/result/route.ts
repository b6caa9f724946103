import { json, withWorkspace } from "@/lib/api/http";
import { getResult } from "@/lib/results/data";

export const GET = withWorkspace(
  async ({ ctx, params }) => json(await getResult(ctx, params.id ?? "")),
  { permission: "assessment.read" },
);
