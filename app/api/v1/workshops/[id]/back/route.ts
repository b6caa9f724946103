import { json, withFacilitator } from "@/lib/api/http";
import { previousQuestion } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ ctx, params }) => json(await previousQuestion(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
