import { z } from "zod";
import { AppError } from "@/lib/errors";
import { text } from "@/lib/validation/text";

// The one home of list cursors, for every paginated list (REST and pages).
//
// A cursor is opaque and self-contained: base64url of `[list, sort key, id]` taken from the last
// row of the page the caller was given. The next page is a keyset query on the caller's own
// scoped rows (`sort key, id` after the cursor's), never a lookup of a row by the id a client
// sent: a lookup answered differently for another workspace's id than for an unknown one, which
// told a tenant which ids exist and, by renaming its own rows, what they were called.
// A cursor that does not decode to this list's shape (garbage, a bare id of any workspace,
// another list's or another sort's cursor) is one error, `invalid_cursor`, word for word.
//
// Cursors are not signed: whatever a client puts in one only moves it within its own rows.

export const INVALID_CURSOR_MESSAGE =
  "The cursor is not one this list handed out. Start again from the first page (no cursor).";

/** Longer than any cursor we hand out (a 120-character name in UTF-8, an id, the list name). */
const MAX_CURSOR_LENGTH = 1024;

export type CursorKeyType = "text" | "date";
type KeyOf<T extends CursorKeyType> = T extends "date" ? Date : string;

export type CursorPosition<T extends CursorKeyType> = { key: KeyOf<T>; id: string };

export type CursorCodec<T extends CursorKeyType> = {
  encode(key: KeyOf<T>, id: string): string;
  /** The position after which the next page starts; `invalid_cursor` (400) if it is not one. */
  decode(raw: string): CursorPosition<T>;
};

export function invalidCursor(): AppError {
  return new AppError("invalid_cursor", INVALID_CURSOR_MESSAGE);
}

export function isInvalidCursor(error: unknown): boolean {
  return error instanceof AppError && error.code === "invalid_cursor";
}

// The key and id go into a query as given: text no database stores (a lone surrogate, a NUL,
// both spelt by JSON escapes) would fail inside Prisma or the driver, so it is a bad cursor.
const idSchema = text().min(1).max(64);

/**
 * A codec for one list in one order, e.g. `cursorCodec("organizations.name", "text")`. The list
 * name is inside the cursor, so one list's (or one sort's) cursor is refused by another.
 */
export function cursorCodec<T extends CursorKeyType>(list: string, keyType: T): CursorCodec<T> {
  const keySchema = keyType === "date" ? z.iso.datetime() : text().max(MAX_CURSOR_LENGTH);
  const payloadSchema = z.tuple([z.literal(list), keySchema, idSchema]);
  return {
    encode(key, id) {
      const sortKey = key instanceof Date ? key.toISOString() : key;
      return Buffer.from(JSON.stringify([list, sortKey, id]), "utf8").toString("base64url");
    },
    decode(raw) {
      if (raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) {
        throw invalidCursor();
      }
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
      } catch {
        throw invalidCursor();
      }
      const parsed = payloadSchema.safeParse(payload);
      if (!parsed.success) throw invalidCursor();
      const [, sortKey, id] = parsed.data;
      const key = (keyType === "date" ? new Date(sortKey) : sortKey) as KeyOf<T>;
      return { key, id };
    },
  };
}

/**
 * Rows fetched with `take: limit + 1` to one page: the first `limit` rows and, if there was one
 * more, the cursor of the last row shown.
 */
export function toPage<R>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => string,
): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/**
 * For pages: a stale or hand-edited `?cursor=` shows the first page instead of an error (the API
 * answers 400 `invalid_cursor` instead, so a client learns its cursor is no good).
 */
export async function firstPageIfCursorInvalid<P>(
  cursor: string | undefined,
  list: (cursor: string | undefined) => Promise<P>,
): Promise<P> {
  try {
    return await list(cursor);
  } catch (error) {
    if (cursor !== undefined && isInvalidCursor(error)) return list(undefined);
    throw error;
  }
}

/** `?cursor=` as any route reads it: decoded later by the list's own codec. */
export const cursorParamSchema = z.string().optional();

/** `?cursor=&limit=` (limit 1 to 100, default 50). */
export const pageQuerySchema = z.object({
  cursor: cursorParamSchema,
  limit: z.coerce
    .number()
    .int()
    .min(1, "limit must be 1 to 100")
    .max(100, "limit must be 1 to 100")
    .default(50),
});

/**
 * Every page of a keyset list, for a whole-list download (a CSV). Stops after `maxPages`, so a
 * list that keeps growing while it is read cannot hold the request forever.
 */
export async function allPages<R>(
  list: (cursor: string | undefined) => Promise<{ items: R[]; nextCursor: string | null }>,
  maxPages = 50,
): Promise<R[]> {
  const rows: R[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { items, nextCursor } = await list(cursor);
    rows.push(...items);
    if (nextCursor === null) break;
    cursor = nextCursor;
  }
  return rows;
}
