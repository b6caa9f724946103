import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ExportLinks } from "@/components/exports/export-links";
import { formatDate } from "@/components/ui/format";
import { ActionForm } from "@/components/settings/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { InvitePanel } from "@/components/assessments/invite-panel";
import { EmailLinkForm, RemindForm } from "@/components/assessments/mail-forms";
import { respondentRoleLabel } from "@/lib/framework/roles";
import { StateBadge } from "@/components/assessments/state-badge";
import { StartsOverTime } from "@/components/assessments/starts-over-time";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findAssessment, findFollowingRound, getAssessmentProgress } from "@/lib/assessments/data";
import { nextRoundName } from "@/lib/assessments/schema";
import { findInitiative } from "@/lib/initiatives/data";
import { NextRoundForm } from "@/components/assessments/next-round-form";
import { findOrganization } from "@/lib/organizations/data";
import {
  getFramework,
  unaskedDecidingQuestions,
  unobservedDecidingQuestions,
} from "@/lib/framework";
import { UnaskedWarning } from "@/components/assessments/unasked-warning";
import { listWorkshopsOfAssessment } from "@/lib/workshops/data";
import { StartWorkshop } from "@/components/workshops/start-workshop";
import {
  closeAssessmentAction,
  emailLinkAction,
  inviteAction,
  openAssessmentAction,
  openLinkAction,
  remindAction,
  revokeLinkAction,
  startNextRoundAction,
} from "../actions";

export const metadata: Metadata = { title: "Assessment round" };

export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const { ctx } = await requirePageContext();
  const assessment = await findAssessment(ctx, id);
  if (!assessment) notFound();
  const [organization, progress, workshops, following, focus] = await Promise.all([
    findOrganization(ctx, assessment.organizationId),
    getAssessmentProgress(ctx, assessment.id),
    listWorkshopsOfAssessment(ctx, assessment.id),
    findFollowingRound(ctx, assessment.id),
    assessment.focusInitiativeId ? findInitiative(ctx, assessment.focusInitiativeId) : null,
  ]);
  const manage = can(ctx.role, "assessment.manage");
  const percent = Math.round(progress.completionRate * 100);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link className="hover:underline" href={`/organizations/${assessment.organizationId}`}>
          {organization?.name ?? "Organisation"}
        </Link>{" "}
        / Assessment round
      </nav>
      <PageHeader
        title={assessment.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StateBadge state={assessment.state} /> Framework {assessment.frameworkVersion} ·{" "}
            {assessment.anonymous ? "Anonymous" : "Named"} · roles:{" "}
            {assessment.roles.map(respondentRoleLabel).join(", ")}
            {assessment.closesAt ? ` · closes ${formatDate(assessment.closesAt)}` : ""}
            {focus ? ` · focus: ${focus.name}` : ""}
            {assessment.showPreviousAnswers
              ? " · returning respondents see their last answers"
              : ""}
          </span>
        }
        actions={
          assessment.state === "closed" ? (
            <LinkButton href={`/assessments/${assessment.id}/result`}>See the result</LinkButton>
          ) : manage ? (
            assessment.state === "draft" ? (
              <ActionForm action={openAssessmentAction}>
                <input type="hidden" name="assessmentId" value={assessment.id} />
                <SubmitButton pendingLabel="Opening…">Open for answers</SubmitButton>
              </ActionForm>
            ) : (
              <ActionForm action={closeAssessmentAction}>
                <input type="hidden" name="assessmentId" value={assessment.id} />
                <SubmitButton pendingLabel="Closing and scoring…">Close and score</SubmitButton>
              </ActionForm>
            )
          ) : null
        }
      />
      {flags.created === "1" ? (
        <Alert tone="success" className="mb-4">
          Round created as a draft. Invite respondents, then open it for answers.
        </Alert>
      ) : null}
      {assessment.state === "draft" ? (
        <div className="mb-4">
          <UnaskedWarning
            questions={unaskedDecidingQuestions(
              getFramework(assessment.frameworkVersion),
              assessment.roles,
            )}
            unobserved={unobservedDecidingQuestions(
              getFramework(assessment.frameworkVersion),
              assessment.roles,
            )}
          />
        </div>
      ) : null}
      {assessment.state === "closed" && (manage || following) ? (
        <Card className="mb-6">
          <h2 id="next-round" className="mb-2 text-lg font-semibold">
            Next round
          </h2>
          {manage ? (
            <NextRoundForm
              assessmentId={assessment.id}
              suggestedName={nextRoundName(assessment.name)}
              anonymous={assessment.anonymous}
              following={following}
              action={startNextRoundAction}
            />
          ) : following ? (
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
          ) : null}
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <h2 className="text-lg font-semibold">Progress</h2>
          <p className="mt-2 text-3xl font-semibold">{percent}%</p>
          <p className="text-sm text-slate-600">
            {progress.submitted} of {progress.invited} submitted · {progress.started} started
          </p>
          <div
            className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200"
            role="progressbar"
            aria-label="Completion"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
          </div>
          {progress.byRole.length ? (
            <table className="mt-4 w-full text-sm">
              <caption className="sr-only">Progress by respondent role</caption>
              <thead className="text-left text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">
                    Role
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Invited
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Started
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Done
                  </th>
                </tr>
              </thead>
              <tbody>
                {progress.byRole.map((r) => (
                  <tr key={r.role} className="border-t border-slate-100">
                    <td className="py-1">{respondentRoleLabel(r.role)}</td>
                    <td className="py-1 text-right">{r.invited}</td>
                    <td className="py-1 text-right">{r.started}</td>
                    <td className="py-1 text-right">{r.submitted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-4 text-sm text-slate-600">No respondents invited yet.</p>
          )}
          {assessment.anonymous ? (
            <p className="mt-4 text-xs text-slate-500">
              Anonymous round: only counts are shown, never who answered.
            </p>
          ) : progress.pending.length ? (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">
                Reminder list ({progress.pending.length} not submitted)
              </summary>
              <ul className="mt-2 divide-y divide-slate-100 text-sm">
                {progress.pending.map((p) => {
                  const who = p.name ?? p.email ?? "Unnamed";
                  return (
                    <li key={p.invitationId} className="py-2">
                      <div className="flex items-center justify-between gap-2">
                        <span className="min-w-0 truncate">
                          {who} · {respondentRoleLabel(p.role)}
                          {p.started ? " · started" : ""}
                        </span>
                        {manage && assessment.state !== "closed" ? (
                          <ActionForm action={revokeLinkAction}>
                            <input type="hidden" name="assessmentId" value={assessment.id} />
                            <input type="hidden" name="invitationId" value={p.invitationId} />
                            <SubmitButton
                              variant="ghost"
                              className="min-h-8 px-2 text-xs"
                              pendingLabel="…"
                              aria-label={`Revoke the link of ${who}`}
                            >
                              Revoke
                            </SubmitButton>
                          </ActionForm>
                        ) : null}
                      </div>
                      {manage && assessment.state !== "closed" ? (
                        <EmailLinkForm
                          assessmentId={assessment.id}
                          invitationId={p.invitationId}
                          email={p.email}
                          who={who}
                          action={emailLinkAction}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </details>
          ) : null}
          {manage && assessment.state === "open" && progress.invited > progress.submitted ? (
            <RemindForm assessmentId={assessment.id} action={remindAction} />
          ) : null}
        </Card>
        {manage && assessment.state !== "closed" ? (
          <Card className="lg:col-span-2">
            <h2 className="mb-4 text-lg font-semibold">Invite respondents</h2>
            <InvitePanel
              assessmentId={assessment.id}
              roles={assessment.roles}
              inviteAction={inviteAction}
              openLinkAction={openLinkAction}
            />
          </Card>
        ) : null}
      </div>
      <Card className="mt-6">
        <h2 className="text-lg font-semibold">Live workshops</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          The room answers on its phones, a big screen shows the spread, and you record the level
          the room agrees on: that is what the round scores.
        </p>
        {workshops.length ? (
          <ul className="mb-4 divide-y divide-slate-100 text-sm">
            {workshops.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-mono font-semibold">{w.code}</span> ·{" "}
                  {w.phase === "ended" ? "ended" : "running"} · {w.questions} questions ·{" "}
                  {w.participants} joined · {formatDate(w.createdAt)}
                </span>
                <span className="flex gap-3">
                  {manage ? (
                    <Link className="text-brand-700 hover:underline" href={`/workshops/${w.id}`}>
                      Console
                    </Link>
                  ) : null}
                  {w.phase !== "ended" ? (
                    <Link
                      className="text-brand-700 hover:underline"
                      href={`/workshops/${w.id}/screen`}
                    >
                      Big screen
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-600">No workshop in this round yet.</p>
        )}
        {manage && assessment.state === "open" ? (
          <StartWorkshop
            assessmentId={assessment.id}
            dimensions={getFramework(assessment.frameworkVersion).dimensions.map((d) => ({
              id: d.id,
              name: d.name,
            }))}
          />
        ) : manage && assessment.state === "draft" ? (
          <p className="text-sm text-slate-600">Open the round to start a workshop.</p>
        ) : null}
      </Card>
      <Card className="mt-6">
        <h2 className="text-lg font-semibold">Starts over time</h2>
        <StartsOverTime starts={progress.startsOverTime} />
      </Card>
      {assessment.state !== "draft" ? (
        <Card className="mt-6">
          <ExportLinks
            href={`/api/v1/assessments/${assessment.id}/data`}
            subject={assessment.name}
          />
        </Card>
      ) : null}
    </>
  );
}
