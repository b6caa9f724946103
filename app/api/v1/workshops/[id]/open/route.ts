import { json, readJson, withFacilitator } from "@/lib/api/http";
import { openQuestionSchema } from "@/lib/workshops/schema";
import { openQuestion } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ request, ctx, params }) =>
    json(await openQuestion(ctx, params.id ?? "", await readJson(request, openQuestionSchema))),
  { permission: "assessment.manage" },
);
