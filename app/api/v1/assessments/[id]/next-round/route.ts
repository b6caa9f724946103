import { json, readOptionalJson, withWorkspace } from "@/lib/api/http";
import { nextRoundSchema } from "@/lib/assessments/schema";
import { startNextRound } from "@/lib/assessments/next-round";

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    // The body is optional: without a name, "Q1 2027" is followed by "Q2 2027".
    const input = (await readOptionalJson(request, nextRoundSchema)) ?? {};
    const next = await startNextRound(ctx, params.id ?? "", input);
    return json(
      { ...next.round, links: next.links, carriedOverActions: next.carriedOverActions },
      201,
    );
  },
  { permission: "assessment.manage" },
);
