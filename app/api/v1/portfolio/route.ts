import { json, withWorkspace } from "@/lib/api/http";
import { can } from "@/lib/auth/roles";
import { getPortfolio, peerBenchmark } from "@/lib/dashboards/data";
import { getPortfolioPipeline } from "@/lib/initiatives/data";

// One row per organisation, each with its sector's peer benchmark where the sector group is
// large enough (null otherwise), so a BI tool never has to re-derive the anonymity rule; and the
// initiatives' pipeline across those organisations, as the portfolio page shows it.
export const GET = withWorkspace(
  async ({ ctx }) => {
    const [rows, pipeline] = await Promise.all([
      getPortfolio(ctx),
      // Null for a role that may not read initiatives. The page's organisation names are left
      // out: each held initiative carries its organisation's id, and `items` names them.
      can(ctx.role, "initiative.read")
        ? getPortfolioPipeline(ctx).then(({ organizationNames: _, ...rest }) => rest)
        : null,
    ]);
    return json({
      items: rows.map((row) => ({ ...row, peerBenchmark: peerBenchmark(rows, row.sector) })),
      pipeline,
    });
  },
  { permission: "assessment.read" },
);
