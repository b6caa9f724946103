"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formToObject, memberAction } from "@/lib/forms/action";
import { diagnosticPartIdSchema } from "@/lib/framework";
import { parseInput } from "@/lib/errors";
import { diagnosticPartFromForm, initiativeFromForm, statusFromForm } from "@/lib/initiatives/form";
import {
  changeInitiativeStatus,
  createInitiative,
  recordDiagnostic,
  updateInitiative,
} from "@/lib/initiatives/mutations";

export const createInitiativeAction = memberAction(async (ctx, formData) => {
  const { organizationId, ...fields } = formToObject(formData);
  const initiative = await createInitiative(
    ctx,
    String(organizationId ?? ""),
    initiativeFromForm(fields),
  );
  revalidatePath(`/organizations/${initiative.organizationId}`);
  redirect(`/initiatives/${initiative.id}?created=1`);
});

export const updateInitiativeAction = memberAction(async (ctx, formData) => {
  const { id, ...fields } = formToObject(formData);
  const initiative = await updateInitiative(ctx, String(id ?? ""), initiativeFromForm(fields));
  revalidatePath(`/organizations/${initiative.organizationId}`);
  redirect(`/initiatives/${initiative.id}?saved=1`);
});

export const recordDiagnosticAction = memberAction(async (ctx, formData) => {
  const { id, part, ...fields } = formToObject(formData);
  const partId = parseInput(diagnosticPartIdSchema, part);
  const initiative = await recordDiagnostic(
    ctx,
    String(id ?? ""),
    diagnosticPartFromForm(partId, fields),
  );
  revalidatePath(`/organizations/${initiative.organizationId}`);
  redirect(`/initiatives/${initiative.id}?checked=${partId}#diagnostic`);
});

export const changeStatusAction = memberAction(async (ctx, formData) => {
  const { id, ...fields } = formToObject(formData);
  const initiative = await changeInitiativeStatus(ctx, String(id ?? ""), statusFromForm(fields));
  revalidatePath(`/organizations/${initiative.organizationId}`);
  redirect(`/initiatives/${initiative.id}?moved=1`);
});
