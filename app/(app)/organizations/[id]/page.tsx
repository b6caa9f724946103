import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { DeleteOrganizationForm } from "@/components/organizations/delete-organization-form";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganization } from "@/lib/organizations/data";
import { deleteOrganizationAction } from "../actions";
import Link from "next/link";
import { StateBadge } from "@/components/assessments/state-badge";
import { ReadyVerdict, ResultHeadline } from "@/components/assessments/result-view";
import { findLatestResult, listAssessments } from "@/lib/assessments/data";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const { ctx } = await requirePageContext();
  const organization = await findOrganization(ctx, id);
  if (!organization) notFound();
  const [rounds, latest] = await Promise.all([
    listAssessments(ctx, organization.id, { limit: 20 }),
    findLatestResult(ctx, organization.id),
  ]);
  const facts = [
    { label: "Sector", value: organization.sector },
    { label: "Size (employees)", value: organization.sizeBand },
    { label: "Region", value: organization.region },
    { label: "Added", value: formatDate(organization.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title={organization.name}
        description="Readiness to take AI from pilot into production."
        actions={
          can(ctx.role, "organization.update") ? (
            <LinkButton variant="secondary" href={`/organizations/${organization.id}/edit`}>
              Edit details
            </LinkButton>
          ) : null
        }
      />
      {flags.created === "1" ? <Alert tone="success" className="mb-4">Organisation created.</Alert> : null}
      {flags.saved === "1" ? <Alert tone="success" className="mb-4">Changes saved.</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {latest ? (
            <Card>
              <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">Readiness: {latest.assessmentName}</h2>
                <Link className="text-sm font-medium text-brand-700 underline" href={`/assessments/${latest.assessmentId}/result`}>
                  Full result
                </Link>
              </div>
              <ResultHeadline result={latest.result} />
              <div className="mt-4">
                <ReadyVerdict result={latest.result} />
              </div>
            </Card>
          ) : (
            <Card>
              <h2 className="text-lg font-semibold">Readiness</h2>
              <p className="mt-2 text-slate-600">
                No closed assessment round yet. When a round closes, its stage, readiness index, the
                seven dimensions and the three-part diagnostic appear here.
              </p>
            </Card>
          )}
          <Card>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-semibold">Assessment rounds</h2>
              {can(ctx.role, "assessment.manage") ? (
                <LinkButton href={`/organizations/${organization.id}/assessments/new`}>New round</LinkButton>
              ) : null}
            </div>
            {rounds.items.length === 0 ? (
              <p className="mt-2 text-slate-600">
                {can(ctx.role, "assessment.manage")
                  ? "No round yet. Create one, invite the people who do the work, and open it for answers."
                  : "No round yet."}
              </p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-200">
                {rounds.items.map((a) => (
                  <li key={a.id}>
                    <Link
                      href={a.state === "closed" ? `/assessments/${a.id}/result` : `/assessments/${a.id}`}
                      className="flex items-center justify-between gap-3 py-3 hover:bg-slate-50"
                    >
                      <span className="font-medium">{a.name}</span>
                      <span className="flex items-center gap-2 text-sm text-slate-600">
                        <StateBadge state={a.state} />
                        {formatDate(a.closedAt ?? a.openedAt ?? a.createdAt)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
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
      {can(ctx.role, "organization.delete") ? (
        <Card className="mt-8 border-red-200">
          <h2 className="text-lg font-semibold text-red-800">Delete organisation</h2>
          <p className="mt-1 text-sm text-slate-700">
            Deletes {organization.name} with all its assessment rounds, answers and results. This
            cannot be undone; the audit log keeps a record that it happened.
          </p>
          <DeleteOrganizationForm id={organization.id} name={organization.name} action={deleteOrganizationAction} />
        </Card>
      ) : null}
    </>
  );
}
