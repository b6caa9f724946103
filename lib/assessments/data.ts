import "server-only";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { getDb, Prisma } from "@/lib/db";
import { cursorCodec, toPage } from "@/lib/pagination/cursors";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import type { RespondentRole } from "@/lib/framework";
import { assessmentScope } from "./scope";

export const assessmentSelect = {
  id: true,
  organizationId: true,
  name: true,
  frameworkVersion: true,
  state: true,
  roles: true,
  anonymous: true,
  minGroupSize: true,
  opensAt: true,
  closesAt: true,
  targets: true,
  previousAssessmentId: true,
  baselineAssessmentId: true,
  focusInitiativeId: true,
  showPreviousAnswers: true,
  createdAt: true,
  openedAt: true,
  closedAt: true,
} as const;

export type AssessmentView = {
  id: string;
  organizationId: string;
  name: string;
  frameworkVersion: string;
  state: "draft" | "open" | "closed";
  roles: RespondentRole[];
  anonymous: boolean;
  minGroupSize: number;
  opensAt: Date | null;
  closesAt: Date | null;
  targets: Record<string, number> | null;
  previousAssessmentId: string | null;
  /** The first round of the chain of retakes; progress toward target is measured from it. */
  baselineAssessmentId: string | null;
  focusInitiativeId: string | null;
  showPreviousAnswers: boolean;
  createdAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
};

type Row = Omit<AssessmentView, "roles" | "targets"> & { roles: unknown; targets: unknown };

export function toAssessmentView(row: Row): AssessmentView {
  return {
    ...row,
    roles: Array.isArray(row.roles) ? (row.roles as RespondentRole[]) : [],
    targets:
      row.targets && typeof row.targets === "object"
        ? (row.targets as Record<string, number>)
        : null,
  };
}

// Newest first; the id orders rounds created in the same millisecond.
const newestFirst = cursorCodec("assessments.created", "date");

/** An organisation's rounds, one keyset page at a time (`invalid_cursor` for a bad cursor). */
export async function listAssessments(
  ctx: WorkspaceContext,
  organizationId: string,
  page: { cursor?: string; limit?: number } = {},
): Promise<{ items: AssessmentView[]; nextCursor: string | null }> {
  assertCan(ctx, "assessment.read");
  const db = getDb();
  await scopedOrganizationId(ctx, organizationId);
  const limit = page.limit ?? 100;
  const at = page.cursor === undefined ? null : newestFirst.decode(page.cursor);
  const rows = await db.assessment.findMany({
    where: {
      ...assessmentScope(ctx),
      organizationId,
      ...(at
        ? { OR: [{ createdAt: { lt: at.key } }, { createdAt: at.key, id: { lt: at.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: assessmentSelect,
  });
  const { items, nextCursor } = toPage(rows, limit, (row) =>
    newestFirst.encode(row.createdAt, row.id),
  );
  return { items: items.map(toAssessmentView), nextCursor };
}

export async function findAssessment(
  ctx: WorkspaceContext,
  id: string,
): Promise<AssessmentView | null> {
  assertCan(ctx, "assessment.read");
  const row = await getDb().assessment.findFirst({
    where: { ...assessmentScope(ctx), id },
    select: assessmentSelect,
  });
  return row ? toAssessmentView(row) : null;
}

export async function getAssessment(ctx: WorkspaceContext, id: string): Promise<AssessmentView> {
  const assessment = await findAssessment(ctx, id);
  if (!assessment) throw notFound("Assessment");
  return assessment;
}

export type RoleProgress = { role: string; invited: number; started: number; submitted: number };
export type AssessmentProgress = {
  invited: number;
  started: number;
  submitted: number;
  completionRate: number;
  byRole: RoleProgress[];
  /** When respondents started, so a burst of starts on an open link is visible. */
  startsOverTime: StartsOverTime;
  /** Named rounds only: who has not submitted yet, for a reminder. */
  pending: {
    invitationId: string;
    name: string | null;
    email: string | null;
    role: string;
    started: boolean;
  }[];
};

export type StartsBucket = { from: Date; count: number };
export type StartsOverTime = {
  bucketMinutes: number;
  total: number;
  busiest: StartsBucket | null;
  /** Periods with at least one start, latest first, at most STARTS_PERIODS_SHOWN. */
  buckets: StartsBucket[];
  /** Earlier periods with starts that are not in `buckets`. */
  earlier: number;
};

export const STARTS_BUCKET_MINUTES = 10;
const STARTS_PERIODS_SHOWN = 24;

/** Counts start times per 10-minute period (aligned to the clock, UTC). */
function startsOverTime(startedAt: Date[]): StartsOverTime {
  const bucketMs = STARTS_BUCKET_MINUTES * 60 * 1000;
  const counts = new Map<number, number>();
  for (const date of startedAt) {
    const from = Math.floor(date.getTime() / bucketMs) * bucketMs;
    counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  const all = [...counts]
    .sort(([a], [b]) => b - a)
    .map(([from, count]) => ({ from: new Date(from), count }));
  const busiest = all.reduce<StartsBucket | null>(
    (top, bucket) => (top === null || bucket.count > top.count ? bucket : top),
    null,
  );
  return {
    bucketMinutes: STARTS_BUCKET_MINUTES,
    total: startedAt.length,
    busiest,
    buckets: all.slice(0, STARTS_PERIODS_SHOWN),
    earlier: Math.max(0, all.length - STARTS_PERIODS_SHOWN),
  };
}

export async function getAssessmentProgress(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<AssessmentProgress> {
  const assessment = await getAssessment(ctx, assessmentId);
  const invitations = await getDb().assessmentInvitation.findMany({
    where: { assessmentId: assessment.id, kind: "personal", revokedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      response: { select: { startedAt: true, submittedAt: true } },
    },
  });
  const byRole = new Map<string, RoleProgress>();
  let started = 0;
  let submitted = 0;
  for (const inv of invitations) {
    const role = inv.role ?? "unknown";
    const entry = byRole.get(role) ?? { role, invited: 0, started: 0, submitted: 0 };
    entry.invited++;
    if (inv.response?.startedAt) {
      entry.started++;
      started++;
    }
    if (inv.response?.submittedAt) {
      entry.submitted++;
      submitted++;
    }
    byRole.set(role, entry);
  }
  return {
    invited: invitations.length,
    started,
    submitted,
    completionRate: invitations.length
      ? Math.round((submitted / invitations.length) * 100) / 100
      : 0,
    byRole: [...byRole.values()].sort((a, b) => a.role.localeCompare(b.role)),
    startsOverTime: startsOverTime(
      invitations.flatMap((i) => (i.response?.startedAt ? [i.response.startedAt] : [])),
    ),
    pending: assessment.anonymous
      ? []
      : invitations
          .filter((i) => !i.response?.submittedAt)
          .map((i) => ({
            invitationId: i.id,
            name: i.name,
            email: i.email,
            role: i.role ?? "unknown",
            started: Boolean(i.response?.startedAt),
          })),
  };
}

/** The round that continues this one ("Start next round" or a later new round), if any. */
export async function findFollowingRound(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<{ id: string; name: string } | null> {
  assertCan(ctx, "assessment.read");
  return getDb().assessment.findFirst({
    where: { ...assessmentScope(ctx), previousAssessmentId: assessmentId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** The targets a new round starts from: the organisation's newest round's (carried over). */
export async function carriedTargets(
  ctx: WorkspaceContext,
  organizationId: string,
): Promise<Record<string, number>> {
  assertCan(ctx, "assessment.read");
  const rows = await getDb().assessment.findMany({
    where: { ...assessmentScope(ctx), organizationId, targets: { not: Prisma.DbNull } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: assessmentSelect,
  });
  return rows[0] ? (toAssessmentView(rows[0]).targets ?? {}) : {};
}
