"use client";

import { useActionState, useState } from "react";
import { CopyField } from "@/components/ui/copy-field";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLES,
  type Role,
  seesOnlyGrantedOrganizations,
} from "@/lib/auth/roles";
import { fieldError, idle, type FormState } from "@/lib/forms/state";

export function InviteForm({
  action,
  organizations,
}: {
  action: (
    state: FormState<{ path: string }>,
    formData: FormData,
  ) => Promise<FormState<{ path: string }>>;
  organizations: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState<FormState<{ path: string }>, FormData>(action, idle);
  const [role, setRole] = useState<Role>("consultant");
  return (
    <div className="space-y-4">
      {/* React resets the form after each action; keep the role-dependent parts in step with it. */}
      <form
        action={formAction}
        onReset={() => setRole("consultant")}
        className="space-y-4"
        noValidate
      >
        {state.status === "error" ? <FormStatus state={state} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Role"
            name="role"
            defaultValue="consultant"
            onChange={(e) => setRole(e.target.value as Role)}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            hint={ROLE_DESCRIPTIONS[role]}
            error={fieldError(state, "role")}
          />
          <TextField
            label="Email (optional)"
            name="email"
            type="email"
            hint="If given, only this email can use the link."
            error={fieldError(state, "email")}
          />
        </div>
        {seesOnlyGrantedOrganizations(role) ? (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">
              Organisations this executive may see
            </legend>
            {organizations.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">
                No organisations yet: you can grant access later.
              </p>
            ) : (
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {organizations.map((o) => (
                  <label
                    key={o.id}
                    className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
                  >
                    <input type="checkbox" name="organizationIds" value={o.id} className="size-4" />
                    {o.name}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        ) : null}
        <SubmitButton pendingLabel="Creating link…">Create invitation link</SubmitButton>
      </form>
      {state.status === "success" && state.data ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4">
          <CopyField label="Invitation link (shown once)" value={state.data.path} absolute />
          <p className="mt-2 text-sm text-emerald-900">
            Send this link to the person you invite. It works once and expires in 14 days.
          </p>
        </div>
      ) : null}
    </div>
  );
}
