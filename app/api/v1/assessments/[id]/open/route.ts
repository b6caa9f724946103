import { json, withWorkspace } from "@/lib/api/http";
import { openAssessment } from "@/lib/assessments/mutations";

export const POST = withWorkspace(
  async ({ ctx, params }) => json(await openAssessment(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
