"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { respondentRoleLabel } from "@/lib/framework/roles";
import { fieldError, idle, type FormState } from "@/lib/forms/state";
import { LinkList } from "./link-list";

import type { IssuedLink } from "@/lib/assessments/mutations";

type Links = { links: IssuedLink[] };
type Action = (state: FormState<Links>, formData: FormData) => Promise<FormState<Links>>;

export function InvitePanel({
  assessmentId,
  roles,
  inviteAction,
  openLinkAction,
}: {
  assessmentId: string;
  roles: string[];
  inviteAction: Action;
  openLinkAction: Action;
}) {
  // Every link made on this visit stays listed (newest first) until the page is left: a
  // consultant inviting one person after another copies them at the end, or downloads the CSV.
  // A failed attempt keeps the links made before it on screen.
  const [{ state, shown }, formAction] = useActionState<
    { state: FormState<Links>; shown: IssuedLink[] },
    FormData
  >(
    async (previous, formData) => {
      const next = await inviteAction(previous.state, formData);
      const made = next.status === "success" ? (next.data?.links ?? []) : [];
      return { state: next, shown: [...made, ...previous.shown] };
    },
    { state: idle, shown: [] },
  );
  const [openState, openFormAction] = useActionState<FormState<Links>, FormData>(
    openLinkAction,
    idle,
  );
  const [mode, setMode] = useState<"one" | "csv">("one");
  return (
    <div className="space-y-6">
      <div
        role="tablist"
        aria-label="How to invite"
        className="inline-flex rounded-lg border border-slate-300 p-0.5"
      >
        {(["one", "csv"] as const).map((m) => (
          <button
            key={m}
            role="tab"
            type="button"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className="rounded-md px-3 py-1.5 text-sm font-medium aria-selected:bg-brand-600 aria-selected:text-white"
          >
            {m === "one" ? "One person" : "Many (CSV)"}
          </button>
        ))}
      </div>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <FormStatus state={state} />
        {mode === "one" ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label="Name (optional)" name="name" maxLength={120} />
            <TextField label="Email (optional)" name="email" type="email" />
            <SelectField
              label="Respondent role"
              name="role"
              options={roles.map((r) => ({ value: r, label: respondentRoleLabel(r) }))}
            />
          </div>
        ) : (
          <TextAreaField
            label="Paste name,email,role (one person per line)"
            name="csv"
            placeholder={
              "name,email,role\nJo Smith,jo@client.com,business\nSam Lee,sam@client.com,technical"
            }
            hint={`Roles: ${roles.join(", ")}.`}
            error={fieldError(state, "csv")}
          />
        )}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="sendEmail"
            className="mt-0.5 size-4 rounded border-slate-400 accent-brand-600"
          />
          <span>
            {mode === "one"
              ? "Email the link to this address"
              : "Email each link to its address (rows without one are not emailed)"}
          </span>
        </label>
        <SubmitButton pendingLabel="Creating links…">
          {mode === "one" ? "Create personal link" : "Create links"}
        </SubmitButton>
      </form>
      {shown.length ? <LinkList links={shown} /> : null}
      <div className="border-t border-slate-200 pt-4">
        <h3 className="font-medium">Open link</h3>
        <p className="mt-1 text-sm text-slate-600">
          One link for a room or a mailing list: each respondent picks their role and gets a
          personal link to resume from.
        </p>
        <form action={openFormAction} className="mt-3">
          <input type="hidden" name="assessmentId" value={assessmentId} />
          {openState.status === "error" ? <FormStatus state={openState} /> : null}
          <SubmitButton variant="secondary" pendingLabel="Creating…">
            Create open link
          </SubmitButton>
        </form>
        {openState.status === "success" && openState.data ? (
          <div className="mt-3">
            <LinkList links={openState.data.links} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
