import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { organizationScope } from "@/lib/organizations/scope";
import { assessmentScope } from "./scope";

// Organisations due for a retake: the last closed round is older than the workspace's interval
// (a quarter by default) and no later round has been started. The mail code ("retake due"
// notices) calls listRetakesDue with a system context of the workspace.

export type RetakeDue = {
  organizationId: string;
  organizationName: string;
  lastRound: { id: string; name: string; closedAt: Date };
  /** When the retake fell due: the last round's close plus the interval. */
  dueSince: Date;
  daysOverdue: number;
};

export type RetakesDue = {
  intervalDays: number;
  due: RetakeDue[];
  /** Organisations whose next round is already started (draft or open), so not due. */
  inProgress: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Pure: which organisations are due, given each one's rounds. Longest overdue first. */
export function retakesDueOf(
  organizations: {
    id: string;
    name: string;
    rounds: { id: string; name: string; state: string; closedAt: Date | null; createdAt: Date }[];
  }[],
  intervalDays: number,
  now: Date,
): { due: RetakeDue[]; inProgress: number } {
  const due: RetakeDue[] = [];
  let inProgress = 0;
  for (const organization of organizations) {
    const closed = organization.rounds
      .flatMap((r) => (r.state === "closed" && r.closedAt ? [{ ...r, closedAt: r.closedAt }] : []))
      .sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime());
    const last = closed[0];
    if (!last) continue;
    const started = organization.rounds.some((r) => r.state !== "closed");
    const dueSince = new Date(last.closedAt.getTime() + intervalDays * DAY_MS);
    if (dueSince > now) continue;
    if (started) {
      inProgress++;
      continue;
    }
    due.push({
      organizationId: organization.id,
      organizationName: organization.name,
      lastRound: { id: last.id, name: last.name, closedAt: last.closedAt },
      dueSince,
      daysOverdue: Math.floor((now.getTime() - dueSince.getTime()) / DAY_MS),
    });
  }
  due.sort(
    (a, b) =>
      a.dueSince.getTime() - b.dueSince.getTime() ||
      a.organizationName.localeCompare(b.organizationName, "en"),
  );
  return { due, inProgress };
}

export async function listRetakesDue(ctx: WorkspaceContext, now = new Date()): Promise<RetakesDue> {
  assertCan(ctx, "assessment.read");
  const db = getDb();
  const [workspace, organizations] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { retakeIntervalDays: true },
    }),
    db.organization.findMany({
      where: organizationScope(ctx),
      orderBy: { nameKey: "asc" },
      select: {
        id: true,
        name: true,
        assessments: {
          where: assessmentScope(ctx),
          select: { id: true, name: true, state: true, closedAt: true, createdAt: true },
        },
      },
    }),
  ]);
  const { due, inProgress } = retakesDueOf(
    organizations.map((o) => ({ id: o.id, name: o.name, rounds: o.assessments })),
    workspace.retakeIntervalDays,
    now,
  );
  return { intervalDays: workspace.retakeIntervalDays, due, inProgress };
}
