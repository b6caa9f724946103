import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { organizationScope } from "@/lib/organizations/scope";
import { organizationSelect, type OrganizationView } from "@/lib/organizations/data";
import { assessmentSelect, toAssessmentView, type AssessmentView } from "@/lib/assessments/data";
import { assessmentScope } from "@/lib/assessments/scope";
import { shortList, unblocksOf, type ScoreResult } from "@/lib/scoring";
import { buildHeadline, type Headline } from "@/lib/results/headline";
import {
  readScoredInputOfScopedAssessment,
  readSnapshotsOfScopedAssessments,
} from "@/lib/results/data";
import {
  buildAgreementHeatmap,
  buildBlindSpots,
  buildDimensions,
  buildPerception,
  buildTrend,
  type AgreementCell,
  type DashboardDimension,
  type PerceptionView,
  type TrendPoint,
} from "./shape";
import { can, seesOnlyGrantedOrganizations } from "@/lib/auth/roles";
import { readActionsOfScopedOrganization, type ActionView } from "@/lib/actions/data";
import {
  membersToOwn,
  pipelineOf,
  readInitiativesOfScopedOrganization,
  type InitiativeView,
  type Pipeline,
} from "@/lib/initiatives/data";
import { readCommentsOfScopedAssessment } from "@/lib/comments/data";
import type { CommentsView } from "@/lib/comments/shape";

// Dashboards read the immutable result snapshots of closed rounds, never live answers, so a
// changed framework never rewrites what a dashboard showed.

export type OrganizationDashboard = {
  organization: { id: string; name: string; sector: string | null };
  openRounds: number;
  /** Closed rounds, with or without a readiness index (the trend has only those with one). */
  closedRounds: number;
  latest: null | {
    assessmentId: string;
    name: string;
    closedAt: string;
    frameworkVersion: string;
    minGroupSize: number;
    headline: Headline;
    /** index and stage are null where either round has no index (too few answers). */
    change: null | { index: number | null; stage: number | null; since: string };
    dimensions: DashboardDimension[];
    diagnostic: ScoreResult["diagnostic"];
    perception: PerceptionView;
    blindSpots: {
      dimension: string;
      name: string;
      share: number;
      questions: { id: string; text: string; share: number }[];
    }[];
    agreement: AgreementCell[];
    recommendations: ScoreResult["recommendations"];
    /** 2027.2 on: what some roles cannot see of practices others rated (empty before). */
    visibilityGaps: NonNullable<ScoreResult["visibilityGaps"]>;
  };
  trend: TrendPoint[];
};

type ShapedDashboard = Pick<OrganizationDashboard, "latest" | "trend">;

// Results are immutable snapshots, so what a dashboard derives from them (the trend, the latest
// round's shapes, the agreement heatmap from its answers) is kept per process, keyed by the
// workspace, the organisation and every closed round's result id, computation time, name and
// minimum group size. Access is still checked on every call (the organisation is looked up with
// the caller's scope first), and the key is read from the database each time, so a closed,
// renamed or re-scored round is a new key: the memo never serves what the database no longer says.
// It only saves loading and parsing every round's snapshot and the latest round's answers.
const SHAPED_LIMIT = 500;
const shapedMemo = new Map<string, ShapedDashboard>();

function remember(key: string, value: ShapedDashboard): void {
  shapedMemo.set(key, value);
  // Map keeps insertion order: the first key is the one least recently stored or used.
  if (shapedMemo.size > SHAPED_LIMIT) shapedMemo.delete(shapedMemo.keys().next().value!);
}

function recall(key: string): ShapedDashboard | undefined {
  const value = shapedMemo.get(key);
  if (value) {
    shapedMemo.delete(key);
    shapedMemo.set(key, value);
  }
  return value;
}

/** The dashboard part of the organisation page, for the API (organisation's id, name, sector). */
export async function getOrganizationDashboard(
  ctx: WorkspaceContext,
  organizationId: string,
): Promise<OrganizationDashboard> {
  const page = await findOrganizationPage(ctx, organizationId, []);
  if (!page) throw notFound("Organisation");
  const { id, name, sector } = page.organization;
  return {
    organization: { id, name, sector },
    openRounds: page.openRounds,
    closedRounds: page.closedRounds,
    latest: page.latest,
    trend: page.trend,
  };
}

/** What every tab of the organisation page shows: the organisation, its rounds, its dashboard. */
export type OrganizationPageBase = Omit<OrganizationDashboard, "organization"> & {
  organization: OrganizationView;
  /** The newest rounds first, at most ASSESSMENTS_ON_PAGE; `assessmentCount` says how many there are. */
  rounds: AssessmentView[];
  assessmentCount: number;
};

/** What only some tabs show, each read only when the tab asks for it. */
export type OrganizationPageParts = {
  /** The organisation's initiatives, oldest first, and how many are at each status. */
  initiatives: { list: InitiativeView[]; pipeline: Pipeline };
  /** The organisation's actions, oldest first, each saying whether it is overdue. */
  actions: ActionView[];
  /** Who can be named owner of an initiative or action; empty for a caller who cannot edit. */
  members: { id: string; name: string; email: string }[];
  /** The latest closed round's comments the caller may see (anonymity and minimum group applied). */
  comments: CommentsView | null;
};
export type OrganizationPart = keyof OrganizationPageParts;
export const ORGANIZATION_PARTS = [
  "initiatives",
  "actions",
  "members",
  "comments",
] as const satisfies readonly OrganizationPart[];

// Every part is listed: a part added to OrganizationPageParts but not here fails to compile.
const allPartsListed: Exclude<OrganizationPart, (typeof ORGANIZATION_PARTS)[number]> extends never
  ? true
  : never = true;
void allPartsListed;

export type OrganizationPage<P extends OrganizationPart = OrganizationPart> = OrganizationPageBase &
  Pick<OrganizationPageParts, P>;

export const ASSESSMENTS_ON_PAGE = 20;

/**
 * What one tab of the organisation page shows, in one call: the organisation once, every round
 * once (the rounds list and the dashboard's closed rounds both come from that one query), the
 * snapshots from the memo or the database, and only the parts the tab asks for (all of them when
 * it names none). Null when the caller may not see the organisation.
 */
export async function findOrganizationPage<P extends OrganizationPart = OrganizationPart>(
  ctx: WorkspaceContext,
  organizationId: string,
  parts: readonly P[] = ORGANIZATION_PARTS as readonly OrganizationPart[] as readonly P[],
): Promise<OrganizationPage<P> | null> {
  assertCan(ctx, "assessment.read");
  const want = new Set<OrganizationPart>(parts);
  const db = getDb();
  const organization = await db.organization.findFirst({
    where: { ...organizationScope(ctx), id: organizationId },
    select: organizationSelect,
  });
  if (!organization) return null;
  const [assessments, initiatives, actions, members] = await Promise.all([
    db.assessment.findMany({
      where: { ...assessmentScope(ctx), organizationId: organization.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { ...assessmentSelect, result: { select: { id: true, computedAt: true } } },
    }),
    !want.has("initiatives")
      ? null
      : can(ctx.role, "initiative.read")
        ? readInitiativesOfScopedOrganization(ctx, organization.id)
        : [],
    !want.has("actions")
      ? null
      : can(ctx.role, "action.read")
        ? readActionsOfScopedOrganization(ctx, organization.id)
        : [],
    want.has("members") ? membersToOwn(ctx) : null,
  ]);
  const openRounds = assessments.filter((a) => a.state !== "closed").length;
  const rounds = assessments
    .flatMap((a) =>
      a.state === "closed" && a.result && a.closedAt
        ? [{ ...a, closedAt: a.closedAt, result: a.result }]
        : [],
    )
    .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || (a.id < b.id ? -1 : 1));
  const key = [
    ctx.workspaceId,
    organization.id,
    ...rounds.map((r) =>
      [
        r.id,
        r.result.id,
        r.result.computedAt.getTime(),
        r.closedAt.getTime(),
        r.minGroupSize,
        r.name,
      ].join("\u0000"),
    ),
  ].join("\u0001");
  const last = rounds.at(-1);
  const [shaped, comments] = await Promise.all([
    recall(key) ?? shapeDashboard(rounds),
    // Not in the memo: marking a key quote changes them without a new result.
    last && want.has("comments") ? readCommentsOfScopedAssessment(last) : null,
  ]);
  remember(key, shaped);
  const page: OrganizationPageBase & Partial<OrganizationPageParts> = {
    organization,
    openRounds,
    closedRounds: rounds.length,
    rounds: assessments
      .slice(0, ASSESSMENTS_ON_PAGE)
      .map(({ result: _, ...row }) => toAssessmentView(row)),
    assessmentCount: assessments.length,
    ...shaped,
    ...(initiatives
      ? { initiatives: { list: initiatives, pipeline: pipelineOf(initiatives) } }
      : {}),
    ...(actions ? { actions } : {}),
    ...(members ? { members } : {}),
    ...(want.has("comments") ? { comments } : {}),
  };
  // Every part the tab asked for is set above.
  return page as OrganizationPage<P>;
}

/**
 * The rounds come from the caller's scoped query, so their ids are already authorized; the
 * snapshots are read by assessment id alone, which is the unique index (adding the workspace made
 * SQLite scan every result of the workspace: 25 ms instead of 5 with 10,000 results).
 */
async function shapeDashboard(
  rounds: { id: string; name: string; closedAt: Date; minGroupSize: number }[],
): Promise<ShapedDashboard> {
  const last = rounds.at(-1);
  const [snapshots, input] = await Promise.all([
    readSnapshotsOfScopedAssessments(rounds.map((r) => r.id)),
    // The answers are read only for the latest round, for the agreement heatmap by role.
    last ? readScoredInputOfScopedAssessment(last.id) : null,
  ]);
  const scored = rounds.flatMap((r) => {
    const snapshot = snapshots.get(r.id);
    return snapshot
      ? [
          {
            id: r.id,
            name: r.name,
            closedAt: r.closedAt,
            minGroupSize: r.minGroupSize,
            frameworkVersion: snapshot.frameworkVersion,
            result: snapshot.result,
          },
        ]
      : [];
  });
  const trend = buildTrend(scored);
  const latest = scored.at(-1);
  if (!latest) return { latest: null, trend };
  const previous = scored.at(-2) ?? null;
  const r = latest.result;
  return {
    trend,
    latest: {
      assessmentId: latest.id,
      name: latest.name,
      closedAt: latest.closedAt.toISOString(),
      frameworkVersion: latest.frameworkVersion,
      minGroupSize: latest.minGroupSize,
      headline: buildHeadline(r),
      change: previous
        ? {
            // null where either round has no index (too few answers, 2027.2 on).
            index: difference(r.overall.score, previous.result.overall.score, 10),
            stage: difference(r.overall.stage, previous.result.overall.stage, 1),
            since: previous.name,
          }
        : null,
      dimensions: buildDimensions(r, previous?.result ?? null),
      diagnostic: r.diagnostic,
      perception: buildPerception(r, latest.minGroupSize),
      blindSpots: buildBlindSpots(r),
      agreement: buildAgreementHeatmap(r, input, latest.minGroupSize),
      recommendations: nextSteps(r, 8),
      visibilityGaps: r.visibilityGaps ?? [],
    },
  };
}

/**
 * The first next steps, always with what unblocks each blocker (rule 9), each saying what it
 * unblocks (read from the result's own diagnostic for results before 2027.2).
 */
function nextSteps(r: ScoreResult, limit: number): ScoreResult["recommendations"] {
  return shortList(
    r.recommendations.map((rec) => {
      const unblocks = unblocksOf(rec, r.diagnostic);
      return { ...rec, unblocks, blocksScaling: unblocks.length > 0 };
    }),
    limit,
  );
}

function difference(after: number | null, before: number | null, scale: number): number | null {
  return after === null || before === null ? null : Math.round((after - before) * scale) / scale;
}

export type PortfolioRow = {
  id: string;
  name: string;
  sector: string | null;
  region: string | null;
  stage: number | null;
  index: number | null;
  change: number | null;
  readyToScale: boolean | null;
  lastAssessed: string | null;
  openRounds: number;
};

/** One row per organisation the member can see, from the results' headline columns only. */
export async function getPortfolio(ctx: WorkspaceContext): Promise<PortfolioRow[]> {
  assertCan(ctx, "assessment.read");
  const db = getDb();
  const [organizations, results, open] = await Promise.all([
    db.organization.findMany({
      where: organizationScope(ctx),
      orderBy: { nameKey: "asc" },
      select: { id: true, name: true, sector: true, region: true },
    }),
    db.result.findMany({
      where: {
        workspaceId: ctx.workspaceId,
        ...(seesOnlyGrantedOrganizations(ctx.role) ? { assessment: assessmentScope(ctx) } : {}),
      },
      orderBy: [{ computedAt: "desc" }, { id: "desc" }],
      select: {
        organizationId: true,
        score: true,
        stage: true,
        readyToScale: true,
        computedAt: true,
      },
    }),
    db.assessment.groupBy({
      by: ["organizationId"],
      where: { ...assessmentScope(ctx), state: "open" },
      _count: { _all: true },
    }),
  ]);
  const latestTwo = new Map<string, (typeof results)[number][]>();
  for (const row of results) {
    const list = latestTwo.get(row.organizationId) ?? [];
    if (list.length < 2) list.push(row);
    latestTwo.set(row.organizationId, list);
  }
  const openBy = new Map(open.map((o) => [o.organizationId, o._count._all]));
  return organizations.map((o) => {
    const [latest, previous] = latestTwo.get(o.id) ?? [];
    return {
      ...o,
      stage: latest?.stage ?? null,
      index: latest?.score ?? null,
      change: latest && previous ? difference(latest.score, previous.score, 10) : null,
      readyToScale: latest?.readyToScale ?? null,
      lastAssessed: latest?.computedAt.toISOString() ?? null,
      openRounds: openBy.get(o.id) ?? 0,
    };
  });
}

export const PEER_GROUP_MIN = 5;

/** The sector's median index in this workspace, only when at least 5 organisations share it. */
export function peerBenchmark(
  rows: PortfolioRow[],
  sector: string | null,
): { sector: string; median: number; size: number } | null {
  if (!sector) return null;
  const peers = rows
    .filter((r) => r.sector === sector && r.index !== null)
    .map((r) => r.index as number)
    .sort((a, b) => a - b);
  if (peers.length < PEER_GROUP_MIN) return null;
  const mid = Math.floor(peers.length / 2);
  const median = peers.length % 2 ? peers[mid]! : (peers[mid - 1]! + peers[mid]!) / 2;
  return { sector, median: Math.round(median * 10) / 10, size: peers.length };
}
