import { z } from "zod";
import { json, readJson, withWorkspace } from "@/lib/api/http";
import { recordDiagnostic } from "@/lib/initiatives/mutations";

export const PUT = withWorkspace(
  async ({ request, ctx, params }) => {
    // Parsed once, by the mutation: its schema turns dates into Date objects, which a second
    // parse would refuse.
    const input = await readJson(request, z.unknown());
    return json(await recordDiagnostic(ctx, params.id ?? "", input));
  },
  { permission: "initiative.manage" },
);
