"use client";

import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, idle, type FormAction, type FormState } from "@/lib/forms/state";

type Member = { id: string; name: string; email: string };

// The members who can own an action, given once for every form on the page (the page's payload
// carried the list once per next step before).
const OwnersContext = createContext<Member[]>([]);

export function ActionOwnersProvider({
  members,
  children,
}: {
  members: Member[];
  children: ReactNode;
}) {
  return <OwnersContext.Provider value={members}>{children}</OwnersContext.Provider>;
}

/**
 * Turns one recommendation into an action: who owns it (a member, or a named person and role)
 * and by when. Several sit on one page, so each names its fields `<prefix>.<field>`.
 */
export function RecommendationActionForm({
  action,
  organizationId,
  recommendation,
}: {
  action: FormAction;
  organizationId: string;
  recommendation: { id: string; title: string; dimension: string };
}) {
  const members = useContext(OwnersContext);
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const [ownerKind, setOwnerKind] = useState("member");
  // The form is built when the step is opened: the dashboard shows five steps, and most visits
  // turn none of them into an action, so the page does not carry five forms in its HTML.
  const [open, setOpen] = useState(false);
  const prefix = `rec-${recommendation.id.replace(/[^a-z0-9_-]/gi, "-")}`;
  const n = (field: string) => `${prefix}.${field}`;
  if (state.status === "success") return <FormStatus state={state} />;
  return (
    <details className="mt-2" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
        Turn into an action
      </summary>
      {open ? (
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
      ) : null}
    </details>
  );
}
