import { json, publicRoute } from "@/lib/api/http";
import { getRespondentView } from "@/lib/responses/data";

export const GET = publicRoute(async ({ params }) =>
  json(await getRespondentView(params.token ?? "")),
);
