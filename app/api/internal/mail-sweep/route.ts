import { json, publicRoute } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { internalKeyMatches } from "@/lib/mail/internal-key";
import { runMailSweep } from "@/lib/notices/sweep";

// Called by scripts/server.mjs on a timer (docs/decisions/0015-mail-queue-and-sweep.md); 404 to anyone else.
export const POST = publicRoute(async ({ request }) => {
  if (!internalKeyMatches(request.headers.get("authorization"))) {
    throw new AppError("not_found", "No such resource.");
  }
  return json(await runMailSweep());
});
