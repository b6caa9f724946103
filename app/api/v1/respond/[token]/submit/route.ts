import { json, publicRoute } from "@/lib/api/http";
import { submitResponse } from "@/lib/responses/mutations";

export const POST = publicRoute(async ({ request, params }) => {
  const outcome = await submitResponse(params.token ?? "", request.headers.get("idempotency-key"));
  return json(outcome.body, outcome.status);
});
