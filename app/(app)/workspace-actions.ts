"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentSession } from "@/lib/auth/server";
import { WORKSPACE_COOKIE } from "@/lib/auth/session";

const switchSchema = z.object({ workspaceId: z.string().min(1).max(64) });

/** Remembers the chosen workspace; the gate only honours it if the user is a member there. */
export async function switchWorkspaceAction(formData: FormData): Promise<void> {
  const parsed = switchSchema.safeParse({ workspaceId: formData.get("workspaceId") });
  const session = await currentSession();
  if (session.kind !== "member") redirect("/login");
  if (parsed.success && session.workspaces.some((w) => w.id === parsed.data.workspaceId)) {
    (await cookies()).set(WORKSPACE_COOKIE, parsed.data.workspaceId, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  redirect("/organizations");
}
