import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { OrganizationFrame } from "@/components/organizations/organization-frame";
import { DeleteOrganizationForm } from "@/components/organizations/delete-organization-form";
import { RoundsList } from "@/components/dashboard/rounds-list";
import { ExportLinks } from "@/components/exports/export-links";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { deleteOrganizationAction } from "../../actions";

export const metadata: Metadata = { title: "Rounds and details" };

// Every assessment round (open and closed), the data exports, the organisation's details and,
// for owners, deleting it.
export default async function OrganizationRoundsPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const dashboard = await findOrganizationPage(ctx, id, []);
  if (!dashboard) notFound();
  const { organization } = dashboard;
  const canManage = can(ctx.role, "assessment.manage");
  // The newest closed round that no round continues yet: where "Start next round" starts from.
  const lastClosed = dashboard.rounds.find((r) => r.state === "closed");
  const retakeFrom =
    lastClosed && !dashboard.rounds.some((r) => r.previousAssessmentId === lastClosed.id)
      ? lastClosed
      : null;
  const facts = [
    { label: "Sector", value: organization.sector },
    { label: "Size (employees)", value: organization.sizeBand },
    { label: "Region", value: organization.region },
    { label: "Added", value: formatDate(organization.createdAt) },
  ];
  return (
    <OrganizationFrame page={dashboard} role={ctx.role} tab="rounds">
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Assessment rounds</h2>
            {canManage ? (
              <div className="flex flex-wrap gap-2">
                {retakeFrom ? (
                  <LinkButton href={`/assessments/${retakeFrom.id}#next-round`}>
                    Start next round
                  </LinkButton>
                ) : null}
                <LinkButton
                  variant={retakeFrom ? "secondary" : undefined}
                  href={`/organizations/${organization.id}/assessments/new`}
                >
                  New round
                </LinkButton>
              </div>
            ) : null}
          </div>
          <RoundsList rounds={dashboard.rounds} canManage={canManage} />
          {dashboard.assessmentCount > dashboard.rounds.length ? (
            <p className="mt-2 text-sm text-slate-600">
              The newest {dashboard.rounds.length} of {dashboard.assessmentCount} rounds.
            </p>
          ) : null}
          {dashboard.openRounds ? (
            <p className="mt-2 text-sm text-slate-600">
              {dashboard.openRounds} round{dashboard.openRounds === 1 ? "" : "s"} not closed yet:
              the dashboard shows closed rounds only.
            </p>
          ) : null}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Details</h2>
          <dl className="mt-3 space-y-3">
            {facts.map((f) => (
              <div key={f.label}>
                <dt className="text-sm text-slate-500">{f.label}</dt>
                <dd className="text-slate-900">{f.value ?? "Not set"}</dd>
              </div>
            ))}
          </dl>
          {organization.notes ? (
            <>
              <h3 className="mt-5 text-sm font-medium text-slate-500">Notes</h3>
              <p className="mt-1 whitespace-pre-line text-slate-800">{organization.notes}</p>
            </>
          ) : null}
        </Card>
      </div>

      {dashboard.assessmentCount > 0 ? (
        <Card className="mt-6">
          <ExportLinks
            href={`/api/v1/organizations/${organization.id}/data`}
            subject={organization.name}
          />
        </Card>
      ) : null}

      {can(ctx.role, "organization.delete") ? (
        <Card className="mt-8 border-red-200">
          <h2 className="text-lg font-semibold text-red-800">Delete organisation</h2>
          <p className="mt-1 text-sm text-slate-700">
            Deletes {organization.name} with all its assessment rounds, answers and results. This
            cannot be undone; the audit log keeps a record that it happened.
          </p>
          <DeleteOrganizationForm
            id={organization.id}
            name={organization.name}
            action={deleteOrganizationAction}
          />
        </Card>
      ) : null}
    </OrganizationFrame>
  );
}
