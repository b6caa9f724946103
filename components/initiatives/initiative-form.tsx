"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { LinkButton } from "@/components/ui/button";
import { fieldError, fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";
import { INITIATIVE_NAME_MAX } from "@/lib/initiatives/statuses";
import type { InitiativeOwner } from "@/lib/initiatives/data";

type Values = {
  id?: string;
  name: string;
  businessFunction: string | null;
  workflow: string | null;
  dataSources: string | null;
  owner: InitiativeOwner | null;
};

/** Adds an initiative (with its first status) or edits one's details and accountable owner. */
export function InitiativeForm({
  action,
  organizationId,
  initial,
  members,
  submitLabel,
  cancelHref,
}: {
  action: FormAction;
  organizationId?: string;
  initial?: Values;
  members: { id: string; name: string; email: string }[];
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const value = (name: string, fallback: string | null | undefined) =>
    fieldValue(state, name, fallback ?? "");
  const owner = initial?.owner ?? null;
  const [ownerKind, setOwnerKind] = useState(value("owner.kind", owner?.kind ?? ""));
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormStatus state={state} />
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {organizationId ? <input type="hidden" name="organizationId" value={organizationId} /> : null}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={INITIATIVE_NAME_MAX}
        defaultValue={value("name", initial?.name)}
        error={fieldError(state, "name")}
        hint="The pilot or workflow as the client calls it, e.g. “Claims triage assistant”."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Business function"
          name="businessFunction"
          maxLength={120}
          placeholder="e.g. Claims, Finance, Customer service"
          defaultValue={value("businessFunction", initial?.businessFunction)}
          error={fieldError(state, "businessFunction")}
        />
        {initial ? null : (
          <SelectField
            label="Status"
            name="status"
            options={[
              { value: "idea", label: "Idea" },
              { value: "pilot", label: "Pilot" },
            ]}
            key={`status-${value("status", "idea")}`}
            defaultValue={value("status", "idea")}
            error={fieldError(state, "status")}
            hint="Production and scale come later, after the diagnostic."
          />
        )}
      </div>
      <TextAreaField
        label="Workflow it changes"
        name="workflow"
        maxLength={2000}
        hint="The workflow, not the platform: the diagnostic is applied to it."
        defaultValue={value("workflow", initial?.workflow)}
        error={fieldError(state, "workflow")}
      />
      <TextAreaField
        label="Data sources"
        name="dataSources"
        maxLength={2000}
        defaultValue={value("dataSources", initial?.dataSources)}
        error={fieldError(state, "dataSources")}
      />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Accountable owner</legend>
        <p className="text-sm text-slate-600">
          Who is accountable if this model produces a wrong output at scale?
        </p>
        <SelectField
          label="Owner is"
          name="owner.kind"
          placeholder="Not decided yet"
          options={[
            { value: "member", label: "A member of this workspace" },
            { value: "person", label: "A named person (name and role)" },
          ]}
          value={ownerKind}
          onChange={(event) => setOwnerKind(event.target.value)}
          error={fieldError(state, "owner.kind") ?? fieldError(state, "owner")}
        />
        {ownerKind === "member" ? (
          <SelectField
            label="Member"
            name="owner.memberId"
            placeholder="Choose a member"
            options={members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))}
            defaultValue={value("owner.memberId", owner?.kind === "member" ? owner.memberId : "")}
            error={fieldError(state, "owner.memberId")}
          />
        ) : null}
        {ownerKind === "person" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Owner's name"
              name="owner.name"
              maxLength={120}
              autoComplete="off"
              defaultValue={value("owner.name", owner?.kind === "person" ? owner.name : "")}
              error={fieldError(state, "owner.name")}
            />
            <TextField
              label="Owner's role"
              name="owner.role"
              maxLength={120}
              placeholder="e.g. Head of claims operations"
              defaultValue={value("owner.role", owner?.kind === "person" ? owner.role : "")}
              error={fieldError(state, "owner.role")}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <LinkButton href={cancelHref} variant="secondary">
          Cancel
        </LinkButton>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
