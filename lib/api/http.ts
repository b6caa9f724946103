import "server-only";
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { contextFromRequest } from "@/lib/auth/gate";
import { assertCan } from "@/lib/auth/assert";
import type { Action } from "@/lib/auth/roles";
import { AppError, parseInput, toErrorBody } from "@/lib/errors";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
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

/** Reads a JSON body of at most 64 KB and parses it with the schema (400, 413, 422). */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.output<T>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", "The request body is larger than 64 KB.");
  }
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", "The request body is larger than 64 KB.");
  }
  const text = new TextDecoder().decode(buffer);
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

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined> | undefined> };

export type ApiHandler = (args: {
  request: Request;
  ctx: WorkspaceContext;
  params: Record<string, string>;
}) => Promise<Response>;

/** The route's dynamic segments; a route without any (or a catch-all array) gives none. */
async function routeParams(route: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (route ? await route.params : undefined) ?? {};
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string") params[key] = value;
  }
  return params;
}

export function withWorkspace(handler: ApiHandler, options: { permission: Action }) {
  return async (request: Request, route?: RouteContext): Promise<Response> => {
    try {
      const ctx = await contextFromRequest(request);
      assertCan(ctx, options.permission);
      const params = await routeParams(route);
      return await handler({ request, ctx, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
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
