import { z } from "zod";
import { json, readJson, readPage, withWorkspace } from "@/lib/api/http";
import { listActions } from "@/lib/actions/data";
import { createAction } from "@/lib/actions/mutations";

export const GET = withWorkspace(
  async ({ request, ctx, params }) => {
    const page = await listActions(ctx, params.id ?? "", readPage(request));
    return json({ data: page.items, nextCursor: page.nextCursor });
  },
  { permission: "action.read" },
);

export const POST = withWorkspace(
  async ({ request, ctx, params }) => {
    // Parsed once, by the mutation: its schema turns dates into Date objects, which a second
    // parse would refuse.
    const input = await readJson(request, z.unknown());
    return json(await createAction(ctx, params.id ?? "", input), 201);
  },
  { permission: "action.manage" },
);
