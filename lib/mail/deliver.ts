import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "@/lib/db";
import { unseal } from "@/lib/auth/sealed";
import { mailConfig, type MailConfig } from "./config";
import { stopRemindersUrl } from "./stop";
import { escapeHtml, LINK_PLACEHOLDER } from "./templates";

// Delivery of queued mail: the due rows are claimed one by one (so two app instances never send
// the same mail), sent through SMTP or written to the outbox, and the outcome recorded. A failed
// attempt waits 1, 2, 4, 8 ... 64 minutes; after MAX_ATTEMPTS the mail is marked failed for good,
// so a mail server down for up to two hours loses nothing.

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;
/** How long a claimed mail is held from other sweeps while it is being sent. */
const CLAIM_MS = 5 * 60 * 1000;
export const DELIVERY_BATCH = 50;

/** The wait after the `attempts`-th failed attempt. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; held: number };

const RESPONDENT_TEMPLATES = new Set(["invitation", "reminder"]);

let transporter: { url: string; transport: Transporter } | null = null;

// Connection settings GapMap picks unless SMTP_URL's query says otherwise (nodemailer reads
// options from the URL's query): a small pool of reused connections, and timeouts well under
// nodemailer's 2-minute defaults so a dead server costs a sweep seconds, not minutes.
const SMTP_DEFAULTS = {
  pool: "true",
  maxConnections: "3",
  connectionTimeout: "15000",
  greetingTimeout: "10000",
  socketTimeout: "30000",
} as const;

function smtpTransport(url: string): Transporter {
  if (transporter?.url !== url) {
    transporter?.transport.close();
    const withDefaults = new URL(url);
    for (const [key, value] of Object.entries(SMTP_DEFAULTS)) {
      if (!withDefaults.searchParams.has(key)) withDefaults.searchParams.set(key, value);
    }
    transporter = { url, transport: nodemailer.createTransport(withDefaults.toString()) };
  }
  return transporter.transport;
}

/** Closes the pooled SMTP connections (tests, before stopping their server). */
export function closeMailTransport(): void {
  transporter?.transport.close();
  transporter = null;
}

let reportedProblems = "";

/** Says once per distinct problem what is wrong with the mail settings. */
export function reportMailConfig(config: MailConfig = mailConfig()): void {
  const key = config.problems.join("\n");
  if (key === reportedProblems) return;
  reportedProblems = key;
  if (config.problems.length) {
    console.error(
      `[gapmap] mail settings: ${config.problems.join(" ")} ${config.transport === "broken" ? "Mail is kept queued until this is fixed." : ""}`.trim(),
    );
  }
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, 500);
}

type Claimed = {
  id: string;
  workspaceId: string;
  toAddress: string;
  template: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  sealedLink: string | null;
  relatedId: string | null;
  attempts: number;
};

/** How long one sweep keeps delivering before it leaves the rest to the next. */
export const SWEEP_BUDGET_MS = 20_000;

/**
 * Sends the mail due at `now`, batch after batch while batches come back full and the time
 * budget lasts (one batch of `limit` when a limit is given). `workspaceId` narrows the sweep to
 * one workspace (tests share one database).
 */
export async function deliverDueMail(
  options: { now?: Date; limit?: number; workspaceId?: string; budgetMs?: number } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const config = mailConfig();
  reportMailConfig(config);
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, held: 0 };
  const db = getDb();
  const where = {
    status: "queued" as const,
    nextAttemptAt: { lte: now },
    ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}),
  };
  if (config.transport === "broken") {
    report.held = await db.mail.count({ where });
    return report;
  }
  const started = Date.now();
  const batch = options.limit ?? DELIVERY_BATCH;
  for (;;) {
    const due = await db.mail.findMany({
      where,
      orderBy: { nextAttemptAt: "asc" },
      take: batch,
      select: { id: true, nextAttemptAt: true },
    });
    await deliverBatch(due, now, config, report);
    const more = due.length === batch && options.limit === undefined;
    if (!more || Date.now() - started > (options.budgetMs ?? SWEEP_BUDGET_MS)) break;
  }
  return report;
}

/** Mails sent at once, one per pooled SMTP connection. */
const PARALLEL_SENDS = 3;

async function deliverBatch(
  due: { id: string; nextAttemptAt: Date }[],
  now: Date,
  config: MailConfig,
  report: DeliveryReport,
): Promise<void> {
  const queue = [...due];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      await deliverRow(row, now, config, report);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SENDS }, worker));
}

async function deliverRow(
  row: { id: string; nextAttemptAt: Date },
  now: Date,
  config: MailConfig,
  report: DeliveryReport,
): Promise<void> {
  const db = getDb();
  // The claim: only the sweep whose update matched the row as it read it goes on.
  const claimed = await db.mail.updateMany({
    where: { id: row.id, status: "queued", nextAttemptAt: row.nextAttemptAt },
    data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  const mail = await db.mail.findUniqueOrThrow({
    where: { id: row.id },
    select: {
      id: true,
      workspaceId: true,
      toAddress: true,
      template: true,
      subject: true,
      textBody: true,
      htmlBody: true,
      sealedLink: true,
      relatedId: true,
      attempts: true,
    },
  });
  const outcome = await deliverOne(mail, config);
  if (outcome.ok) {
    await db.mail.update({
      where: { id: mail.id },
      data: {
        status: "sent",
        sentAt: now,
        deliveredVia: config.transport,
        lastError: null,
        sealedLink: null,
      },
    });
    report.sent++;
  } else if (outcome.final || mail.attempts >= MAX_ATTEMPTS) {
    await db.mail.update({
      where: { id: mail.id },
      data: { status: "failed", lastError: outcome.error, sealedLink: null },
    });
    report.failed++;
    console.warn(`[gapmap] mail ${mail.id} to ${mail.toAddress} failed: ${outcome.error}`);
  } else {
    await db.mail.update({
      where: { id: mail.id },
      data: {
        lastError: outcome.error,
        nextAttemptAt: new Date(now.getTime() + backoffMs(mail.attempts)),
      },
    });
    report.retrying++;
  }
}

type Outcome = { ok: true } | { ok: false; error: string; final: boolean };

/** Starts the recorded error of a mail dropped before sending (lib/mail/data.ts reads it). */
export const NOT_SENT = "Not sent: ";

/**
 * Why a respondent mail queued earlier must not go now: its link was withdrawn, the respondent
 * has submitted since (a reminder), or the address stopped reminders since.
 */
async function staleReason(mail: Claimed): Promise<string | null> {
  if (!RESPONDENT_TEMPLATES.has(mail.template) || !mail.relatedId) return null;
  const db = getDb();
  const invitation = await db.assessmentInvitation.findUnique({
    where: { id: mail.relatedId },
    select: { revokedAt: true, response: { select: { submittedAt: true } } },
  });
  if (!invitation || invitation.revokedAt) return `${NOT_SENT}the link was withdrawn.`;
  if (mail.template !== "reminder") return null;
  if (invitation.response?.submittedAt) return `${NOT_SENT}the respondent has submitted.`;
  const stopped = await db.mailOptOut.findUnique({
    where: { workspaceId_email: { workspaceId: mail.workspaceId, email: mail.toAddress } },
    select: { id: true },
  });
  return stopped ? `${NOT_SENT}the recipient stopped reminders.` : null;
}

async function deliverOne(mail: Claimed, config: MailConfig): Promise<Outcome> {
  const respondent = RESPONDENT_TEMPLATES.has(mail.template);
  const stale = await staleReason(mail);
  if (stale) return { ok: false, final: true, error: stale };
  let link: string | null = null;
  if (mail.sealedLink) {
    link = unseal(mail.sealedLink);
    if (link === null) {
      return {
        ok: false,
        final: true,
        error: "The personal link could not be unsealed (was NEXTAUTH_SECRET changed?).",
      };
    }
  }
  if (config.transport === "outbox") {
    // The outbox keeps the mail as queued (the link sealed, then erased): the log shows it
    // without the link, which only the recipient gets.
    console.info(
      `[gapmap] mail (outbox, no SMTP_URL) ${mail.id} to ${mail.toAddress}: ${mail.subject}\n${mail.textBody.replaceAll(LINK_PLACEHOLDER, "[personal link]")}`,
    );
    return { ok: true };
  }
  try {
    await smtpTransport(config.smtpUrl!).sendMail({
      from: config.from,
      to: mail.toAddress,
      subject: mail.subject,
      text: link ? mail.textBody.replaceAll(LINK_PLACEHOLDER, link) : mail.textBody,
      html: link ? mail.htmlBody.replaceAll(LINK_PLACEHOLDER, escapeHtml(link)) : mail.htmlBody,
      headers: respondent
        ? { "List-Unsubscribe": `<${stopRemindersUrl(mail.workspaceId, mail.toAddress)}>` }
        : {},
    });
    return { ok: true };
  } catch (error) {
    // Every SMTP failure is retried, a 5xx refusal included: a server's "mailbox unavailable"
    // is often a passing state, and MAX_ATTEMPTS bounds the cost of the ones that are not.
    return { ok: false, final: false, error: errorText(error) };
  }
}
