import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ActionForm } from "@/components/settings/action-form";
import { TestEventForm, WebhookForm } from "@/components/settings/webhook-forms";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageContext } from "@/lib/auth/server";
import { can } from "@/lib/auth/roles";
import { listWebhooks, type DeliveryView } from "@/lib/webhooks/data";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/schema";
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction } from "../actions";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_LABELS: Record<DeliveryView["status"], string> = {
  pending: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};
const STATUS_TONES: Record<DeliveryView["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  delivered: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
};

function Status({ delivery }: { delivery: DeliveryView }) {
  const label =
    delivery.status === "pending" && delivery.attempts === 0
      ? "Queued"
      : STATUS_LABELS[delivery.status];
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONES[delivery.status]}`}>
      {label}
    </span>
  );
}

function outcomeText(d: DeliveryView): string {
  const code = d.responseCode === null ? "no answer" : `HTTP ${d.responseCode}`;
  const next =
    d.status === "pending" && d.nextAttemptAt
      ? ` · next try ${formatDateTime(d.nextAttemptAt)}`
      : "";
  return `${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"} · ${code}${next}`;
}

export default async function WebhooksPage() {
  const { ctx } = await requirePageContext();
  if (!can(ctx.role, "webhook.manage")) redirect("/organizations");
  const { webhooks, deliveries } = await listWebhooks(ctx);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="GapMap POSTs a signed JSON body to your URL when a round closes, an action becomes overdue or an initiative changes status. Verify the X-GapMap-Signature header with the secret (HMAC-SHA256; see docs/webhooks.md). Failed deliveries are retried for about 15 hours."
      />
      <Card className="mb-6">
        <h2 className="mb-4 text-lg font-semibold">Add a webhook</h2>
        <WebhookForm
          action={createWebhookAction}
          events={WEBHOOK_EVENTS.map((id) => ({ id, label: WEBHOOK_EVENT_LABELS[id] }))}
        />
      </Card>
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">Webhooks</h2>
        {webhooks.length === 0 ? (
          <p className="mt-2 text-slate-600">No webhooks yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {webhooks.map((w) => (
              <li
                key={w.id}
                className="flex flex-col gap-3 py-3 lg:flex-row lg:items-start lg:justify-between"
              >
                <div className="min-w-0">
                  <p className="break-all font-medium">{w.url}</p>
                  <p className="text-sm text-slate-600">
                    {w.events.join(", ")} · added {formatDateTime(w.createdAt)}
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <TestEventForm action={sendTestWebhookAction} webhookId={w.id} url={w.url} />
                  <ActionForm action={deleteWebhookAction}>
                    <input type="hidden" name="webhookId" value={w.id} />
                    <SubmitButton
                      variant="secondary"
                      pendingLabel="Deleting…"
                      aria-label={`Delete the webhook to ${w.url}`}
                    >
                      Delete
                    </SubmitButton>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Delivery log</h2>
        {deliveries.length === 0 ? (
          <p className="mt-2 text-slate-600">
            Nothing sent yet. Use “Send a test event” to try a webhook.
          </p>
        ) : (
          <>
            <ul className="mt-2 divide-y divide-slate-100 sm:hidden">
              {deliveries.map((d) => (
                <li key={d.id} className="space-y-1 py-3">
                  <p className="flex items-center gap-2">
                    <code className="text-sm">{d.event}</code> <Status delivery={d} />
                  </p>
                  <p className="break-all text-sm text-slate-700">{d.url}</p>
                  <p className="text-xs text-slate-600">
                    {formatDateTime(d.createdAt)} · {outcomeText(d)}
                  </p>
                  {d.error ? <p className="break-words text-xs text-red-800">{d.error}</p> : null}
                </li>
              ))}
            </ul>
            <div className="mt-2 hidden overflow-x-auto sm:block">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">
                  The latest 50 webhook deliveries, newest first
                </caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      When
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Event
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      URL
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Status
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Attempts
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Response
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Error / next try
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {deliveries.map((d) => (
                    <tr key={d.id} className="align-top">
                      <td className="whitespace-nowrap px-3 py-2">{formatDateTime(d.createdAt)}</td>
                      <td className="px-3 py-2">
                        <code>{d.event}</code>
                      </td>
                      <td className="max-w-56 break-all px-3 py-2">{d.url}</td>
                      <td className="px-3 py-2">
                        <Status delivery={d} />
                      </td>
                      <td className="px-3 py-2 tabular-nums">{d.attempts}</td>
                      <td className="px-3 py-2 tabular-nums">{d.responseCode ?? "—"}</td>
                      <td className="max-w-72 break-words px-3 py-2 text-slate-700">
                        {d.error ?? ""}
                        {d.status === "pending" && d.nextAttemptAt ? (
                          <span className="block text-xs text-slate-600">
                            next try {formatDateTime(d.nextAttemptAt)}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Card>
    </>
  );
}
