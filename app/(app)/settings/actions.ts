"use server";

import { revalidatePath } from "next/cache";
import { formToObject, memberAction } from "@/lib/forms/action";
import {
  changeMemberRole,
  createInvitation,
  removeMember,
  revokeInvitation,
  setOrganizationGrants,
} from "@/lib/members/mutations";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import { createWebhook, deleteWebhook, sendTestEvent } from "@/lib/webhooks/mutations";
import { setWorkspaceLogo } from "@/lib/workspaces/mutations";
import { LOGO_MAX_BYTES } from "@/lib/workspaces/logo";
import { updateWorkspaceSettings } from "@/lib/workspaces/mutations";
import { sendTestMail } from "@/lib/mail/mutations";

export const createInvitationAction = memberAction<{ path: string }>(async (ctx, formData) => {
  const invitation = await createInvitation(ctx, formToObject(formData, ["organizationIds"]));
  revalidatePath("/settings/members");
  return {
    status: "success",
    message: "Invitation link created.",
    data: { path: invitation.path },
  };
});

export const revokeInvitationAction = memberAction(async (ctx, formData) => {
  await revokeInvitation(ctx, String(formData.get("invitationId") ?? ""));
  revalidatePath("/settings/members");
  return { status: "success", message: "Invitation revoked." };
});

export const changeRoleAction = memberAction(async (ctx, formData) => {
  await changeMemberRole(ctx, formToObject(formData));
  revalidatePath("/settings/members");
  return { status: "success", message: "Role changed." };
});

export const removeMemberAction = memberAction(async (ctx, formData) => {
  await removeMember(ctx, formToObject(formData));
  revalidatePath("/settings/members");
  return { status: "success", message: "Member removed." };
});

export const setGrantsAction = memberAction(async (ctx, formData) => {
  await setOrganizationGrants(ctx, formToObject(formData, ["organizationIds"]));
  revalidatePath("/settings/members");
  return { status: "success", message: "Access updated." };
});

export const createTokenAction = memberAction<{ token: string }>(async (ctx, formData) => {
  const { token } = await createApiToken(ctx, formToObject(formData));
  revalidatePath("/settings/tokens");
  return { status: "success", message: "Token created.", data: { token } };
});

export const revokeTokenAction = memberAction(async (ctx, formData) => {
  await revokeApiToken(ctx, String(formData.get("tokenId") ?? ""));
  revalidatePath("/settings/tokens");
  return { status: "success", message: "Token revoked." };
});

export const createWebhookAction = memberAction<{ secret: string }>(async (ctx, formData) => {
  const { secret } = await createWebhook(ctx, formToObject(formData, ["events"]));
  revalidatePath("/settings/webhooks");
  return { status: "success", message: "Webhook added.", data: { secret } };
});

export const deleteWebhookAction = memberAction(async (ctx, formData) => {
  await deleteWebhook(ctx, String(formData.get("webhookId") ?? ""));
  revalidatePath("/settings/webhooks");
  return { status: "success", message: "Webhook deleted." };
});

export const sendTestWebhookAction = memberAction(async (ctx, formData) => {
  const outcome = await sendTestEvent(ctx, String(formData.get("webhookId") ?? ""));
  revalidatePath("/settings/webhooks");
  if (outcome.delivered)
    return {
      status: "success",
      message: `Delivered: the receiver answered ${outcome.responseCode}.`,
    };
  return {
    status: "error",
    code: "unavailable",
    message: `Not delivered: ${outcome.error ?? "no answer"} It is retried with backoff; see the delivery log.`,
  };
});

/** Uploads the logo printed on report covers (owners): PNG or JPEG, checked by its bytes. */
export const uploadLogoAction = memberAction(async (ctx, formData) => {
  const file = formData.get("logo");
  if (!(file instanceof File) || file.size === 0) {
    return {
      status: "error",
      code: "validation_failed",
      message: "Choose a PNG or JPEG file.",
      fields: { logo: "Choose a PNG or JPEG file." },
    };
  }
  // Read no further than the cap allows: checkLogo refuses the size with a clear message.
  const bytes = new Uint8Array(await file.slice(0, LOGO_MAX_BYTES + 1).arrayBuffer());
  await setWorkspaceLogo(ctx, bytes);
  revalidatePath("/settings/workspace");
  return { status: "success", message: "Logo saved: it is on the cover of every report." };
});

export const removeLogoAction = memberAction(async (ctx) => {
  await setWorkspaceLogo(ctx, null);
  revalidatePath("/settings/workspace");
  return { status: "success", message: "Logo removed." };
});

export const updateWorkspaceSettingsAction = memberAction(async (ctx, formData) => {
  const { retakeIntervalDays } = formToObject(formData);
  const settings = await updateWorkspaceSettings(ctx, { retakeIntervalDays });
  revalidatePath("/retakes");
  return {
    status: "success",
    message: `Saved: an organisation is due for a retake ${settings.retakeIntervalDays} days after its last round closed.`,
  };
});

export const sendTestMailAction = memberAction(async (ctx) => {
  const { to } = await sendTestMail(ctx);
  revalidatePath("/settings/mail");
  return {
    status: "success",
    message: `Test mail queued to ${to}: it is sent within a minute, and listed below.`,
  };
});
