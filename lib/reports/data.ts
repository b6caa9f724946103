import "server-only";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { findOrganizationPage, type OrganizationPage } from "@/lib/dashboards/data";
import { ARTICLE_FIGURES, articleContext, type ContextFinding } from "@/lib/dashboards/shape";
import { readKeyQuotesOfScopedRounds, type KeyQuote } from "@/lib/comments/data";
import type { ActionView } from "@/lib/actions/data";
import { actionsByRecommendation } from "@/lib/actions/overdue";
import { ownerName } from "@/lib/initiatives/owner-name";
import { readWorkspaceLogo, type WorkspaceLogo } from "@/lib/workspaces/data";

// What the PDF report and the board deck show, built from the same reads as the organisation
// page (lib/dashboards: headline, dimensions, trend, diagnostic, recommendations, initiatives,
// actions) so a report never says something the dashboard does not. Nothing is recomputed here.

export const NEXT_STEPS_IN_REPORT = 6;
export const KEY_QUOTES_IN_REPORT = 12;

export type ReportNextStep = {
  order: number;
  step: number;
  stepName: string;
  title: string;
  why: string;
  dimensionName: string;
  /** The role the framework names as owner, when no one owns the step yet. */
  ownerTitle: string;
  /** The action someone owns for it, when there is one. */
  action: null | {
    owner: string | null;
    dueDate: Date | null;
    status: ActionView["status"];
    overdue: boolean;
  };
};

export type ReportData = {
  workspace: { name: string; logo: WorkspaceLogo | null };
  organization: OrganizationPage["organization"];
  generatedAt: Date;
  closedRounds: number;
  latest: OrganizationPage["latest"];
  /** The round before the latest, by name, for "against last round". */
  previousName: string | null;
  trend: OrganizationPage["trend"];
  /** Empty when the caller's role may not read initiatives. */
  initiatives: OrganizationPage["initiatives"]["list"];
  pipeline: OrganizationPage["initiatives"]["pipeline"];
  nextSteps: ReportNextStep[];
  /** Actions not tied to a recommendation in the next steps (written by hand, or older). */
  otherActions: ActionView[];
  keyQuotes: KeyQuote[];
  context: ContextFinding[];
  /** Every figure of the article the method rests on, with its source. */
  figures: { figure: string; source: string }[];
};

/** The report of an organisation the caller may read (404 otherwise), as of now. */
export async function getReportData(
  ctx: WorkspaceContext,
  organizationId: string,
  now: Date = new Date(),
): Promise<ReportData> {
  const page = await findOrganizationPage(ctx, organizationId, ["initiatives", "actions"]);
  if (!page) throw notFound("Organisation");
  const closed = page.rounds.filter((r) => r.state === "closed");
  const [logo, quotes] = await Promise.all([
    readWorkspaceLogo(ctx),
    readKeyQuotesOfScopedRounds([...closed].reverse()),
  ]);
  const latest = page.latest;
  const dimensionNames = new Map(latest?.dimensions.map((d) => [d.id, d.name]) ?? []);
  const actionOf = actionsByRecommendation(page.actions);
  const recommendations = (latest?.recommendations ?? []).slice(0, NEXT_STEPS_IN_REPORT);
  const nextSteps = recommendations.map((r, i): ReportNextStep => {
    const action = actionOf.get(r.id);
    return {
      order: i + 1,
      step: r.step,
      stepName: r.stepName,
      title: r.title,
      why: r.why,
      dimensionName: dimensionNames.get(r.dimension) ?? r.dimension,
      ownerTitle: r.ownerTitle,
      action: action
        ? {
            owner: ownerName(action.owner),
            dueDate: action.dueDate,
            status: action.status,
            overdue: action.overdue,
          }
        : null,
    };
  });
  const inSteps = new Set(recommendations.map((r) => r.id));
  return {
    workspace: { name: ctx.workspaceName, logo },
    organization: page.organization,
    generatedAt: now,
    closedRounds: page.closedRounds,
    latest,
    previousName: page.trend.length >= 2 ? (page.trend.at(-2)?.name ?? null) : null,
    trend: page.trend,
    initiatives: page.initiatives.list,
    pipeline: page.initiatives.pipeline,
    nextSteps,
    otherActions: page.actions.filter(
      (a) =>
        (a.status === "open" || a.status === "in_progress") &&
        !(a.recommendationId && inSteps.has(a.recommendationId)),
    ),
    keyQuotes: quotes.slice(0, KEY_QUOTES_IN_REPORT),
    context: latest
      ? articleContext({
          organizationName: page.organization.name,
          stage: latest.headline.stage,
          stageName: latest.headline.stageName,
          readyToScale: latest.headline.readyToScale,
          caps: latest.headline.caps,
          dimensions: latest.dimensions,
          blindSpots: latest.blindSpots,
        })
      : [],
    figures: Object.values(ARTICLE_FIGURES),
  };
}
