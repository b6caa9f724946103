import { json, publicRoute, readJson } from "@/lib/api/http";
import { chooseRoleSchema } from "@/lib/assessments/schema";
import { startFromOpenLink } from "@/lib/responses/mutations";

export const POST = publicRoute(async ({ request, params }) => {
  const input = await readJson(request, chooseRoleSchema);
  const link = await startFromOpenLink(params.token ?? "", input);
  return json({ ...link, url: `${new URL(request.url).origin}${link.path}` }, 201);
});
