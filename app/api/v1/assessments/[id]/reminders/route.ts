import { json, withWorkspace } from "@/lib/api/http";
import { remindNotSubmitted } from "@/lib/assessments/mail";

// "Remind those who have not submitted", for scripts: the same limits as the button.
export const POST = withWorkspace(
  async ({ ctx, params }) => json(await remindNotSubmitted(ctx, params.id ?? "")),
  { permission: "assessment.manage" },
);
