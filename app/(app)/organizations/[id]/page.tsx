import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { NoClosedRoundYet, OrganizationFrame } from "@/components/organizations/organization-frame";
import { DashboardHeadline } from "@/components/dashboard/headline";
import { DiagnosticStatusLights } from "@/components/dashboard/diagnostic";
import { NextSteps } from "@/components/dashboard/recommendations";
import { ArticleContext } from "@/components/dashboard/article-context";
import { TargetProgress } from "@/components/dashboard/target-progress";
import { ACTION_STATUS_LABELS } from "@/components/actions/labels";
import {
  ActionOwnersProvider,
  RecommendationActionForm,
} from "@/components/actions/recommendation-action-form";
import { createActionAction } from "../../action-items/actions";
import { DimensionsChart } from "@/components/charts/dimensions-chart";
import { TrendChart } from "@/components/charts/trend-chart";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { articleContext } from "@/lib/dashboards/shape";
import { organizationPath } from "@/lib/organizations/paths";
import { actionsByRecommendation, overdueTitles } from "@/lib/actions/overdue";

export const metadata: Metadata = { title: "Organisation" };

// The overview tab: where the organisation stands, the diagnostic, the dimensions and their trend,
// and the next steps with their actions. How each role sees it, the actions, the initiatives and
// the rounds are tabs of their own, each read and rendered only when opened.
export default async function OrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const { ctx } = await requirePageContext();
  const dashboard = await findOrganizationPage(ctx, id, ["actions", "members"]);
  if (!dashboard) notFound();
  const { organization, latest } = dashboard;
  const canManage = can(ctx.role, "assessment.manage");
  const roundsHref = canManage ? `/organizations/${organization.id}/assessments/new` : undefined;
  const previousName = dashboard.trend.at(-2)?.name ?? null;
  const canManageActions = can(ctx.role, "action.manage");
  const actionOf = actionsByRecommendation(dashboard.actions);
  const overdue = dashboard.actions.filter((a) => a.overdue);
  const latestRound = latest ? dashboard.rounds.find((r) => r.id === latest.assessmentId) : null;
  const baselineId = latestRound?.baselineAssessmentId ?? latestRound?.previousAssessmentId ?? null;
  const baselineName = dashboard.rounds.find((r) => r.id === baselineId)?.name ?? null;
  return (
    <OrganizationFrame page={dashboard} role={ctx.role} tab="overview">
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
          {overdueTitles(overdue)}.{" "}
          <Link
            className="font-medium underline"
            href={organizationPath(organization.id, "actions")}
          >
            See the actions
          </Link>
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
        <NoClosedRoundYet organizationId={organization.id} title="Readiness" canManage={canManage}>
          When a round closes, its stage, readiness index, the seven dimensions, the three-part
          diagnostic, how each role sees it and the trend across rounds appear here.
        </NoClosedRoundYet>
      )}
    </OrganizationFrame>
  );
}
