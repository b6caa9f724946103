"use server";

import { redirect } from "next/navigation";
import { currentSession, rememberWorkspace } from "@/lib/auth/server";
import { acceptInvitation, acceptInvitationAsNewUser } from "@/lib/members/mutations";
import { formToObject, runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { AppError } from "@/lib/errors";

/** A signed-in person joins the inviting workspace. */
export async function acceptInvitationAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(formData, async () => {
    const session = await currentSession();
    if (session.kind === "anonymous") throw new AppError("unauthorized", "Sign in first.");
    const user = session.kind === "member" ? session.ctx : session;
    const { workspaceId } = await acceptInvitation(
      { userId: user.userId, email: user.email },
      formData.get("token"),
    );
    await rememberWorkspace(workspaceId);
    redirect("/organizations");
  });
}

/** Someone new creates their account from the invitation; the form then signs them in. */
export async function acceptAsNewUserAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(formData, async () => {
    // No cookie is set here: that would re-render this page (now showing a used invitation)
    // before the form signs the new member in. Their only workspace needs no choosing anyway.
    await acceptInvitationAsNewUser(formToObject(formData));
    return { status: "success" };
  });
}
