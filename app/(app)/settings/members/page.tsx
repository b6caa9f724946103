import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberRow } from "@/components/settings/member-row";
import { ActionForm } from "@/components/settings/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageContext } from "@/lib/auth/server";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { listInvitations, listMembers } from "@/lib/members/data";
import { listOrganizationChoices } from "@/lib/organizations/data";
import {
  changeRoleAction,
  createInvitationAction,
  removeMemberAction,
  revokeInvitationAction,
  setGrantsAction,
} from "../actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "member.read")) redirect("/organizations");
  const manage = can(ctx.role, "member.update");
  const [members, invitations, organizations] = await Promise.all([
    listMembers(ctx),
    can(ctx.role, "member.invite") ? listInvitations(ctx) : Promise.resolve([]),
    listOrganizationChoices(ctx),
  ]);
  const open = invitations.filter((i) => !i.acceptedAt && !i.revokedAt && i.expiresAt > new Date());
  return (
    <>
      <PageHeader
        title="Members"
        description={`Who works in ${ctx.workspaceName}, and what each may do. Executives see only the organisations they are granted.`}
      />
      {can(ctx.role, "member.invite") ? (
        <Card className="mb-6">
          <h2 className="mb-4 text-lg font-semibold">Invite someone</h2>
          <InviteForm action={createInvitationAction} organizations={organizations} />
        </Card>
      ) : null}
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">Members ({members.length})</h2>
        <ul className="mt-2 divide-y divide-slate-200">
          {members.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              isSelf={m.id === ctx.memberId}
              manage={manage}
              organizations={organizations}
              changeRoleAction={changeRoleAction}
              removeMemberAction={removeMemberAction}
              setGrantsAction={setGrantsAction}
            />
          ))}
        </ul>
      </Card>
      {open.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold">Open invitations</h2>
          <ul className="mt-2 divide-y divide-slate-200">
            {open.map((i) => (
              <li
                key={i.id}
                className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div>
                  <p className="font-medium">{i.email ?? "Anyone with the link"}</p>
                  <p className="text-sm text-slate-600">
                    {ROLE_LABELS[i.role]} · expires {formatDate(i.expiresAt)}
                  </p>
                </div>
                <ActionForm action={revokeInvitationAction}>
                  <input type="hidden" name="invitationId" value={i.id} />
                  <SubmitButton variant="secondary" pendingLabel="Revoking…">
                    Revoke
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
