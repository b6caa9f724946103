"use server";

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/accounts/mutations";
import { formToObject, memberAction } from "@/lib/forms/action";

// Changing the password ends every session, this one too: the person signs in again.
export const changePasswordAction = memberAction(async (ctx, formData) => {
  await changePassword(ctx.userId, formToObject(formData));
  redirect("/login?changed=1");
});
