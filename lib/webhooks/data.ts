import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { storedEventsSchema } from "./schema";

export type WebhookView = { id: string; url: string; events: string[]; createdAt: Date };

export type DeliveryView = {
  id: string;
  subscriptionId: string;
  url: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseCode: number | null;
  error: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
};

/** The settings page: the workspace's webhooks (never their secrets) and the latest deliveries. */
export async function listWebhooks(
  ctx: WorkspaceContext,
  options: { deliveries?: number } = {},
): Promise<{ webhooks: WebhookView[]; deliveries: DeliveryView[] }> {
  assertCan(ctx, "webhook.manage");
  const db = getDb();
  const [webhooks, deliveries] = await Promise.all([
    db.webhookSubscription.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, url: true, events: true, createdAt: true },
    }),
    db.webhookDelivery.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.deliveries ?? 50,
      select: {
        id: true,
        subscriptionId: true,
        event: true,
        status: true,
        attempts: true,
        responseCode: true,
        error: true,
        createdAt: true,
        lastAttemptAt: true,
        nextAttemptAt: true,
        subscription: { select: { url: true } },
      },
    }),
  ]);
  return {
    webhooks: webhooks.map((w) => {
      const events = storedEventsSchema.safeParse(w.events);
      return { ...w, events: events.success ? events.data : [] };
    }),
    deliveries: deliveries.map(({ subscription, ...d }) => ({ ...d, url: subscription.url })),
  };
}
