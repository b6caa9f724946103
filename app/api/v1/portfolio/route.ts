import { json, withWorkspace } from "@/lib/api/http";
import { getPortfolio, peerBenchmark } from "@/lib/dashboards/data";

// One row per organisation, each with its sector's peer benchmark where the sector group is
// large enough (null otherwise), so a BI tool never has to re-derive the anonymity rule.
export const GET = withWorkspace(
  async ({ ctx }) => {
    const rows = await getPortfolio(ctx);
    return json({
      items: rows.map((row) => ({ ...row, peerBenchmark: peerBenchmark(rows, row.sector) })),
    });
  },
  { permission: "assessment.read" },
);
