import { json, withWorkspace } from "@/lib/api/http";
import { closeAssessment } from "@/lib/assessments/mutations";

export const POST = withWorkspace(
  async ({ ctx, params }) => json(await closeAssessment(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
