"use client";

import { useActionState, useState } from "react";
import { UnaskedWarning } from "@/components/assessments/unasked-warning";
import type { UnaskedQuestion } from "@/lib/framework";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { LinkButton } from "@/components/ui/button";
import { fieldError, fieldValue, idle, type FormState } from "@/lib/forms/state";
import { respondentRoleLabel } from "@/lib/framework/roles";

const ROLE_HINTS: Record<string, string> = {
  executive: "sponsors and leaders",
  business: "people who run the workflow",
  technical: "engineering and IT",
  data: "data owners and governance",
};

export function NewAssessmentForm({
  organizationId,
  defaultName,
  roles,
  decidingQuestions,
  dimensions,
  defaultTarget,
  targets,
  initiatives,
  action,
}: {
  organizationId: string;
  defaultName: string;
  roles: string[];
  /** Every critical and diagnostic question of the framework new rounds use, with its audience. */
  decidingQuestions: readonly UnaskedQuestion[];
  /** Each dimension with the target a blank field means (the framework's default). */
  dimensions: { id: string; name: string }[];
  defaultTarget: number;
  /** Targets carried over from the organisation's previous round. */
  targets: Record<string, number>;
  initiatives: { id: string; name: string; workflow: string | null }[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, idle);
  const [anonymous, setAnonymous] = useState(fieldValue(state, "anonymous") === "on");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(roles));
  const unasked = decidingQuestions.filter((q) => !q.audience.some((r) => chosen.has(r)));
  const unobserved = decidingQuestions.filter(
    (q) =>
      q.audience.some((r) => chosen.has(r)) &&
      q.observers !== null &&
      !q.observers.some((r) => chosen.has(r)),
  );
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        defaultValue={fieldValue(state, "name", defaultName)}
        error={fieldError(state, "name")}
        hint="Usually the quarter, so rounds line up over time."
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Who answers</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {roles.map((r) => (
            <label
              key={r}
              className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
            >
              <input
                type="checkbox"
                name="roles"
                value={r}
                defaultChecked
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.currentTarget.checked) next.add(r);
                  else next.delete(r);
                  setChosen(next);
                }}
                className="mt-0.5 size-4"
              />
              <span>
                <span className="font-medium">{respondentRoleLabel(r)}</span>
                <span className="block text-slate-600">{ROLE_HINTS[r]}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError(state, "roles") ? (
          <p className="mt-1 text-sm font-medium text-red-700">{fieldError(state, "roles")}</p>
        ) : null}
        {chosen.size > 0 ? (
          <div className="mt-3">
            <UnaskedWarning questions={unasked} unobserved={unobserved} />
          </div>
        ) : null}
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Minimum group size"
          name="minGroupSize"
          type="number"
          min={1}
          max={50}
          defaultValue="3"
          hint="Per-role breakdowns stay hidden below this many respondents."
          error={fieldError(state, "minGroupSize")}
        />
        <TextField
          label="Closes on (optional)"
          name="closesAt"
          type="date"
          error={fieldError(state, "closesAt")}
        />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="anonymous"
          className="mt-0.5 size-4"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <span>
          <span className="font-medium">Anonymous</span>
          <span className="block text-slate-600">
            Nobody, not even owners, can see who answered what.
          </span>
        </span>
      </label>
      <div className="text-sm">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="showPreviousAnswers"
            className="mt-0.5 size-4"
            disabled={anonymous}
            aria-describedby="showPreviousAnswers-hint"
          />
          <span>
            <span className="font-medium">Show returning respondents their last answers</span>
            <span id="showPreviousAnswers-hint" className="block text-slate-600">
              {anonymous
                ? "Not possible in an anonymous round: it does not know who answered last time."
                : "For the next round: someone invited again by name sees their own last answer beside each question and confirms or changes it; the result flags what changed. People who answer through the open link are not recognised."}
            </span>
          </span>
        </label>
        {fieldError(state, "showPreviousAnswers") ? (
          <p className="mt-1 font-medium text-red-700">
            {fieldError(state, "showPreviousAnswers")}
          </p>
        ) : null}
      </div>
      {initiatives.length ? (
        <SelectField
          label="Focus on one initiative (optional)"
          name="focusInitiativeId"
          placeholder="The organisation as a whole"
          defaultValue={fieldValue(state, "focusInitiativeId")}
          options={initiatives.map((i) => ({
            value: i.id,
            label: i.workflow ? `${i.name} (${i.workflow})` : i.name,
          }))}
          hint="The questionnaire then names its workflow, and the round's diagnostic is offered as the initiative's."
          error={fieldError(state, "focusInitiativeId")}
        />
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          Targets per dimension (0 to 100)
        </legend>
        <p className="mt-1 text-sm text-slate-600">
          {Object.keys(targets).length ? "Carried over from the previous round. " : ""}A blank field
          keeps the default target of {defaultTarget}. Progress toward target is measured from the
          first round.
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {dimensions.map((d) => (
            <TextField
              key={d.id}
              label={d.name}
              name={`targets.${d.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              placeholder={String(defaultTarget)}
              defaultValue={fieldValue(
                state,
                `targets.${d.id}`,
                targets[d.id] === undefined ? "" : String(targets[d.id]),
              )}
              error={fieldError(state, `targets.${d.id}`)}
            />
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <LinkButton href={`/organizations/${organizationId}`} variant="secondary">
          Cancel
        </LinkButton>
        <SubmitButton pendingLabel="Creating…">Create round</SubmitButton>
      </div>
    </form>
  );
}
