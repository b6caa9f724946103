import { json, readJson, withWorkspace } from "@/lib/api/http";
import { changeInitiativeStatus } from "@/lib/initiatives/mutations";
import { changeStatusSchema } from "@/lib/initiatives/schema";

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, changeStatusSchema);
    return json(await changeInitiativeStatus(ctx, params.id ?? "", input));
  },
  { permission: "initiative.manage" },
);
