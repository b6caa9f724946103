import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { mailConfig, type MailConfig } from "./config";
import { NOT_SENT } from "./deliver";
import { LINK_PLACEHOLDER, MAIL_TEMPLATES, type MailTemplate } from "./templates";

// The workspace's mail as its owners see it (Settings > Mail): the outbox when no SMTP server is
// set, the delivery record when one is. Owners only, like the audit log: it names every
// respondent written to.

export const OUTBOX_LIMIT = 200;

export type MailRow = {
  id: string;
  to: string;
  template: MailTemplate | null;
  subject: string;
  /** The plain-text body, a personal link shown as a note (the link goes only to its recipient). */
  text: string;
  status: "queued" | "sent" | "failed";
  /** Failed without an attempt to send: dropped because it no longer applied (lastError says why). */
  dropped: boolean;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredVia: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export type Outbox = {
  mails: MailRow[];
  counts: { queued: number; sent: number; failed: number };
  settings: Pick<MailConfig, "transport" | "smtpLabel" | "from" | "problems">;
};

const isTemplate = (value: string): value is MailTemplate =>
  (MAIL_TEMPLATES as readonly string[]).includes(value);

export async function getOutbox(ctx: WorkspaceContext): Promise<Outbox> {
  assertCan(ctx, "audit.read");
  const db = getDb();
  const [rows, grouped] = await Promise.all([
    db.mail.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_LIMIT,
      select: {
        id: true,
        toAddress: true,
        template: true,
        subject: true,
        textBody: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        deliveredVia: true,
        createdAt: true,
        sentAt: true,
      },
    }),
    db.mail.groupBy({
      by: ["status"],
      where: { workspaceId: ctx.workspaceId },
      _count: { _all: true },
    }),
  ]);
  const counts = { queued: 0, sent: 0, failed: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  const { transport, smtpLabel, from, problems } = mailConfig();
  return {
    mails: rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      template: isTemplate(r.template) ? r.template : null,
      subject: r.subject,
      text: r.textBody.replaceAll(LINK_PLACEHOLDER, "[personal link: sent only to the recipient]"),
      status: r.status,
      dropped: r.status === "failed" && (r.lastError?.startsWith(NOT_SENT) ?? false),
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt,
      lastError: r.lastError,
      deliveredVia: r.deliveredVia,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
    counts,
    settings: { transport, smtpLabel, from, problems },
  };
}
