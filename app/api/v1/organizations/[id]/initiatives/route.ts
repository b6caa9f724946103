import { json, readJson, readPage, withWorkspace } from "@/lib/api/http";
import { listInitiatives } from "@/lib/initiatives/data";
import { createInitiative } from "@/lib/initiatives/mutations";
import { createInitiativeSchema } from "@/lib/initiatives/schema";

export const GET = withWorkspace(
  async ({ request, ctx, params }) => {
    const page = await listInitiatives(ctx, params.id ?? "", readPage(request));
    return json({ data: page.items, nextCursor: page.nextCursor });
  },
  { permission: "initiative.read" },
);

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, createInitiativeSchema);
    return json(await createInitiative(ctx, params.id ?? "", input), 201);
  },
  { permission: "initiative.manage" },
);
