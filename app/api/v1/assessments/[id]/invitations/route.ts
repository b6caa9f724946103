import { json, readJson, withWorkspace } from "@/lib/api/http";
import { createInvitations } from "@/lib/assessments/mutations";
import { invitationsSchema } from "@/lib/assessments/schema";

// Returns each link and its token once: only their hashes are kept.
export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, invitationsSchema);
    const links = await createInvitations(ctx, params.id ?? "", input);
    const origin = new URL(request.url).origin;
    return json({ data: links.map((l) => ({ ...l, url: `${origin}${l.path}` })) }, 201);
  },
  { permission: "assessment.manage" },
);
