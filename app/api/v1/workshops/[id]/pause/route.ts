import { json, withFacilitator } from "@/lib/api/http";
import { pauseWorkshop } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ ctx, params }) => json(await pauseWorkshop(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
