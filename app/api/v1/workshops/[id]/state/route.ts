import { json, withRoom } from "@/lib/api/http";
import { getRoomStateForMember, getRoomStateForParticipant } from "@/lib/workshops/data";

export const GET = withRoom(
  async ({ caller, params }) => {
    const id = params.id ?? "";
    return json(
      caller.kind === "participant"
        ? await getRoomStateForParticipant(caller.token, id)
        : await getRoomStateForMember(caller.ctx, id),
    );
  },
  { permission: "assessment.read", participants: true },
);
