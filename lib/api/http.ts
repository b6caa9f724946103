import "server-only";
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { contextFromRequest } from "@/lib/auth/gate";
import { assertCan } from "@/lib/auth/assert";
import type { Action } from "@/lib/auth/roles";
import { AppError, parseInput, toErrorBody } from "@/lib/errors";
import { findUnstorableText, isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
import { pageQuerySchema } from "@/lib/pagination/cursors";

// The REST wrapper: every /api/v1 handler is wrapped once. It resolves the member (bearer token
// or session), checks the permission table, and turns every error into the JSON error shape with
// a stable code; no stack trace ever reaches a response.

export const MAX_BODY_BYTES = 64 * 1024;

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

export function errorResponse(error: unknown): Response {
  const { status, body, retryAfter } = toErrorBody(error);
  return json(body, status, retryAfter ? { "retry-after": String(retryAfter) } : {});
}

/** `application/json`, with or without parameters (`; charset=utf-8`), in any case. */
function isJsonContentType(header: string | null): boolean {
  return header?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

function tooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes / 1024} KB`;
  return new AppError("payload_too_large", `The request body is larger than ${size}.`);
}

/**
 * The body as text, read with a byte count and dropped past `maxBytes` (64 KB unless an endpoint
 * says otherwise: an import takes up to 50 MB). A chunked body has no Content-Length to check
 * first, so reading it whole (`arrayBuffer()`, `text()`) would hold whatever a client sends in
 * memory before its size was known.
 */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/** A JSON body's raw text, for an endpoint that parses it itself (415 when not sent as JSON). */
export async function readJsonText(request: Request, maxBytes: number): Promise<string> {
  if (!isJsonContentType(request.headers.get("content-type")))
    throw new AppError(
      "unsupported_media_type",
      "Send the body as JSON, with `Content-Type: application/json`.",
    );
  return readBodyText(request, maxBytes);
}

/** Parses a body that was sent (400, 415, 422); `text` is what readBodyText read. */
function parseJsonBody<T extends z.ZodType>(
  request: Request,
  text: string,
  schema: T,
): z.output<T> {
  // A body a browser may send cross-site without a CORS preflight (text/plain, a form) is never
  // read as JSON: only a request that says it is JSON, which needs the preflight, gets that far.
  if (text.length > 0 && !isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError(
      "unsupported_media_type",
      "Send the body as JSON, with `Content-Type: application/json`.",
    );
  }
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  if (body === undefined)
    throw new AppError("bad_request", "The request body is empty: send JSON.");
  // Every body, whatever its schema (records keyed by question id included): JSON escapes can
  // spell text no database stores, which would otherwise fail inside Prisma or the SQL driver.
  const unstorable = findUnstorableText(body);
  if (unstorable !== null) {
    throw new AppError(
      "validation_failed",
      `Please check ${unstorable === "_" ? "the input" : unstorable}: ${UNSTORABLE_TEXT_MESSAGE}`,
      { fields: { [unstorable]: UNSTORABLE_TEXT_MESSAGE } },
    );
  }
  return parseInput(schema, body);
}

/** Reads a JSON body of at most 64 KB and parses it with the schema (400, 413, 415, 422). */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.output<T>> {
  return parseJsonBody(request, await readBodyText(request), schema);
}

/**
 * For an endpoint whose body is optional: undefined when none was sent (or only whitespace),
 * otherwise as readJson. Reads the body once, with the same 64 KB limit.
 */
export async function readOptionalJson<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.output<T> | undefined> {
  const text = await readBodyText(request);
  return text.trim() === "" ? undefined : parseJsonBody(request, text, schema);
}

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined> | undefined> };

export type ApiHandler = (args: {
  request: Request;
  ctx: WorkspaceContext;
  params: Record<string, string>;
}) => Promise<Response>;

/**
 * The route's dynamic segments; a route without any (or a catch-all array) gives none.
 * A segment that is not storable text (a NUL, a lone surrogate) names nothing and is 404 here:
 * every id is matched in the database, where it failed with a 500 (proxy.ts answers the same
 * for a URL first; this covers a handler reached any other way).
 */
async function routeParams(route: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (route ? await route.params : undefined) ?? {};
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== "string") continue;
    if (!isStorableText(value)) throw new AppError("not_found", "No such resource.");
    params[key] = value;
  }
  return params;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origins this app answers on: the request's own, and NEXTAUTH_URL's (behind a proxy). */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const configured = process.env.NEXTAUTH_URL;
  if (configured && URL.canParse(configured)) origins.add(new URL(configured).origin);
  return origins;
}

/**
 * A write that rides on the session cookie must come from the app's own pages. Browsers send
 * `Origin` on every cross-origin write (`null` from sandboxed frames and some redirects) and
 * `Sec-Fetch-Site` on every request; a client sending neither (curl, a script) is not a browser
 * that could have been lured, and keeps working. Bearer tokens are never sent by a browser on its
 * own, so token requests skip this.
 */
function refuseCrossSiteCookieWrite(request: Request): void {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return;
  if (request.headers.has("authorization")) return;
  const fetchSite = request.headers.get("sec-fetch-site")?.toLowerCase();
  const origin = request.headers.get("origin");
  if (fetchSite === "cross-site" || (origin !== null && !ownOrigins(request).has(origin))) {
    throw new AppError(
      "forbidden",
      "This request came from another site. Use the app itself, or call the API with an API token.",
    );
  }
}

export function withWorkspace(
  handler: ApiHandler,
  options: {
    permission: Action;
    /**
     * A download linked from the app's pages (/organizations/{id}/report.pdf): a browser that is
     * not signed in is sent to sign in and back, instead of a JSON 401 it would show as text.
     */
    page?: boolean;
  },
) {
  return async (request: Request, route?: RouteContext): Promise<Response> => {
    try {
      refuseCrossSiteCookieWrite(request);
      const ctx = await contextFromRequest(request);
      assertCan(ctx, options.permission);
      const params = await routeParams(route);
      return await handler({ request, ctx, params });
    } catch (error) {
      if (options.page && isSignedOutBrowser(request, error)) return signInFirst(request);
      return errorResponse(error);
    }
  };
}

function isSignedOutBrowser(request: Request, error: unknown): boolean {
  return (
    error instanceof AppError &&
    error.code === "unauthorized" &&
    !request.headers.has("authorization")
  );
}

/** 303 to the sign-in page, which brings the person back here (a same-origin path only). */
function signInFirst(request: Request): Response {
  const url = new URL(request.url);
  const next = `${url.pathname}${url.search}`;
  return new Response(null, {
    status: 303,
    headers: { location: `/login?next=${encodeURIComponent(next)}`, "cache-control": "no-store" },
  });
}

/** Who calls a workshop's room endpoint: a member of its workspace, or a participant's phone. */
export type RoomCaller =
  { kind: "member"; ctx: WorkspaceContext } | { kind: "participant"; token: string };

/** A participant's credential is their respondent link's token (`gmr_...`), never an API token. */
const PARTICIPANT_TOKEN = /^Bearer\s+(gmr_\S+)$/i;

/**
 * A workshop's room endpoints. A member (session or API token) needs `permission`; a participant
 * (`Authorization: Bearer <their token>`) is let through only where `participants` says so, and
 * gets 403 on the facilitator's actions. Which workshop a participant may touch is their token's
 * own (lib/workshops: another workshop's token is 404).
 */
export function withRoom(
  handler: (args: {
    request: Request;
    caller: RoomCaller;
    params: Record<string, string>;
  }) => Promise<Response>,
  options: { permission: Action; participants: boolean },
) {
  return async (request: Request, route?: RouteContext): Promise<Response> => {
    try {
      const params = await routeParams(route);
      const participant = PARTICIPANT_TOKEN.exec(
        request.headers.get("authorization")?.trim() ?? "",
      );
      if (participant?.[1]) {
        if (!options.participants)
          throw new AppError(
            "forbidden",
            "Only the workshop's facilitator can do this, not a participant.",
          );
        return await handler({
          request,
          caller: { kind: "participant", token: participant[1] },
          params,
        });
      }
      refuseCrossSiteCookieWrite(request);
      const ctx = await contextFromRequest(request);
      assertCan(ctx, options.permission);
      return await handler({ request, caller: { kind: "member", ctx }, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A workshop's facilitator actions: a member with `permission`; a participant's token is 403. */
export function withFacilitator(handler: ApiHandler, options: { permission: Action }) {
  return withRoom(
    async ({ request, caller, params }) => {
      if (caller.kind !== "member")
        throw new AppError("forbidden", "Only the facilitator can do this.");
      return handler({ request, ctx: caller.ctx, params });
    },
    { permission: options.permission, participants: false },
  );
}

/** For endpoints authorised by something other than a member (a respondent's link token). */
export function publicRoute(
  handler: (args: { request: Request; params: Record<string, string> }) => Promise<Response>,
) {
  return async (request: Request, route?: RouteContext): Promise<Response> => {
    try {
      const params = await routeParams(route);
      return await handler({ request, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads `?cursor=&limit=` (limit at most 100); the list decodes the cursor (lib/pagination/cursors). */
export function readPage(request: Request): { cursor?: string; limit: number } {
  const search = new URL(request.url).searchParams;
  return parseInput(pageQuerySchema, Object.fromEntries(search));
}
