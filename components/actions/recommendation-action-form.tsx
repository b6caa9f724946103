"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, type FormAction, type FormState } from "@/lib/forms/state";

/**
 * Turns one recommendation into an action: who owns it (a member, or a named person and role)
 * and by when. Several sit on one page, so each names its fields `<prefix>.<field>`.
 */
export function RecommendationActionForm({
  action,
  organizationId,
  recommendation,
  members,
}: {
  action: FormAction;
  organizationId: string;
  recommendation: { id: string; title: string; dimension: string };
  members: { id: string; name: string; email: string }[];
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const [ownerKind, setOwnerKind] = useState("member");
  const prefix = `rec-${recommendation.id.replace(/[^a-z0-9_-]/gi, "-")}`;
  const n = (field: string) => `${prefix}.${field}`;
  if (state.status === "success") return <FormStatus state={state} />;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
        Turn into an action
      </summary>
      <form
        action={formAction}
        className="mt-3 space-y-3"
        noValidate
        aria-label={`Action for: ${recommendation.title}`}
      >
        <FormStatus state={state} />
        <input type="hidden" name="organizationId" value={organizationId} />
        <input type="hidden" name="prefix" value={prefix} />
        <input type="hidden" name={n("title")} value={recommendation.title} />
        <input type="hidden" name={n("dimension")} value={recommendation.dimension} />
        <input type="hidden" name={n("recommendationId")} value={recommendation.id} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Owner"
            name={n("owner.kind")}
            options={[
              { value: "member", label: "A member of this workspace" },
              { value: "person", label: "A named person" },
            ]}
            value={ownerKind}
            onChange={(event) => setOwnerKind(event.target.value)}
          />
          <TextField
            label="Due date"
            name={n("dueDate")}
            type="date"
            error={fieldError(state, "dueDate")}
          />
        </div>
        {ownerKind === "member" ? (
          <SelectField
            label="Member"
            name={n("owner.memberId")}
            placeholder="Choose a member"
            options={members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))}
            error={fieldError(state, "owner.memberId")}
          />
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Name"
              name={n("owner.name")}
              maxLength={120}
              error={fieldError(state, "owner.name")}
            />
            <TextField
              label="Role"
              name={n("owner.role")}
              maxLength={120}
              error={fieldError(state, "owner.role")}
            />
          </div>
        )}
        <SubmitButton variant="secondary">Create action</SubmitButton>
      </form>
    </details>
  );
}
