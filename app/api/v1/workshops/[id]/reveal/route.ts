import { json, withFacilitator } from "@/lib/api/http";
import { revealVotes } from "@/lib/workshops/mutations";

export const POST = withFacilitator(
  async ({ ctx, params }) => json(await revealVotes(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
