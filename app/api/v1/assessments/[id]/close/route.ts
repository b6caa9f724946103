import { json, withWorkspace } from "@/lib/api/http";
import { closeAssessment } from "@/lib/results/mutations";

export const POST = withWorkspace(
  async ({ ctx, params }) => json(await closeAssessment(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
