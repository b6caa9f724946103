import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { organizationScope } from "@/lib/organizations/scope";
import { assessmentScope } from "@/lib/assessments/scope";
import { findFramework } from "@/lib/framework";
import { compare, type Comparison } from "@/lib/scoring";
import { readSnapshotsOfScopedAssessments } from "@/lib/results/data";
import { can } from "@/lib/auth/roles";
import { actionScope } from "@/lib/actions/scope";

// Two closed rounds of one organisation side by side, from their immutable result snapshots.
// Scoped exactly like the dashboard: another workspace's, or an ungranted organisation's, round
// is simply not found.

export type ClosedAssessment = {
  id: string;
  name: string;
  closedAt: string;
  frameworkVersion: string;
};

export type AssessmentComparison = {
  organization: { id: string; name: string };
  rounds: ClosedAssessment[];
  before: ClosedAssessment | null;
  after: ClosedAssessment | null;
  comparison:
    | null
    | (Comparison & {
        dimensionNames: Record<string, string>;
        diagnosticNames: Record<string, string>;
        /** Question texts in the newer round's framework, falling back to the older one's. */
        questionTexts: Record<string, string>;
        /**
         * Per dimension, the actions done between the two rounds (completed after the earlier
         * round closed and before the later one did), to read beside the questions that moved.
         */
        actionsDone: Record<string, ActionDone[]>;
      });
};

export type ActionDone = { id: string; title: string; completedAt: string; owner: string | null };

export async function getAssessmentComparison(
  ctx: WorkspaceContext,
  organizationId: string,
  choice: { before?: string; after?: string } = {},
): Promise<AssessmentComparison> {
  assertCan(ctx, "assessment.read");
  const db = getDb();
  const organization = await db.organization.findFirst({
    where: { ...organizationScope(ctx), id: organizationId },
    select: { id: true, name: true },
  });
  if (!organization) throw notFound("Organisation");
  const rows = await db.assessment.findMany({
    where: { ...assessmentScope(ctx), organizationId, state: "closed", result: { isNot: null } },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      closedAt: true,
      result: { select: { frameworkVersion: true } },
    },
  });
  const rounds: ClosedAssessment[] = rows.flatMap((r) =>
    r.closedAt && r.result
      ? [
          {
            id: r.id,
            name: r.name,
            closedAt: r.closedAt.toISOString(),
            frameworkVersion: r.result.frameworkVersion,
          },
        ]
      : [],
  );
  const pick = (id: string | undefined, fallback: ClosedAssessment | undefined) => {
    if (!id) return fallback ?? null;
    const round = rounds.find((r) => r.id === id);
    if (!round) throw notFound("Closed round");
    return round;
  };
  // Defaults: the last two closed rounds, older first.
  const before = pick(choice.before, rounds.at(-2));
  const after = pick(choice.after, rounds.at(-1));
  if (!before || !after || before.id === after.id)
    return { organization, rounds, before, after, comparison: null };
  const snapshots = await readSnapshotsOfScopedAssessments([before.id, after.id]);
  const b = snapshots.get(before.id)?.result;
  const a = snapshots.get(after.id)?.result;
  if (!b || !a) throw notFound("Result");
  const comparison = compare(b, a);
  const questionTexts: Record<string, string> = {};
  const dimensionNames: Record<string, string> = {};
  const diagnosticNames: Record<string, string> = {};
  // Older framework first so the newer wording wins where both have a question.
  for (const version of [
    comparison.questionMapping.fromVersion,
    comparison.questionMapping.toVersion,
  ]) {
    const framework = findFramework(version);
    for (const part of framework?.diagnostic.parts ?? []) diagnosticNames[part.id] = part.name;
    for (const d of framework?.dimensions ?? []) {
      dimensionNames[d.id] = d.name;
      for (const q of d.questions) questionTexts[q.id] = q.text;
    }
  }
  const actionsDone = can(ctx.role, "action.read")
    ? await readActionsDoneBetween(ctx, organization.id, before, after)
    : {};
  return {
    organization,
    rounds,
    before,
    after,
    comparison: { ...comparison, dimensionNames, diagnosticNames, questionTexts, actionsDone },
  };
}

async function readActionsDoneBetween(
  ctx: WorkspaceContext,
  organizationId: string,
  before: ClosedAssessment,
  after: ClosedAssessment,
): Promise<Record<string, ActionDone[]>> {
  // Either order: the comparison may put the later round first.
  const [from, to] = [before.closedAt, after.closedAt].sort();
  const rows = await getDb().action.findMany({
    where: {
      ...actionScope(ctx),
      organizationId,
      status: "done",
      dimension: { not: null },
      completedAt: { gt: new Date(from!), lte: new Date(to!) },
    },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      dimension: true,
      completedAt: true,
      ownerName: true,
      ownerMember: { select: { user: { select: { name: true } } } },
    },
  });
  const out: Record<string, ActionDone[]> = {};
  for (const row of rows) {
    if (!row.dimension || !row.completedAt) continue;
    (out[row.dimension] ??= []).push({
      id: row.id,
      title: row.title,
      completedAt: row.completedAt.toISOString(),
      owner: row.ownerMember?.user.name ?? row.ownerName,
    });
  }
  return out;
}
