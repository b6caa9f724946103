"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { LinkButton } from "@/components/ui/button";
import { fieldError, fieldValue, idle, type FormState } from "@/lib/forms/state";
import { ORGANIZATION_NAME_MAX, SECTORS, SIZE_BANDS } from "@/lib/organizations/schema";

type Values = {
  id?: string;
  name: string;
  sector: string | null;
  sizeBand: string | null;
  region: string | null;
  notes: string | null;
};

export function OrganizationForm({
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial?: Values;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const value = (name: keyof Values) => fieldValue(state, name, initial?.[name] ?? "");
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormStatus state={state} />
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={ORGANIZATION_NAME_MAX}
        autoComplete="organization"
        defaultValue={value("name")}
        error={fieldError(state, "name")}
        hint="The client as people in the room call it."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="Sector"
          name="sector"
          placeholder="Not set"
          options={SECTORS.map((s) => ({ value: s, label: s }))}
          defaultValue={value("sector")}
          error={fieldError(state, "sector")}
        />
        <SelectField
          label="Size (employees)"
          name="sizeBand"
          placeholder="Not set"
          options={SIZE_BANDS.map((s) => ({ value: s, label: s }))}
          defaultValue={value("sizeBand")}
          error={fieldError(state, "sizeBand")}
        />
      </div>
      <TextField
        label="Region"
        name="region"
        maxLength={80}
        placeholder="e.g. DACH, UK & Ireland"
        defaultValue={value("region")}
        error={fieldError(state, "region")}
      />
      <TextAreaField
        label="Notes"
        name="notes"
        maxLength={4000}
        hint="Context for the team: sponsors, pilots in flight, what the client wants to learn."
        defaultValue={value("notes")}
        error={fieldError(state, "notes")}
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <LinkButton href={cancelHref} variant="secondary">
          Cancel
        </LinkButton>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
