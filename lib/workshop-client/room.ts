import { z } from "zod";

// The browser's side of the room API: the state the phone, the big screen and the console poll,
// parsed with zod (a server of another release, or a proxy's error page, is not trusted blindly),
// and one fetch helper that turns an error body into its stable code.

const count = z.number().int().min(0);
const vote = z.union([z.literal([0, 1, 2, 3, 4]), z.literal("dont_know")]);
const distribution = z.object({
  "0": count,
  "1": count,
  "2": count,
  "3": count,
  "4": count,
  dont_know: count,
});

export const roomStateSchema = z.object({
  id: z.string(),
  phase: z.enum(["lobby", "voting", "revealed", "ended"]),
  paused: z.boolean(),
  questionId: z.string().nullable(),
  participants: count,
  votes: count,
  distribution: distribution.nullable(),
  byRole: z
    .array(z.object({ role: z.string(), label: z.string(), votes: count, distribution }))
    .nullable(),
  byRoleHidden: z.boolean(),
  spread: z.object({ min: z.number(), max: z.number(), median: z.number() }).nullable(),
  agreed: z.object({ value: vote, reason: z.string() }).nullable(),
  myVote: vote.nullable(),
  question: z
    .object({
      id: z.string(),
      text: z.string(),
      help: z.string(),
      levels: z.array(z.string()),
      dimensionName: z.string(),
      critical: z.boolean(),
      position: z.number(),
      total: z.number(),
    })
    .nullable(),
  countdownEndsAt: z.string().nullable(),
  code: z.string().nullable(),
  round: z.object({ name: z.string(), anonymous: z.boolean() }),
  planKind: z.string(),
  serverTime: z.string(),
});
export type ClientRoomState = z.infer<typeof roomStateSchema>;
export type ClientVote = z.infer<typeof vote>;
export type ClientDistribution = z.infer<typeof distribution>;

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class RoomRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RoomRequestError";
  }
}

/** A JSON request to the room API; throws RoomRequestError with the server's code on failure. */
export async function roomFetch(
  url: string,
  options: { method?: string; body?: unknown; token?: string | null } = {},
): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
    });
  } catch {
    throw new RoomRequestError(0, "network", "No connection. Trying again…");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    throw new RoomRequestError(
      response.status,
      parsed.success ? parsed.data.error.code : "unknown",
      parsed.success ? parsed.data.error.message : "Something went wrong. Trying again…",
    );
  }
  return body;
}

export function parseRoomState(body: unknown): ClientRoomState {
  return roomStateSchema.parse(body);
}

/** Where a phone keeps its place in the room, so a reload or a sleep comes back to it. */
export const ROOM_STORAGE_KEY = "gapmap.workshop";
const storedRoomSchema = z.object({ workshopId: z.string(), token: z.string() });
export type StoredRoom = z.infer<typeof storedRoomSchema>;

export function readStoredRoom(storage: Pick<Storage, "getItem">): StoredRoom | null {
  try {
    const parsed = storedRoomSchema.safeParse(JSON.parse(storage.getItem(ROOM_STORAGE_KEY) ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const voteLabel = (value: ClientVote | null): string =>
  value === null ? "—" : value === "dont_know" ? "Don't know" : `Level ${value}`;
