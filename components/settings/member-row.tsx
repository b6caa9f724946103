import { ActionForm } from "./action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, ROLES, seesOnlyGrantedOrganizations } from "@/lib/auth/roles";
import type { FormState } from "@/lib/forms/state";
import type { MemberView } from "@/lib/members/data";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function MemberRow({
  member,
  isSelf,
  manage,
  organizations,
  changeRoleAction,
  removeMemberAction,
  setGrantsAction,
}: {
  member: MemberView;
  isSelf: boolean;
  manage: boolean;
  organizations: { id: string; name: string }[];
  changeRoleAction: Action;
  removeMemberAction: Action;
  setGrantsAction: Action;
}) {
  const granted = new Set(member.grants.map((g) => g.organization.id));
  return (
    <li className="py-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="truncate font-medium">
            {member.user.name}{" "}
            {isSelf ? <span className="text-sm font-normal text-slate-500">(you)</span> : null}
          </p>
          <p className="truncate text-sm text-slate-600">{member.user.email}</p>
        </div>
        {manage ? (
          <div className="flex flex-wrap items-end gap-2">
            <ActionForm action={changeRoleAction} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="memberId" value={member.id} />
              <label className="sr-only" htmlFor={`role-${member.id}`}>
                Role of {member.user.name}
              </label>
              <select
                id={`role-${member.id}`}
                name="role"
                defaultValue={member.role}
                className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              <SubmitButton variant="secondary" pendingLabel="Saving…">
                Change role
              </SubmitButton>
            </ActionForm>
            <ActionForm action={removeMemberAction}>
              <input type="hidden" name="memberId" value={member.id} />
              <SubmitButton
                variant="ghost"
                className="text-red-700"
                pendingLabel="Removing…"
                aria-label={`Remove ${member.user.name}`}
              >
                Remove
              </SubmitButton>
            </ActionForm>
          </div>
        ) : (
          <span className="text-sm text-slate-700">{ROLE_LABELS[member.role]}</span>
        )}
      </div>
      {seesOnlyGrantedOrganizations(member.role) ? (
        manage ? (
          <details className="mt-3 rounded-lg bg-slate-50 p-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">
              Can see {granted.size} organisation{granted.size === 1 ? "" : "s"}
            </summary>
            <ActionForm action={setGrantsAction} className="mt-3 space-y-3">
              <input type="hidden" name="memberId" value={member.id} />
              <fieldset>
                <legend className="sr-only">Organisations {member.user.name} may see</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {organizations.map((o) => (
                    <label
                      key={o.id}
                      className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
                    >
                      <input
                        type="checkbox"
                        name="organizationIds"
                        value={o.id}
                        defaultChecked={granted.has(o.id)}
                        className="size-4"
                      />
                      {o.name}
                    </label>
                  ))}
                </div>
              </fieldset>
              <SubmitButton variant="secondary" pendingLabel="Saving…">
                Save access
              </SubmitButton>
            </ActionForm>
          </details>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            Sees:{" "}
            {member.grants.map((g) => g.organization.name).join(", ") || "no organisation yet"}
          </p>
        )
      ) : null}
    </li>
  );
}
