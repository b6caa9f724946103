import { json, publicRoute, readJson } from "@/lib/api/http";
import { clientAddress } from "@/lib/auth/client-address";
import { joinWorkshopSchema } from "@/lib/workshops/schema";
import { joinWorkshop } from "@/lib/workshops/mutations";

export const POST = publicRoute(async ({ request }) => {
  const input = await readJson(request, joinWorkshopSchema);
  return json(await joinWorkshop(input, clientAddress(request.headers)), 201);
});
