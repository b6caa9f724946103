import { json, readOptionalJson, withWorkspace } from "@/lib/api/http";
import { createWorkshopSchema } from "@/lib/workshops/schema";
import { createWorkshop } from "@/lib/workshops/mutations";

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    // The body is optional: none, or `{}`, runs the whole questionnaire.
    const input = (await readOptionalJson(request, createWorkshopSchema)) ?? {};
    const workshop = await createWorkshop(ctx, params.id ?? "", input);
    const joinUrl = `${new URL(request.url).origin}/join?code=${workshop.code}`;
    return json({ ...workshop, joinUrl }, 201);
  },
  { permission: "assessment.manage" },
);
