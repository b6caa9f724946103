import { z } from "zod";
import { json, publicRoute, readJson } from "@/lib/api/http";
import { saveAnswers } from "@/lib/responses/mutations";

// The body's shape is checked here; its question ids and values against the round's framework
// inside saveAnswers (422 naming each bad field).
export const PUT = publicRoute(async ({ request, params }) => {
  const body = await readJson(request, z.unknown());
  return json(await saveAnswers(params.token ?? "", body));
});
