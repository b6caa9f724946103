import "server-only";
import { z } from "zod";
import { getDb, lockForUpdate, type DbTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { unseal } from "@/lib/auth/sealed";
import { countHit, readLimit } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/mutations";
import { emailSchema } from "@/lib/accounts/schema";
import { AppError, notFound, parseInput } from "@/lib/errors";
import {
  enqueueMail,
  enqueueMails,
  respondentDraft,
  type MailDraft,
  type RespondentMailFacts,
} from "@/lib/mail/queue";
import { inChunks } from "@/lib/mail/chunks";
import { optedOut } from "@/lib/mail/stop";
import type { AssessmentView } from "./data";
import { audit, findManaged } from "./managed";

// Respondent links by email: at creation (createInvitations with sendEmail), one link later
// ("send by email"), and reminders to everyone who has not submitted. Each mail is queued in the
// transaction that decided it; the sweep delivers it.

/** The remind button, per round: at most this many clicks per window (429 beyond). */
export const REMIND_LIMIT = { max: 3, windowMs: 60 * 60 * 1000 } as const;
/** A respondent mailed (invited or reminded) this recently is not reminded again. */
export const REMIND_QUIET_MS = 24 * 60 * 60 * 1000;
/** One link is not emailed twice within this time (a double click, an impatient consultant). */
export const RESEND_QUIET_MS = 10 * 60 * 1000;

type Facts = Omit<RespondentMailFacts, "invitation">;

async function mailFacts(
  tx: DbTx,
  ctx: WorkspaceContext,
  assessment: AssessmentView,
): Promise<Facts> {
  const organization = await tx.organization.findFirstOrThrow({
    where: { id: assessment.organizationId, workspaceId: ctx.workspaceId },
    select: { name: true },
  });
  return {
    workspaceId: ctx.workspaceId,
    workspaceName: ctx.workspaceName,
    organizationName: organization.name,
    roundName: assessment.name,
    closesAt: assessment.closesAt,
  };
}

/** Queues invitation mails for links just created (createInvitations' transaction). */
export async function queueInvitationMails(
  tx: DbTx,
  ctx: WorkspaceContext,
  assessment: AssessmentView,
  links: { id: string; token: string; name: string | null; email: string | null }[],
): Promise<number> {
  const withEmail = links.filter((l): l is typeof l & { email: string } => Boolean(l.email));
  if (withEmail.length === 0) return 0;
  const facts = await mailFacts(tx, ctx, assessment);
  await enqueueMails(
    tx,
    withEmail.map((link) =>
      respondentDraft(
        "invitation",
        { ...facts, invitation: link },
        { createdByUserId: ctx.userId },
      ),
    ),
  );
  await recordAudit(
    audit(ctx, "mail.invitations_sent", assessment.id, { count: withEmail.length }),
    tx,
  );
  return withEmail.length;
}

export const emailLinkSchema = z.strictObject({
  invitationId: z.string().trim().min(1).max(100),
  email: emailSchema.optional(),
});

/** Emails one existing personal link, to its address or to one given now (then kept on it). */
export async function emailRespondentLink(
  ctx: WorkspaceContext,
  assessmentId: string,
  input: unknown,
  now = new Date(),
): Promise<{ email: string }> {
  assertCan(ctx, "assessment.manage");
  const data = parseInput(emailLinkSchema, input);
  return getDb().$transaction(async (tx) => {
    const assessment = await findManaged(tx, ctx, assessmentId);
    if (assessment.state === "closed") throw new AppError("round_closed", "This round is closed.");
    await lockForUpdate(tx, "Assessment", assessment.id);
    const invitation = await tx.assessmentInvitation.findFirst({
      where: {
        id: data.invitationId,
        assessmentId: assessment.id,
        kind: "personal",
        revokedAt: null,
      },
      select: {
        id: true,
        name: true,
        email: true,
        sealedToken: true,
        response: { select: { submittedAt: true } },
      },
    });
    if (!invitation) throw notFound("Active link");
    if (invitation.response?.submittedAt) {
      throw new AppError("already_submitted", "This respondent has already submitted.");
    }
    const email = data.email ?? invitation.email;
    if (!email) {
      throw new AppError("validation_failed", "Add the respondent's email address.", {
        fields: { email: "Add the respondent's email address." },
      });
    }
    const token = invitation.sealedToken ? unseal(invitation.sealedToken) : null;
    if (!token) {
      throw new AppError(
        "conflict",
        "This link cannot be emailed: it was made before GapMap kept links for email (or the server's secret changed). Withdraw it and create a new one.",
      );
    }
    const recent = await tx.mail.count({
      where: {
        relatedType: "assessment_invitation",
        relatedId: invitation.id,
        toAddress: email,
        createdAt: { gt: new Date(now.getTime() - RESEND_QUIET_MS) },
      },
    });
    if (recent > 0) {
      throw new AppError("rate_limited", "This link was emailed a few minutes ago.", {
        retryAfterSeconds: Math.ceil(RESEND_QUIET_MS / 1000),
      });
    }
    if (email !== invitation.email) {
      await tx.assessmentInvitation.update({ where: { id: invitation.id }, data: { email } });
    }
    const facts = await mailFacts(tx, ctx, assessment);
    await enqueueMail(
      tx,
      respondentDraft(
        "invitation",
        { ...facts, invitation: { id: invitation.id, name: invitation.name, email, token } },
        { createdByUserId: ctx.userId },
      ),
      now,
    );
    await recordAudit(
      audit(ctx, "mail.invitations_sent", assessment.id, { count: 1, invitationId: invitation.id }),
      tx,
    );
    return { email };
  });
}

export type ReminderReport = {
  /** Reminders queued. */
  queued: number;
  /** Not submitted, but no address to write to, or a link made before mail. */
  noEmail: number;
  /** Asked for no more reminders. */
  optedOut: number;
  /** Mailed in the last 24 hours. */
  recentlyMailed: number;
};

const remindKey = (assessmentId: string) => `mail-remind:${assessmentId}`;

/** "Remind those who have not submitted": one reminder each, limited per round and person. */
export async function remindNotSubmitted(
  ctx: WorkspaceContext,
  assessmentId: string,
  now = new Date(),
): Promise<ReminderReport> {
  assertCan(ctx, "assessment.manage");
  // Scope first, so another workspace's round id counts nothing and answers 404.
  const assessment = await getDb().$transaction((tx) => findManaged(tx, ctx, assessmentId));
  if (assessment.state !== "open") {
    throw new AppError("round_not_open", "Reminders go only while the round is open.");
  }
  const limit = await readLimit(
    remindKey(assessment.id),
    REMIND_LIMIT.max,
    REMIND_LIMIT.windowMs,
    now,
  );
  if (limit.limited) {
    throw new AppError(
      "rate_limited",
      "Reminders for this round were sent several times in the last hour. Try again later.",
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  await countHit(remindKey(assessment.id), REMIND_LIMIT.windowMs, now);
  return getDb().$transaction(
    async (tx) => {
      // Two clicks at once queue one set of reminders: the second waits here, then sees the
      // first one's mail as "recently mailed".
      await lockForUpdate(tx, "Assessment", assessment.id);
      const pending = await tx.assessmentInvitation.findMany({
        where: {
          assessmentId: assessment.id,
          kind: "personal",
          revokedAt: null,
          response: { submittedAt: null },
        },
        select: { id: true, name: true, email: true, sealedToken: true },
      });
      const report: ReminderReport = { queued: 0, noEmail: 0, optedOut: 0, recentlyMailed: 0 };
      const stopped = await optedOut(
        ctx.workspaceId,
        pending.flatMap((p) => (p.email ? [p.email] : [])),
        tx,
      );
      const recent = new Set(
        (
          await inChunks(
            pending.map((p) => p.id),
            (chunk) =>
              tx.mail.findMany({
                where: {
                  relatedType: "assessment_invitation",
                  relatedId: { in: chunk },
                  createdAt: { gt: new Date(now.getTime() - REMIND_QUIET_MS) },
                },
                select: { relatedId: true },
              }),
          )
        ).map((m) => m.relatedId),
      );
      const facts = await mailFacts(tx, ctx, assessment);
      const drafts: MailDraft[] = [];
      for (const p of pending) {
        const token = p.email && p.sealedToken ? unseal(p.sealedToken) : null;
        if (!p.email || !token) report.noEmail++;
        else if (stopped.has(p.email.toLowerCase())) report.optedOut++;
        else if (recent.has(p.id)) report.recentlyMailed++;
        else {
          drafts.push(
            respondentDraft(
              "reminder",
              { ...facts, invitation: { id: p.id, name: p.name, email: p.email, token } },
              { createdByUserId: ctx.userId },
            ),
          );
        }
      }
      report.queued = await enqueueMails(tx, drafts, now);
      await recordAudit(audit(ctx, "mail.reminders_sent", assessment.id, { ...report }), tx);
      return report;
    },
    { timeout: 60_000 },
  );
}
