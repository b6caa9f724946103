import { json, withWorkspace } from "@/lib/api/http";
import { createOpenLink } from "@/lib/assessments/mutations";

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    const link = await createOpenLink(ctx, params.id ?? "");
    return json({ ...link, url: `${new URL(request.url).origin}${link.path}` }, 201);
  },
  { permission: "assessment.manage" },
);
