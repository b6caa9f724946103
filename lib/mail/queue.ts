import "server-only";
import type { DbTx } from "@/lib/db";
import type { AuthorizedWorkspaceId } from "@/lib/auth/context";
import { seal } from "@/lib/auth/sealed";
import { mailConfig } from "./config";
import { stopRemindersUrl } from "./stop";
import {
  invitationMail,
  LINK_PLACEHOLDER,
  reminderMail,
  type MailTemplate,
  type RenderedMail,
} from "./templates";

// Queuing a mail is a row written in the caller's transaction: the mail exists exactly when the
// thing that caused it does, and the sweep (lib/mail/deliver.ts) sends it afterwards.

export type MailDraft = {
  workspaceId: AuthorizedWorkspaceId;
  to: string;
  template: MailTemplate;
  rendered: RenderedMail;
  /** A respondent's personal link: sealed in the row, put into the bodies only at delivery. */
  link?: string | null;
  relatedType?: string | null;
  relatedId?: string | null;
  /** Scheduled mail: one mail per key, ever. */
  dedupeKey?: string | null;
  createdByUserId?: string | null;
};

function row(draft: MailDraft, now: Date) {
  return {
    workspaceId: draft.workspaceId,
    toAddress: draft.to.trim().toLowerCase(),
    template: draft.template,
    subject: draft.rendered.subject,
    textBody: draft.rendered.text,
    htmlBody: draft.rendered.html,
    sealedLink: draft.link ? seal(draft.link) : null,
    relatedType: draft.relatedType ?? null,
    relatedId: draft.relatedId ?? null,
    dedupeKey: draft.dedupeKey ?? null,
    createdByUserId: draft.createdByUserId ?? null,
    nextAttemptAt: now,
  };
}

export async function enqueueMail(
  tx: Pick<DbTx, "mail">,
  draft: MailDraft,
  now = new Date(),
): Promise<{ id: string }> {
  return tx.mail.create({ data: row(draft, now), select: { id: true } });
}

/** Many mails in one statement per batch (a reminder to a whole round). */
export async function enqueueMails(
  tx: Pick<DbTx, "mail">,
  drafts: MailDraft[],
  now = new Date(),
): Promise<number> {
  let count = 0;
  for (let i = 0; i < drafts.length; i += 500) {
    const batch = drafts.slice(i, i + 500).map((d) => row(d, now));
    count += (await tx.mail.createMany({ data: batch })).count;
  }
  return count;
}

export type RespondentMailFacts = {
  workspaceId: AuthorizedWorkspaceId;
  workspaceName: string;
  organizationName: string;
  roundName: string;
  closesAt: Date | null;
  invitation: { id: string; name: string | null; email: string; token: string };
};

/** An invitation or reminder to one respondent, its personal link sealed. */
export function respondentDraft(
  template: Extract<MailTemplate, "invitation" | "reminder">,
  facts: RespondentMailFacts,
  extra: Pick<MailDraft, "dedupeKey" | "createdByUserId"> = {},
): MailDraft {
  const { appUrl } = mailConfig();
  const input = {
    workspaceName: facts.workspaceName,
    organizationName: facts.organizationName,
    roundName: facts.roundName,
    recipientName: facts.invitation.name,
    closesAt: facts.closesAt,
    link: LINK_PLACEHOLDER,
    stopLink: stopRemindersUrl(facts.workspaceId, facts.invitation.email),
  };
  return {
    workspaceId: facts.workspaceId,
    to: facts.invitation.email,
    template,
    rendered: template === "invitation" ? invitationMail(input) : reminderMail(input),
    link: `${appUrl}/respond/${facts.invitation.token}`,
    relatedType: "assessment_invitation",
    relatedId: facts.invitation.id,
    ...extra,
  };
}
