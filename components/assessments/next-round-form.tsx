"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, fieldValue, idle, type FormAction, type FormState } from "@/lib/forms/state";
import type { IssuedLink } from "@/lib/assessments/mutations";
import { LinkList } from "./link-list";

type NextRoundData = {
  links: IssuedLink[];
  round: { id: string; name: string };
  carriedOverActions: number;
};

/**
 * "Start next round" on a closed round: the name is suggested (the next quarter), everything else
 * is copied. The new links are shown here once, since only their fingerprints are stored.
 */
export function NextRoundForm({
  assessmentId,
  suggestedName,
  anonymous,
  following,
  action,
}: {
  assessmentId: string;
  suggestedName: string;
  anonymous: boolean;
  /** The round that already continues this one, if any. */
  following: { id: string; name: string } | null;
  action: FormAction<NextRoundData>;
}) {
  // One component whatever the branch, so the links made by the action stay on screen when the
  // page refreshes with the new round as this one's follower.
  const [state, formAction] = useActionState<FormState<NextRoundData>, FormData>(action, idle);
  if (state.status === "success" && state.data) {
    const { round, links } = state.data;
    return (
      <div className="space-y-3">
        <FormStatus state={state} />
        <p className="text-sm">
          <Link className="font-medium text-brand-700 underline" href={`/assessments/${round.id}`}>
            Go to {round.name}
          </Link>{" "}
          to open it for answers.
        </p>
        {links.length ? <LinkList links={links} /> : null}
      </div>
    );
  }
  if (following)
    return (
      <p className="text-sm text-slate-700">
        This round continues in{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={`/assessments/${following.id}`}
        >
          {following.name}
        </Link>
        .
      </p>
    );
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <p className="text-sm text-slate-700">
        Copies this round&apos;s roles, settings, focus, targets and respondents (never their
        answers), issues new links, and carries unfinished actions over. The first round stays the
        baseline progress is measured from.
        {anonymous
          ? " This round is anonymous: respondents get new links, but nobody can be shown their last answers."
          : ""}
      </p>
      <TextField
        label="Name of the next round"
        name="name"
        required
        maxLength={120}
        defaultValue={fieldValue(state, "name", suggestedName)}
        error={fieldError(state, "name")}
      />
      <SubmitButton pendingLabel="Starting…">Start next round</SubmitButton>
    </form>
  );
}
