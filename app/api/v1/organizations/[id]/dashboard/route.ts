import { json, withWorkspace } from "@/lib/api/http";
import { getOrganizationDashboard } from "@/lib/dashboards/data";

export const GET = withWorkspace(
  async ({ ctx, params }) => json(await getOrganizationDashboard(ctx, params.id ?? "")),
  { permission: "assessment.read" },
);
