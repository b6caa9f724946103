import { json, readJson, withWorkspace } from "@/lib/api/http";
import { getOrganization } from "@/lib/organizations/data";
import { deleteOrganization, updateOrganization } from "@/lib/organizations/mutations";
import { deleteOrganizationSchema, updateOrganizationSchema } from "@/lib/organizations/schema";

export const GET = withWorkspace(
  async ({ ctx, params }) => json(await getOrganization(ctx, params.id ?? "")),
  { permission: "organization.read" },
);

export const PATCH = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, updateOrganizationSchema);
    return json(await updateOrganization(ctx, params.id ?? "", input));
  },
  { permission: "organization.update" },
);

// Deleting takes `{ "confirmation": "<the organisation's exact name>" }`, as the page does.
export const DELETE = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, deleteOrganizationSchema);
    await deleteOrganization(ctx, params.id ?? "", input);
    return new Response(null, { status: 204 });
  },
  { permission: "organization.delete" },
);
