import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { WorkspaceContext } from "./context";
import { resolveSession, type GateResult } from "./gate";
import { WORKSPACE_COOKIE } from "./session";

// The session gate as pages and server actions use it, reading the request's cookies.

// Once per request: the layout and the page both ask, and React's cache lives for one request
// (one render), so nothing is shared between requests or users.
export const currentSession = cache(async (): Promise<GateResult> => {
  const store = await cookies();
  return resolveSession((name) => store.get(name)?.value);
});

/** For pages: the member's context, or a redirect to sign in. */
export async function requirePageContext(): Promise<Extract<GateResult, { kind: "member" }>> {
  const result = await currentSession();
  if (result.kind === "anonymous") redirect("/login");
  if (result.kind === "no_workspace") redirect("/no-workspace");
  return result;
}

/** For server actions: the member's context, or an error the form shows. */
export async function requireActionContext(): Promise<WorkspaceContext> {
  const result = await currentSession();
  if (result.kind === "member") return result.ctx;
  if (result.kind === "no_workspace") {
    throw new AppError("forbidden", "You are not a member of any workspace.");
  }
  throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
}

const WORKSPACE_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers which workspace the member last chose, for pages and server actions. The one place
 * that writes the cookie, so every path sets the same flags. It is only a preference: the gate
 * honours it only where the member belongs.
 */
export async function rememberWorkspace(workspaceId: string): Promise<void> {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    maxAge: WORKSPACE_COOKIE_MAX_AGE_SECONDS,
  });
}
