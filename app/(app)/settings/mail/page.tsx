import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { getOutbox, OUTBOX_LIMIT, type MailRow } from "@/lib/mail/data";
import { TEMPLATE_LABELS } from "@/lib/mail/templates";
import { TestMailForm } from "@/components/settings/test-mail-form";
import { sendTestMailAction } from "../actions";

export const metadata: Metadata = { title: "Mail" };

const STATUS_STYLE: Record<MailRow["status"], string> = {
  queued: "bg-amber-100 text-amber-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

function statusText(mail: MailRow): string {
  if (mail.status === "sent")
    return mail.deliveredVia === "outbox" ? "In the outbox" : "Delivered to the mail server";
  if (mail.status === "failed") {
    // A mail dropped before sending (link withdrawn, submitted, stopped) says why in lastError.
    if (mail.dropped) return "Not sent";
    return `Failed after ${mail.attempts} attempt${mail.attempts === 1 ? "" : "s"}`;
  }
  return mail.attempts > 0
    ? `Queued, attempt ${mail.attempts + 1} at ${formatDateTime(mail.nextAttemptAt)}`
    : "Queued";
}

export default async function MailPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "audit.read")) redirect("/organizations");
  const { mails, counts, settings } = await getOutbox(ctx);
  return (
    <>
      <PageHeader
        title="Mail"
        description={`Every email GapMap sent or will send for this workspace: invitations, reminders, action and retake notices. The latest ${OUTBOX_LIMIT}.`}
      />
      {settings.problems.length ? (
        <Alert tone="error" title="The mail settings need fixing" className="mb-4">
          {settings.problems.join(" ")}{" "}
          {settings.transport === "broken"
            ? "Mail stays queued until the server is restarted with a correct value."
            : ""}
        </Alert>
      ) : settings.transport === "outbox" ? (
        <Alert tone="info" title="No mail server is set: this is the outbox" className="mb-4">
          Mail is kept here and in the server log, and not sent. Set SMTP_URL (and MAIL_FROM) to
          send it.
        </Alert>
      ) : (
        <p className="mb-4 text-sm text-slate-700">
          Sent through {settings.smtpLabel} as {settings.from}. A failed delivery is tried again
          after 1, 2, 4 minutes and so on, doubling, for about two hours, then marked failed.
        </p>
      )}
      <div className="mb-4">
        <TestMailForm action={sendTestMailAction} />
      </div>
      <dl className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {(["queued", "sent", "failed"] as const).map((s) => (
          <div key={s} className="flex gap-1">
            <dt className="text-slate-600">
              {s === "sent" ? "Sent" : s === "queued" ? "Queued" : "Failed"}:
            </dt>
            <dd className="font-semibold">{counts[s]}</dd>
          </div>
        ))}
      </dl>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet">
          Email respondents their links from a round&apos;s page, or remind those who have not
          submitted.
        </EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y divide-slate-100">
            {mails.map((m) => (
              <li key={m.id} className="px-4 py-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="break-words font-medium">{m.subject}</p>
                    <p className="break-all text-sm text-slate-700">To {m.to}</p>
                  </div>
                  <span
                    className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[m.status]}`}
                  >
                    {statusText(m)}
                  </span>
                </div>
                <p className="mt-1 text-xs text-slate-600">
                  {m.template ? TEMPLATE_LABELS[m.template] : "Mail"} · queued{" "}
                  {formatDateTime(m.createdAt)}
                  {m.sentAt ? ` · sent ${formatDateTime(m.sentAt)}` : ""}
                </p>
                {m.lastError ? (
                  <p className="mt-1 break-words text-sm text-red-800">Last error: {m.lastError}</p>
                ) : null}
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">
                    Show the message
                  </summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">
                    {m.text}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
