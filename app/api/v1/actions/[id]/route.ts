import { z } from "zod";
import { json, readJson, withWorkspace } from "@/lib/api/http";
import { updateAction } from "@/lib/actions/mutations";

export const PATCH = withWorkspace(
  async ({ request, ctx, params }) => {
    // Parsed once, by the mutation: its schema turns dates into Date objects, which a second
    // parse would refuse.
    const input = await readJson(request, z.unknown());
    return json(await updateAction(ctx, params.id ?? "", input));
  },
  { permission: "action.manage" },
);
