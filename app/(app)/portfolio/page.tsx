import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { StageDistributionChart } from "@/components/charts/stage-distribution-chart";
import { PortfolioTable } from "@/components/dashboard/portfolio-table";
import { PortfolioFilters } from "@/components/dashboard/portfolio-filters";
import { requirePageContext } from "@/lib/auth/server";
import { getPortfolio, peerBenchmark, PEER_GROUP_MIN } from "@/lib/dashboards/data";
import {
  filterAndSortPortfolio,
  parsePortfolioQuery,
  stageDistribution,
} from "@/lib/dashboards/portfolio";
import { stageNames } from "@/lib/dashboards/shape";
import { latestFrameworkVersion } from "@/lib/framework";
import { can } from "@/lib/auth/roles";
import { getPortfolioPipeline } from "@/lib/initiatives/data";
import { PipelineChart } from "@/components/charts/pipeline-chart";
import { PipelineSummary } from "@/components/initiatives/pipeline-summary";
import { INITIATIVE_STATUS_LABELS } from "@/components/initiatives/labels";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ ctx }, params] = await Promise.all([requirePageContext(), searchParams]);
  const [rows, pipeline] = await Promise.all([
    getPortfolio(ctx),
    can(ctx.role, "initiative.read") ? getPortfolioPipeline(ctx) : null,
  ]);
  const query = parsePortfolioQuery(params);
  const visible = filterAndSortPortfolio(rows, query);
  const names = stageNames(latestFrameworkVersion);
  const sectors = [...new Set(rows.flatMap((r) => (r.sector ? [r.sector] : [])))].sort();
  // The benchmark is computed over the whole workspace, not the filtered list, so filtering
  // cannot shrink a group below 5 and make a single client recognisable.
  const benchmarks = new Map(sectors.map((s) => [s, peerBenchmark(rows, s)]));
  const distribution = stageDistribution(rows, names);
  const filtered = query.sector !== undefined || query.stage !== undefined;
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Every organisation you can see, from its latest closed round: stage, readiness index, change since the round before, and open rounds."
      />
      {rows.length === 0 ? (
        <EmptyState title="No organisations yet">
          <p>
            Add an organisation and run a round:{" "}
            <Link className="text-brand-700 underline" href="/organizations">
              Organisations
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card>
            <StageDistributionChart
              stages={distribution.stages}
              unassessed={distribution.unassessed}
              withoutStage={distribution.withoutStage}
            />
          </Card>
          {pipeline ? (
            <Card>
              <h2 className="mb-3 text-lg font-semibold">Initiatives across the portfolio</h2>
              <div className="grid gap-6 lg:grid-cols-2">
                <PipelineChart
                  title="Pipeline: initiatives by status"
                  pipeline={pipeline.byStatus.map((p) => ({
                    status: p.status,
                    label: INITIATIVE_STATUS_LABELS[p.status],
                    count: p.count,
                  }))}
                />
                <PipelineSummary
                  conversion={pipeline.conversion}
                  held={pipeline.held}
                  share={{
                    withPilots: pipeline.organizationsWithPilots,
                    atThreshold: pipeline.organizationsAtThreshold,
                    rate: pipeline.shareAtThreshold,
                  }}
                  organizationNames={pipeline.organizationNames}
                />
              </div>
            </Card>
          ) : null}
          <Card>
            <PortfolioFilters
              sectors={sectors}
              stageNames={Object.fromEntries(names)}
              query={query}
            />
            <p className="mt-4 text-sm text-slate-600" aria-live="polite">
              {visible.length} of {rows.length} organisation{rows.length === 1 ? "" : "s"}
              {filtered ? " match the filters" : ""}.
            </p>
            <PortfolioTable
              rows={visible}
              query={query}
              benchmarks={Object.fromEntries(benchmarks)}
              stageNames={Object.fromEntries(names)}
            />
            <p className="mt-3 text-xs text-slate-500">
              Peer benchmark: the median index of the organisations of the same sector in this
              workspace, shown only where at least {PEER_GROUP_MIN} share the sector, so no single
              client can be recognised.
            </p>
          </Card>
        </div>
      )}
    </>
  );
}
