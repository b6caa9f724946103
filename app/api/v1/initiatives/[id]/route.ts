import { json, readJson, withWorkspace } from "@/lib/api/http";
import { getInitiative } from "@/lib/initiatives/data";
import { updateInitiative } from "@/lib/initiatives/mutations";
import { updateInitiativeSchema } from "@/lib/initiatives/schema";

export const GET = withWorkspace(
  async ({ ctx, params }) => json(await getInitiative(ctx, params.id ?? "")),
  { permission: "initiative.read" },
);

export const PATCH = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, updateInitiativeSchema);
    return json(await updateInitiative(ctx, params.id ?? "", input));
  },
  { permission: "initiative.manage" },
);
