"use server";

import { revalidatePath } from "next/cache";
import { formToObject, memberAction } from "@/lib/forms/action";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { actionFromForm, unprefixed } from "@/lib/actions/form";

/** Turns a recommendation into an action (its title, dimension and id come with the form). */
export const createActionAction = memberAction(async (ctx, formData) => {
  const { organizationId, prefix, ...fields } = formToObject(formData);
  const action = await createAction(
    ctx,
    String(organizationId ?? ""),
    actionFromForm(unprefixed(fields, prefix)),
  );
  revalidatePath(`/organizations/${action.organizationId}`);
  return { status: "success", message: `Action created: ${action.title}` };
});

/** Moves an action to another status (open, in progress, done, dropped). */
export const updateActionStatusAction = memberAction(async (ctx, formData) => {
  const { id, status } = formToObject(formData);
  const action = await updateAction(ctx, String(id ?? ""), { status });
  revalidatePath(`/organizations/${action.organizationId}`);
  return { status: "success", message: "Status saved." };
});
