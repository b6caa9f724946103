import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import { stepActionLine } from "@/lib/reports/words";
import { actionsByRecommendation, overdueTitles } from "@/lib/actions/overdue";
import { ownerName } from "@/lib/initiatives/owner-name";
import { DashboardHeadline } from "@/components/dashboard/headline";
import { DiagnosticStatusLights } from "@/components/dashboard/diagnostic";
import { NextSteps } from "@/components/dashboard/recommendations";
import { PrintButton } from "@/components/dashboard/print-button";
import { ArticleContext } from "@/components/dashboard/article-context";
import { DimensionsChart } from "@/components/charts/dimensions-chart";
import { TrendChart } from "@/components/charts/trend-chart";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";
import { articleContext } from "@/lib/dashboards/shape";

export const metadata: Metadata = { title: "Executive report" };

// The executive's one screen, read-only: where the organisation stands, the dimensions, the
// trend and the next steps. Printing it (or saving as PDF) gives two pages: the app shell and
// the buttons carry `no-print`, and page two starts at the next steps.
export default async function ExecutiveReportPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { ctx }] = await Promise.all([params, requirePageContext()]);
  const dashboard = await findOrganizationPage(ctx, id, ["actions"]);
  if (!dashboard) notFound();
  const { organization, latest, trend } = dashboard;
  // What was agreed between quarters: each next step's action, and what is overdue.
  const actionOf = actionsByRecommendation(dashboard.actions);
  const overdue = dashboard.actions.filter((a) => a.overdue);
  return (
    <article className="report space-y-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-medium uppercase tracking-wide text-brand-700">
            GapMap readiness report
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{organization.name}</h1>
          <p className="text-sm text-slate-600">
            {latest
              ? `${latest.name}, closed ${formatDate(new Date(latest.closedAt))} · framework ${latest.frameworkVersion} · ${latest.headline.respondents} respondents`
              : "No closed round yet"}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <Link href={`/organizations/${organization.id}`} className={buttonClass("secondary")}>
            Full dashboard
          </Link>
          {latest ? <PrintButton /> : null}
          <a
            className={buttonClass("secondary")}
            href={`/organizations/${organization.id}/report.pdf`}
            download
          >
            PDF (A4)
          </a>
          <a
            className={buttonClass("secondary")}
            href={`/organizations/${organization.id}/report.pdf?paper=letter`}
            download
          >
            PDF (Letter)
          </a>
          <a
            className={buttonClass("secondary")}
            href={`/organizations/${organization.id}/report.pptx`}
            download
          >
            Board deck (.pptx)
          </a>
        </div>
      </header>
      {latest ? (
        <>
          <DashboardHeadline headline={latest.headline} change={latest.change} compact />
          <DiagnosticStatusLights diagnostic={latest.diagnostic} />
          <div className="grid gap-5 lg:grid-cols-2 print:sm:grid-cols-2">
            <Card className="print:p-3 print:shadow-none">
              <DimensionsChart
                dimensions={latest.dimensions}
                roundName={latest.name}
                previousName={trend.at(-2)?.name ?? null}
              />
            </Card>
            <Card className="print:p-3 print:shadow-none">
              <TrendChart
                points={trend}
                closedRounds={dashboard.closedRounds}
                dimensions={latest.dimensions.map((d) => ({ id: d.id, name: d.name }))}
                selectable={false}
              />
            </Card>
          </div>
          <section className="report-page-two space-y-3">
            <h2 className="text-lg font-semibold">Next steps, in sequence</h2>
            {overdue.length ? (
              <p className="rounded-lg border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-950">
                <span aria-hidden>⚠ </span>
                <strong>
                  {overdue.length} action{overdue.length === 1 ? " is" : "s are"} overdue:
                </strong>{" "}
                {overdueTitles(overdue)}.
              </p>
            ) : null}
            <NextSteps
              recommendations={latest.recommendations}
              limit={5}
              indexMissing={latest.headline.index === null}
              unanswered={latest.dimensions.filter((d) => d.score === null).length}
              actionFor={
                can(ctx.role, "action.read")
                  ? (r) => {
                      const action = actionOf.get(r.id);
                      return (
                        <p className="mt-2 text-sm text-slate-700">
                          {stepActionLine(
                            action ? { ...action, owner: ownerName(action.owner) } : null,
                            r.ownerTitle,
                          )}
                        </p>
                      );
                    }
                  : undefined
              }
            />
          </section>
          <section className="space-y-3">
            <h2 className="text-lg font-semibold">In context</h2>
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
          </section>
        </>
      ) : (
        <Card>
          <p className="text-slate-700">
            No closed round yet: the report appears when the first round closes.
          </p>
        </Card>
      )}
    </article>
  );
}
