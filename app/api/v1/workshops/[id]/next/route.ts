import { json, readOptionalJson, withFacilitator } from "@/lib/api/http";
import { nextQuestionSchema } from "@/lib/workshops/schema";
import { nextQuestion } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ request, ctx, params }) => {
    // The body is optional: `{ "seconds": 90 }` starts a countdown.
    const input = (await readOptionalJson(request, nextQuestionSchema)) ?? {};
    return json(await nextQuestion(ctx, params.id ?? "", input));
  },
  { permission: "assessment.manage" },
);
