"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";
import { EVIDENCE_MAX, PART_STATUSES } from "@/lib/initiatives/statuses";
import type { DiagnosticPartView } from "@/lib/initiatives/data";
import { PART_STATUS_LABELS } from "./labels";

/** The first error for a field or any of its items (`monitoring.links.0`). */
function errorFor(state: FormState, name: string): string | undefined {
  if (state.status !== "error" || !state.fields) return undefined;
  const key = Object.keys(state.fields).find((k) => k === name || k.startsWith(`${name}.`));
  return key ? state.fields[key] : undefined;
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** Records one part of the diagnostic: status, evidence, links and the date it was checked. */
export function DiagnosticPartForm({
  action,
  initiativeId,
  part,
  today,
}: {
  action: FormAction;
  initiativeId: string;
  part: DiagnosticPartView;
  today: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const name = (field: string) => `${part.part}.${field}`;
  const value = (field: string, fallback: string) => fieldValue(state, name(field), fallback);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={part.name}>
      <FormStatus state={state} />
      <input type="hidden" name="id" value={initiativeId} />
      <input type="hidden" name="part" value={part.part} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Status"
          name={name("status")}
          placeholder="Choose"
          options={PART_STATUSES.map((s) => ({ value: s, label: PART_STATUS_LABELS[s] }))}
          // A select keeps its first default: the key remounts it with the value sent back.
          key={`status-${value("status", part.status ?? "")}`}
          defaultValue={value("status", part.status ?? "")}
          error={errorFor(state, name("status"))}
        />
        <TextField
          label="Date checked"
          name={name("checkedAt")}
          type="date"
          defaultValue={value("checkedAt", isoDay(part.checkedAt) || today)}
          error={errorFor(state, name("checkedAt"))}
        />
      </div>
      <TextAreaField
        label="Evidence"
        name={name("evidence")}
        maxLength={EVIDENCE_MAX}
        hint="What was checked, with whom, and what was found."
        defaultValue={value("evidence", part.evidence ?? "")}
        error={errorFor(state, name("evidence"))}
      />
      <TextAreaField
        label="Links (one per line)"
        name={name("links")}
        className="[&_textarea]:min-h-16"
        hint="Audit reports, runbooks, dashboards: web addresses starting with https://."
        defaultValue={value("links", part.links.join("\n"))}
        error={errorFor(state, name("links"))}
      />
      <div className="flex justify-end">
        <SubmitButton variant="secondary">Save this part</SubmitButton>
      </div>
    </form>
  );
}
