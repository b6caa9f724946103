// How big a workshop may be and how many joins one network address may make: plain numbers and a
// pure rule, shared by the server's limits (limits.ts), the create schema and the start form.
//
// Joins with the right code are bounded as the open link's starts are (lib/responses/limits.ts):
// a room of 300 behind one venue's address joins within 10 minutes under 360, a script creating
// respondents from one address is stopped there. A keynote is bigger: when the facilitator says
// how many people to expect, one address may make 120% of that many joins (a phone that rejoins,
// a late crowd), never more than a workshop's cap of participants.

/** A workshop takes at most this many participants, whatever the number of addresses. */
export const WORKSHOP_PARTICIPANT_CAP = 2000;
export const JOIN_SUCCESS_LIMIT = { max: 360, windowMs: 10 * 60 * 1000 } as const;
export const EXPECTED_ROOM_HEADROOM = 1.2;

/** How many joins one address may make in the window, given the room size the facilitator expects. */
export function joinLimitFor(expectedParticipants: number | null): number {
  if (expectedParticipants === null) return JOIN_SUCCESS_LIMIT.max;
  return Math.min(
    WORKSHOP_PARTICIPANT_CAP,
    Math.max(JOIN_SUCCESS_LIMIT.max, Math.ceil(expectedParticipants * EXPECTED_ROOM_HEADROOM)),
  );
}
