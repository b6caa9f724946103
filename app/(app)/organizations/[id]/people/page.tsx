import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { NoClosedRoundYet, OrganizationFrame } from "@/components/organizations/organization-frame";
import { VisibilityGaps } from "@/components/assessments/result-view";
import { PerceptionChart } from "@/components/charts/perception-chart";
import { BlindSpotsChart } from "@/components/charts/blind-spots-chart";
import { AgreementHeatmap } from "@/components/charts/agreement-heatmap";
import { agreementRows } from "@/components/charts/agreement-rows";
import { CommentsSection } from "@/components/comments/comments-section";
import { setKeyQuoteAction } from "../../../comments/actions";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { findOrganizationPage } from "@/lib/dashboards/data";

export const metadata: Metadata = { title: "Roles and comments" };

// How each role sees the latest closed round: where they differ, what some cannot see, how far
// each role agrees within itself, and what respondents wrote.
export default async function OrganizationPeoplePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { ctx } = await requirePageContext();
  const dashboard = await findOrganizationPage(ctx, id, ["comments"]);
  if (!dashboard) notFound();
  const { organization, latest } = dashboard;
  const canManage = can(ctx.role, "assessment.manage");
  const roundsHref = canManage ? `/organizations/${organization.id}/assessments/new` : undefined;
  const dimensionNames = Object.fromEntries((latest?.dimensions ?? []).map((d) => [d.id, d.name]));
  return (
    <OrganizationFrame page={dashboard} role={ctx.role} tab="people">
      {latest ? (
        <div className="space-y-6">
          <div>
            <h2 className="text-lg font-semibold">How each role answered {latest.name}</h2>
            <p className="mt-1 max-w-3xl text-slate-700">
              Where leadership and the people doing the work see it differently, what some cannot
              see, how far each role agrees, and what respondents wrote.
            </p>
          </div>
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
        </div>
      ) : (
        <NoClosedRoundYet
          organizationId={organization.id}
          title="How each role sees it"
          canManage={canManage}
        >
          When a round closes, how each role answered, their blind spots, how far each role agrees
          and what respondents wrote appear here.
        </NoClosedRoundYet>
      )}
    </OrganizationFrame>
  );
}
