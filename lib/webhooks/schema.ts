import { z } from "zod";
import { text } from "@/lib/validation/text";

// What an owner enters for a webhook, and the events there are.

export const WEBHOOK_EVENTS = [
  "round.closed",
  "action.overdue",
  "initiative.status_changed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send a test event", to one subscription. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "round.closed": "A round closed (its result is ready)",
  "action.overdue": "An action became overdue",
  "initiative.status_changed": "An initiative changed status",
};

export const WEBHOOK_URL_MAX = 2000;

export const createWebhookSchema = z.strictObject({
  url: text({ error: "Enter the URL to send events to." })
    .trim()
    .min(1, "Enter the URL to send events to.")
    .max(WEBHOOK_URL_MAX, `Use at most ${WEBHOOK_URL_MAX} characters.`),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose events from the list." }), {
      error: "Choose at least one event.",
    })
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENTS.length),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const storedEventsSchema = z.array(z.string());
