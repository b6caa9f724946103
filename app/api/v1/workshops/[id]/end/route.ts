import { json, withFacilitator } from "@/lib/api/http";
import { endWorkshop } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ ctx, params }) => json(await endWorkshop(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
