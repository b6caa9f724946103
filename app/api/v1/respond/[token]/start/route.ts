import { json, publicRoute, readJson } from "@/lib/api/http";
import { clientAddress } from "@/lib/auth/client-address";
import { chooseRoleSchema } from "@/lib/assessments/schema";
import { limitOpenLinkStart } from "@/lib/responses/limits";
import { startFromOpenLink } from "@/lib/responses/mutations";

export const POST = publicRoute(async ({ request, params }) => {
  const token = params.token ?? "";
  await limitOpenLinkStart(token, clientAddress(request.headers));
  const input = await readJson(request, chooseRoleSchema);
  const link = await startFromOpenLink(token, input);
  return json({ ...link, url: `${new URL(request.url).origin}${link.path}` }, 201);
});
