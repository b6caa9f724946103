import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass, LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { DeleteOrganizationForm } from "@/components/organizations/delete-organization-form";
import { DashboardHeadline } from "@/components/dashboard/headline";
import { DiagnosticStatusLights } from "@/components/dashboard/diagnostic";
import { NextSteps } from "@/components/dashboard/recommendations";
import { VisibilityGaps } from "@/components/assessments/result-view";
import { ArticleContext } from "@/components/dashboard/article-context";
import { RoundsList } from "@/components/dashboard/rounds-list";
import { InitiativesSection } from "@/components/initiatives/initiatives-section";
import { ActionsTable } from "@/components/actions/actions-table";
import { TargetProgress } from "@/components/dashboard/target-progress";
import { ACTION_STATUS_LABELS } from "@/components/actions/labels";
import {
  ActionOwnersProvider,
  RecommendationActionForm,
} from "@/components/actions/recommendation-action-form";
import { createActionAction, updateActionStatusAction } from "../../action-items/actions";
import { DimensionsChart } from "@/components/charts/dimensions-chart";
import { TrendChart } from "@/components/charts/trend-chart";
import { PerceptionChart } from "@/components/charts/perception-chart";
import { BlindSpotsChart } from "@/components/charts/blind-spots-chart";
import { AgreementHeatmap } from "@/components/charts/agreement-heatmap";
import { agreementRows } from "@/components/charts/agreement-rows";
import { CommentsSection } from "@/components/comments/comments-section";
import { ExportLinks } from "@/components/exports/export-links";
import { setKeyQuoteAction } from "../../comments/actions";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { articleContext } from "@/lib/dashboards/shape";
import { deleteOrganizationAction } from "../actions";

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
  const dashboard = await findOrganizationPage(ctx, id);
  if (!dashboard) notFound();
  const { organization } = dashboard;
  const latest = dashboard.latest;
  const canManage = can(ctx.role, "assessment.manage");
  const roundsHref = canManage ? `/organizations/${organization.id}/assessments/new` : undefined;
  const dimensionNames = Object.fromEntries((latest?.dimensions ?? []).map((d) => [d.id, d.name]));
  const previousName = dashboard.trend.at(-2)?.name ?? null;
  const canManageActions = can(ctx.role, "action.manage");
  const actionOf = new Map(
    dashboard.actions.flatMap((a) => (a.recommendationId ? [[a.recommendationId, a]] : [])),
  );
  const overdue = dashboard.actions.filter((a) => a.overdue);
  // The newest closed round that no round continues yet: where "Start next round" starts from.
  const lastClosed = dashboard.rounds.find((r) => r.state === "closed");
  const retakeFrom =
    lastClosed && !dashboard.rounds.some((r) => r.previousAssessmentId === lastClosed.id)
      ? lastClosed
      : null;
  const latestRound = latest ? dashboard.rounds.find((r) => r.id === latest.assessmentId) : null;
  const baselineId = latestRound?.baselineAssessmentId ?? latestRound?.previousAssessmentId ?? null;
  const baselineName = dashboard.rounds.find((r) => r.id === baselineId)?.name ?? null;
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
        description={
          latest
            ? `Readiness to take AI from pilot into production, as of ${latest.name} (${dashboard.closedRounds} closed round${dashboard.closedRounds === 1 ? "" : "s"}).`
            : "Readiness to take AI from pilot into production."
        }
        actions={
          <>
            {latest ? (
              <>
                <LinkButton variant="secondary" href={`/organizations/${organization.id}/report`}>
                  Executive report
                </LinkButton>
                <a
                  className={buttonClass("secondary")}
                  href={`/organizations/${organization.id}/report.pdf`}
                  download
                >
                  PDF report<span className="sr-only"> of {organization.name} (A4)</span>
                </a>
                <a
                  className={buttonClass("secondary")}
                  href={`/organizations/${organization.id}/report.pptx`}
                  download
                >
                  Board deck<span className="sr-only"> of {organization.name} (PowerPoint)</span>
                </a>
                {dashboard.closedRounds >= 2 ? (
                  <LinkButton
                    variant="secondary"
                    href={`/organizations/${organization.id}/compare`}
                  >
                    Compare rounds
                  </LinkButton>
                ) : null}
              </>
            ) : null}
            {can(ctx.role, "organization.update") ? (
              <LinkButton variant="secondary" href={`/organizations/${organization.id}/edit`}>
                Edit details
              </LinkButton>
            ) : null}
          </>
        }
      />
      {flags.created === "1" ? (
        <Alert tone="success" className="mb-4">
          Organisation created.
        </Alert>
      ) : null}
      {flags.saved === "1" ? (
        <Alert tone="success" className="mb-4">
          Changes saved.
        </Alert>
      ) : null}

      {overdue.length ? (
        <Alert tone="warning" className="mb-4">
          {overdue.length} action{overdue.length === 1 ? " is" : "s are"} overdue:{" "}
          {overdue
            .slice(0, 3)
            .map((a) => a.title)
            .join("; ")}
          {overdue.length > 3 ? "; …" : ""}.{" "}
          <a className="font-medium underline" href="#actions">
            See the actions
          </a>
        </Alert>
      ) : null}
      {latest ? (
        <div className="space-y-6">
          <Card>
            <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">Where it stands: {latest.name}</h2>
              <Link
                className="text-sm font-medium text-brand-700 underline"
                href={`/assessments/${latest.assessmentId}/result`}
              >
                Full result with explanations
              </Link>
            </div>
            <DashboardHeadline headline={latest.headline} change={latest.change} />
          </Card>

          <Card>
            <h2 className="mb-3 text-lg font-semibold">Three-part diagnostic</h2>
            <DiagnosticStatusLights diagnostic={latest.diagnostic} />
          </Card>

          <Card>
            <h2 className="mb-3 text-lg font-semibold">Progress toward target</h2>
            <TargetProgress dimensions={latest.dimensions} baselineName={baselineName} />
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <DimensionsChart
                dimensions={latest.dimensions}
                roundName={latest.name}
                previousName={previousName}
                emptyHref={roundsHref}
              />
            </Card>
            <Card>
              <TrendChart
                points={dashboard.trend}
                closedRounds={dashboard.closedRounds}
                dimensions={latest.dimensions.map((d) => ({ id: d.id, name: d.name }))}
                emptyHref={roundsHref}
              />
            </Card>
          </div>

          <Card>
            <h2 className="mb-3 text-lg font-semibold">Next steps, in sequence</h2>
            <ActionOwnersProvider members={canManageActions ? dashboard.members : []}>
              <NextSteps
                recommendations={latest.recommendations}
                limit={5}
                indexMissing={latest.headline.index === null}
                unanswered={latest.dimensions.filter((d) => d.score === null).length}
                actionFor={(r) => {
                  const existing = actionOf.get(r.id);
                  if (existing)
                    return (
                      <p className="mt-2 text-sm text-slate-700">
                        Action: {ACTION_STATUS_LABELS[existing.status]}
                        {existing.overdue ? ", overdue" : ""}
                      </p>
                    );
                  return canManageActions ? (
                    <RecommendationActionForm
                      action={createActionAction}
                      organizationId={organization.id}
                      recommendation={{ id: r.id, title: r.title, dimension: r.dimension }}
                    />
                  ) : null;
                }}
              />
            </ActionOwnersProvider>
          </Card>

          {latest.visibilityGaps.length > 0 ? (
            <Card>
              <VisibilityGaps gaps={latest.visibilityGaps} />
            </Card>
          ) : null}

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <PerceptionChart perception={latest.perception} emptyHref={roundsHref} />
            </Card>
            <Card>
              <BlindSpotsChart blindSpots={latest.blindSpots} />
            </Card>
          </div>

          <Card>
            <AgreementHeatmap
              {...agreementRows(latest.agreement, dimensionNames)}
              minGroupSize={latest.minGroupSize}
            />
          </Card>

          {dashboard.comments ? (
            <Card>
              <CommentsSection
                comments={dashboard.comments}
                keyQuoteAction={canManage ? setKeyQuoteAction : undefined}
              />
            </Card>
          ) : null}

          <Card>
            <h2 className="mb-3 text-lg font-semibold">In context</h2>
            <ArticleContext
              findings={articleContext({
                organizationName: organization.name,
                stage: latest.headline.stage,
                stageName: latest.headline.stageName,
                readyToScale: latest.headline.readyToScale,
                caps: latest.headline.caps,
                dimensions: latest.dimensions,
                blindSpots: latest.blindSpots,
              })}
            />
          </Card>
        </div>
      ) : (
        <Card>
          <h2 className="text-lg font-semibold">Readiness</h2>
          <p className="mt-2 text-slate-600">
            No closed round yet{canManage ? ": open one" : ""}. When a round closes, its stage,
            readiness index, the seven dimensions, the three-part diagnostic, how each role sees it
            and the trend across rounds appear here.
          </p>
        </Card>
      )}

      <Card className="mt-6">
        <ActionsTable
          organizationId={organization.id}
          actions={dashboard.actions}
          dimensionNames={dimensionNames}
          statusAction={canManageActions ? updateActionStatusAction : undefined}
          rounds={dashboard.rounds}
        />
      </Card>

      <Card className="mt-6">
        <InitiativesSection
          organizationId={organization.id}
          initiatives={dashboard.initiatives}
          pipeline={dashboard.pipeline}
          canManage={can(ctx.role, "initiative.manage")}
        />
      </Card>

      {dashboard.assessmentCount > 0 ? (
        <Card className="mt-6">
          <ExportLinks
            href={`/api/v1/organizations/${organization.id}/data`}
            subject={organization.name}
          />
        </Card>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
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
    </>
  );
}
