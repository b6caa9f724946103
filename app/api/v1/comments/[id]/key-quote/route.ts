import { z } from "zod";
import { json, readJson, withWorkspace } from "@/lib/api/http";
import { setKeyQuote } from "@/lib/comments/mutations";

// Marks (`{"keyQuote": true}`) or unmarks a comment as a key quote for the reports. The comment
// is named by its answer's id, as GET /api/v1/assessments/{id}/comments lists it.
export const PUT = withWorkspace(
  async ({ request, ctx, params }) => {
    const input = await readJson(request, z.unknown());
    const body = typeof input === "object" && input !== null ? input : {};
    return json(await setKeyQuote(ctx, { ...body, answerId: params.id ?? "" }));
  },
  { permission: "assessment.manage" },
);
