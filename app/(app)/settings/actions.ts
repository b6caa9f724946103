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

export const sendTestMailAction = memberAction(async (ctx) => {
  const { to } = await sendTestMail(ctx);
  revalidatePath("/settings/mail");
  return {
    status: "success",
    message: `Test mail queued to ${to}: it is sent within a minute, and listed below.`,
  };
});
