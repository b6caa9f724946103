"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formToObject, memberAction } from "@/lib/forms/action";
import {
  createOrganization,
  deleteOrganization,
  updateOrganization,
} from "@/lib/organizations/mutations";

export const createOrganizationAction = memberAction(async (ctx, formData) => {
  const organization = await createOrganization(ctx, formToObject(formData));
  revalidatePath("/organizations");
  redirect(`/organizations/${organization.id}?created=1`);
});

export const updateOrganizationAction = memberAction(async (ctx, formData) => {
  const { id, ...fields } = formToObject(formData);
  const organization = await updateOrganization(ctx, String(id ?? ""), fields);
  revalidatePath(`/organizations/${organization.id}`);
  redirect(`/organizations/${organization.id}?saved=1`);
});

export const deleteOrganizationAction = memberAction(async (ctx, formData) => {
  const { id, confirmation } = formToObject(formData);
  await deleteOrganization(ctx, String(id ?? ""), { confirmation });
  revalidatePath("/organizations");
  redirect("/organizations?deleted=1");
});
