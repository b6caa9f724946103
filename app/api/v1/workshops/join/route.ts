import { json, publicRoute, readJson } from "@/lib/api/http";
import { clientAddress } from "@/lib/auth/client-address";
import { joinWorkshopSchema } from "@/lib/workshops/schema";
import { describeJoin, joinWorkshop } from "@/lib/workshops/mutations";

/** The roles the round takes and whether it is anonymous: what the phone offers before joining. */
export const GET = publicRoute(async ({ request }) => {
  const code = new URL(request.url).searchParams.get("code") ?? "";
  return json(await describeJoin(code, clientAddress(request.headers)), 200, {
    "Cache-Control": "no-store",
  });
});

export const POST = publicRoute(async ({ request }) => {
  const input = await readJson(request, joinWorkshopSchema);
  return json(await joinWorkshop(input, clientAddress(request.headers)), 201);
});
