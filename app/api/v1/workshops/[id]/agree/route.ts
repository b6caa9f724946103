import { json, readJson, withFacilitator } from "@/lib/api/http";
import { agreeSchema } from "@/lib/workshops/schema";
import { agreeLevel } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ request, ctx, params }) =>
    json(await agreeLevel(ctx, params.id ?? "", await readJson(request, agreeSchema))),
  { permission: "assessment.manage" },
);
