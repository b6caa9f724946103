import { json, readJson, withRoom } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { voteSchema } from "@/lib/workshops/schema";
import { castVote } from "@/lib/workshops/mutations";

export const PUT = withRoom(
  async ({ request, caller, params }) => {
    if (caller.kind !== "participant")
      throw new AppError("forbidden", "Only a participant in the room votes, with their token.");
    const input = await readJson(request, voteSchema);
    return json(await castVote(caller.token, params.id ?? "", input));
  },
  { permission: "assessment.read", participants: true },
);
