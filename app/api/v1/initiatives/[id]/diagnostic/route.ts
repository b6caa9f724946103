import { json, readJson, withWorkspace } from "@/lib/api/http";
import { recordDiagnostic } from "@/lib/initiatives/mutations";
import { diagnosticInputSchema } from "@/lib/initiatives/schema";

export const PUT = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, diagnosticInputSchema);
    return json(await recordDiagnostic(ctx, params.id ?? "", input));
  },
  { permission: "initiative.manage" },
);
