import { json, readJson, readPage, withWorkspace } from "@/lib/api/http";
import { listAssessments } from "@/lib/assessments/data";
import { createAssessment } from "@/lib/assessments/mutations";
import { createAssessmentSchema } from "@/lib/assessments/schema";

export const GET = withWorkspace(
  async ({ request, ctx, params }) => {
    const page = await listAssessments(ctx, params.id ?? "", readPage(request));
    return json({ data: page.items, nextCursor: page.nextCursor });
  },
  { permission: "assessment.read" },
);

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, createAssessmentSchema.in);
    return json(await createAssessment(ctx, params.id ?? "", input), 201);
  },
  { permission: "assessment.manage" },
);
