import { json, readJson, withWorkspace } from "@/lib/api/http";
import { listOrganizations } from "@/lib/organizations/data";
import { createOrganization } from "@/lib/organizations/mutations";
import { createOrganizationSchema, listOrganizationsSchema } from "@/lib/organizations/schema";
import { parseInput } from "@/lib/errors";

export const GET = withWorkspace(
  async ({ request, ctx }) => {
    const query = parseInput(
      listOrganizationsSchema,
      Object.fromEntries(new URL(request.url).searchParams),
    );
    const page = await listOrganizations(ctx, query);
    return json({ data: page.items, nextCursor: page.nextCursor, total: page.total });
  },
  { permission: "organization.read" },
);

export const POST = withWorkspace(
  async ({ request, ctx }) => {
    const input = await readJson(request, createOrganizationSchema);
    const organization = await createOrganization(ctx, input);
    return json(organization, 201);
  },
  { permission: "organization.create" },
);
