import "server-only";
import { getDb, lockForUpdate, type DbTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, parseInput } from "@/lib/errors";
import type { RespondentRole } from "@/lib/framework";
import { assessmentSelect, toAssessmentView, type AssessmentView } from "./data";
import { audit, findManaged, type IssuedLink } from "./mutations";
import { nextRoundName, nextRoundSchema } from "./schema";

// "Start next round": the quarterly retake. The new round copies the settings, roles, focus,
// targets and audience of the round it continues (never its answers), issues new links, and
// takes over the organisation's unfinished actions. The first round of the chain stays the
// baseline progress is measured from.

export type NextRound = {
  round: AssessmentView;
  /** The new links, shown once: one per personal link of the previous round, and a new open link if it had one. */
  links: IssuedLink[];
  /** Actions still open or in progress, now tracked in the new round. */
  carriedOverActions: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date of the previous round moved on by the retake interval; null when it would be past. */
function shifted(date: Date | null, days: number, now: Date): Date | null {
  if (!date) return null;
  const next = new Date(date.getTime() + days * DAY_MS);
  return next > now ? next : null;
}

export async function startNextRound(
  ctx: WorkspaceContext,
  assessmentId: string,
  input: unknown = {},
  now = new Date(),
): Promise<NextRound> {
  assertCan(ctx, "assessment.manage");
  const data = parseInput(nextRoundSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const found = await findManaged(tx, ctx, assessmentId);
    // Two clicks at once must not make two next rounds: the second waits, then sees the first.
    await lockForUpdate(tx, "Assessment", found.id);
    const source = await findManaged(tx, ctx, found.id);
    if (source.state !== "closed")
      throw new AppError(
        "conflict",
        "Close this round before starting the next one: the next round is measured against its result.",
      );
    const already = await tx.assessment.findFirst({
      where: { workspaceId: ctx.workspaceId, previousAssessmentId: source.id },
      select: { name: true },
    });
    if (already)
      throw new AppError(
        "conflict",
        `“${already.name}” already follows this round: start the next round from the newest closed round.`,
      );
    const workspace = await tx.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { retakeIntervalDays: true },
    });
    const focus = source.focusInitiativeId
      ? await tx.initiative.findFirst({
          where: {
            workspaceId: ctx.workspaceId,
            organizationId: source.organizationId,
            id: source.focusInitiativeId,
          },
          select: { id: true },
        })
      : null;
    const row = await tx.assessment.create({
      data: {
        workspaceId: ctx.workspaceId,
        organizationId: source.organizationId,
        name: data.name ?? nextRoundName(source.name),
        frameworkVersion: source.frameworkVersion,
        roles: source.roles,
        anonymous: source.anonymous,
        minGroupSize: source.minGroupSize,
        opensAt: shifted(source.opensAt, workspace.retakeIntervalDays, now),
        closesAt: shifted(source.closesAt, workspace.retakeIntervalDays, now),
        targets: source.targets ?? undefined,
        previousAssessmentId: source.id,
        baselineAssessmentId: source.baselineAssessmentId ?? source.id,
        focusInitiativeId: focus?.id ?? null,
        showPreviousAnswers: source.showPreviousAnswers && !source.anonymous,
      },
      select: assessmentSelect,
    });
    const links = await copyAudience(tx, ctx, source, row.id);
    // Unfinished actions follow the organisation into the new round; done and dropped ones stay
    // with the round they were finished in, so the comparison can say what was done in between.
    const carried = await tx.action.updateMany({
      where: {
        workspaceId: ctx.workspaceId,
        organizationId: source.organizationId,
        status: { in: ["open", "in_progress"] },
      },
      data: { assessmentId: row.id },
    });
    await recordAudit(
      audit(ctx, "assessment.next_round_started", row.id, {
        name: row.name,
        from: source.id,
        links: links.length,
        carriedOverActions: carried.count,
      }),
      tx,
    );
    return { round: toAssessmentView(row), links, carriedOverActions: carried.count };
  });
}

/**
 * One new personal link per personal link of the previous round that names someone (a name or
 * an email) and was not withdrawn (a workshop participant's token is no link of its own), with
 * the same name, email and role; and a new open link if the previous round had one (people who
 * came through it, unnamed, answer through the new one). A named round remembers whose link each new one
 * continues, which is how a returning respondent is recognised; an anonymous round does not.
 */
async function copyAudience(
  tx: DbTx,
  ctx: WorkspaceContext,
  source: AssessmentView,
  roundId: string,
): Promise<IssuedLink[]> {
  const previous = await tx.assessmentInvitation.findMany({
    where: {
      assessmentId: source.id,
      revokedAt: null,
      OR: [{ kind: "open" }, { kind: "personal", response: { participant: null } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, role: true, name: true, email: true },
  });
  const links: IssuedLink[] = [];
  for (const link of previous) {
    if (link.kind === "open") continue;
    const role = link.role as RespondentRole | null;
    if (!role || !source.roles.includes(role)) continue;
    // An open-link respondent's own link carries no name or email: nothing to invite them by.
    if (!link.name && !link.email) continue;
    const token = createSecretToken("gmr");
    const created = await tx.assessmentInvitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        assessmentId: roundId,
        kind: "personal",
        tokenHash: hashSecretToken(token),
        role,
        name: link.name,
        email: link.email,
        previousInvitationId: source.anonymous ? null : link.id,
        response: { create: { workspaceId: ctx.workspaceId, assessmentId: roundId, role } },
      },
      select: { id: true },
    });
    links.push({
      id: created.id,
      token,
      path: `/respond/${token}`,
      role,
      name: link.name,
      email: link.email,
    });
  }
  if (previous.some((l) => l.kind === "open")) {
    const token = createSecretToken("gmo");
    const created = await tx.assessmentInvitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        assessmentId: roundId,
        kind: "open",
        tokenHash: hashSecretToken(token),
      },
      select: { id: true },
    });
    links.push({
      id: created.id,
      token,
      path: `/respond/${token}`,
      role: null,
      name: null,
      email: null,
    });
  }
  return links;
}
