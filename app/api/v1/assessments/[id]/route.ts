import { json, withWorkspace } from "@/lib/api/http";
import { getAssessment, getAssessmentProgress } from "@/lib/assessments/data";

export const GET = withWorkspace(
  async ({ ctx, params }) => {
    const assessment = await getAssessment(ctx, params.id ?? "");
    const progress = await getAssessmentProgress(ctx, assessment.id);
    return json({ ...assessment, progress });
  },
  { permission: "assessment.read" },
);
