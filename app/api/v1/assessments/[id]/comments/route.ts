import { json, withWorkspace } from "@/lib/api/http";
import { getAssessmentComments } from "@/lib/comments/data";

// A closed round's comments per question, grouped by level, with the key quotes marked.
export const GET = withWorkspace(
  async ({ ctx, params }) => json(await getAssessmentComments(ctx, params.id ?? "")),
  { permission: "assessment.read" },
);
