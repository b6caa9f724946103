import "server-only";
import { scopedOrganizationId } from "@/lib/organizations/data";
import { getDb, type DbTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { sealIfPossible } from "@/lib/auth/sealed";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { RespondentRole } from "@/lib/framework";
import { assessmentSelect, toAssessmentView, type AssessmentView } from "./data";
import { createAssessmentSchema, invitationsSchema } from "./schema";
import { queueInvitationMails } from "./mail";

import { audit, findManaged } from "./managed";

export { audit, findManaged };

export async function createAssessment(
  ctx: WorkspaceContext,
  organizationId: string,
  input: unknown,
): Promise<AssessmentView> {
  assertCan(ctx, "assessment.manage");
  const data = parseInput(createAssessmentSchema, input);
  return getDb().$transaction(async (tx) => {
    await scopedOrganizationId(ctx, organizationId, tx);
    const previous = await tx.assessment.findFirst({
      where: { workspaceId: ctx.workspaceId, organizationId, state: "closed" },
      orderBy: { closedAt: "desc" },
      select: { id: true, baselineAssessmentId: true },
    });
    const focusInitiativeId = await checkedFocus(tx, ctx, organizationId, data.focusInitiativeId);
    const row = await tx.assessment.create({
      data: {
        workspaceId: ctx.workspaceId,
        organizationId,
        name: data.name,
        frameworkVersion: data.frameworkVersion,
        roles: data.roles,
        anonymous: data.anonymous,
        minGroupSize: data.minGroupSize,
        opensAt: data.opensAt,
        closesAt: data.closesAt,
        targets: data.targets ?? undefined,
        previousAssessmentId: previous?.id ?? null,
        // The first round of the chain stays the baseline of every retake after it.
        baselineAssessmentId: previous ? (previous.baselineAssessmentId ?? previous.id) : null,
        focusInitiativeId,
        showPreviousAnswers: data.showPreviousAnswers,
      },
      select: assessmentSelect,
    });
    await recordAudit(
      audit(ctx, "assessment.created", row.id, { name: row.name, organizationId }),
      tx,
    );
    return toAssessmentView(row);
  });
}

/** A focus must be one of the organisation's initiatives: any other id is a field error. */
export async function checkedFocus(
  tx: DbTx,
  ctx: WorkspaceContext,
  organizationId: string,
  focusInitiativeId: string | null,
): Promise<string | null> {
  if (!focusInitiativeId) return null;
  const found = await tx.initiative.findFirst({
    where: { workspaceId: ctx.workspaceId, organizationId, id: focusInitiativeId },
    select: { id: true },
  });
  if (!found)
    throw new AppError("validation_failed", "Choose one of this organisation's initiatives.", {
      fields: { focusInitiativeId: "Choose one of this organisation's initiatives." },
    });
  return found.id;
}

export type IssuedLink = {
  id: string;
  token: string;
  path: string;
  role: RespondentRole | null;
  name: string | null;
  email: string | null;
};

const respondPath = (token: string) => `/respond/${token}`;

/** Personal links, one per respondent with the role preset. Tokens are returned once. */
export async function createInvitations(
  ctx: WorkspaceContext,
  assessmentId: string,
  input: unknown,
): Promise<IssuedLink[]> {
  assertCan(ctx, "assessment.manage");
  const { invitations, sendEmail } = parseInput(invitationsSchema, input);
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "closed") {
      throw new AppError("conflict", "This round is closed: it takes no more respondents.");
    }
    invitations.forEach((inv, i) => {
      if (!assessment.roles.includes(inv.role)) {
        throw new AppError(
          "validation_failed",
          `The role "${inv.role}" does not take part in this round.`,
          {
            fields: { [`invitations.${i}.role`]: `Choose one of ${assessment.roles.join(", ")}.` },
          },
        );
      }
    });
    const issued: IssuedLink[] = [];
    for (const inv of invitations) {
      const token = createSecretToken("gmr");
      const row = await tx.assessmentInvitation.create({
        data: {
          workspaceId: ctx.workspaceId,
          assessmentId: assessment.id,
          kind: "personal",
          tokenHash: hashSecretToken(token),
          // Sealed, so the link can be emailed now or later (an invitation, a reminder).
          sealedToken: sealIfPossible(token),
          role: inv.role,
          name: inv.name || null,
          email: inv.email ?? null,
          response: {
            create: { workspaceId: ctx.workspaceId, assessmentId: assessment.id, role: inv.role },
          },
        },
        select: { id: true },
      });
      issued.push({
        id: row.id,
        token,
        path: respondPath(token),
        role: inv.role,
        name: inv.name || null,
        email: inv.email ?? null,
      });
    }
    await recordAudit(
      audit(ctx, "assessment.invited", assessment.id, { count: issued.length }),
      tx,
    );
    if (sendEmail) await queueInvitationMails(tx, ctx, assessment, issued);
    return issued;
  });
}

/** The one open link of a round: a new token each time (the previous open link is revoked). */
export async function createOpenLink(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<IssuedLink> {
  assertCan(ctx, "assessment.manage");
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "closed") throw new AppError("conflict", "This round is closed.");
    await tx.assessmentInvitation.updateMany({
      where: { assessmentId: assessment.id, kind: "open", revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const token = createSecretToken("gmo");
    const row = await tx.assessmentInvitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        assessmentId: assessment.id,
        kind: "open",
        tokenHash: hashSecretToken(token),
      },
      select: { id: true },
    });
    await recordAudit(audit(ctx, "assessment.open_link_created", assessment.id), tx);
    return { id: row.id, token, path: respondPath(token), role: null, name: null, email: null };
  });
}

export async function revokeRespondentLink(
  ctx: WorkspaceContext,
  assessmentId: string,
  invitationId: string,
): Promise<void> {
  assertCan(ctx, "assessment.manage");
  await getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    const result = await tx.assessmentInvitation.updateMany({
      where: { id: invitationId, assessmentId: assessment.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count === 0) throw notFound("Active link");
    await recordAudit(audit(ctx, "assessment.link_revoked", assessment.id, { invitationId }), tx);
  });
}

export async function openAssessment(
  ctx: WorkspaceContext,
  assessmentId: string,
): Promise<AssessmentView> {
  assertCan(ctx, "assessment.manage");
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "open") return assessment;
    if (assessment.state === "closed")
      throw new AppError("conflict", "A closed round cannot be opened again.");
    const row = await tx.assessment.update({
      where: { id: assessment.id },
      data: { state: "open", openedAt: new Date() },
      select: assessmentSelect,
    });
    await recordAudit(audit(ctx, "assessment.opened", assessment.id), tx);
    return toAssessmentView(row);
  });
}
