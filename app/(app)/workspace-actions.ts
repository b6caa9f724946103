"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentSession, rememberWorkspace } from "@/lib/auth/server";

const switchSchema = z.object({ workspaceId: z.string().min(1).max(64) });

/** Remembers the chosen workspace; the gate only honours it if the user is a member there. */
export async function switchWorkspaceAction(formData: FormData): Promise<void> {
  // Callable by its id with any argument: anything but a form is simply no valid choice.
  const parsed = switchSchema.safeParse({
    workspaceId: formData instanceof FormData ? formData.get("workspaceId") : undefined,
  });
  const session = await currentSession();
  if (session.kind !== "member") redirect("/login");
  if (parsed.success && session.workspaces.some((w) => w.id === parsed.data.workspaceId)) {
    await rememberWorkspace(parsed.data.workspaceId);
  }
  redirect("/organizations");
}
