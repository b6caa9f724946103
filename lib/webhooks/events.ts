import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, isUniqueViolation, type DbTx } from "@/lib/db";
import { storedEventsSchema, type WebhookEvent, TEST_EVENT } from "./schema";

// Events become deliveries: one row per subscription that wants the event, holding the exact body
// to send. Written in the transaction of the change itself (closing a round, changing a status),
// so an event is never announced for a change that rolled back, nor lost for one that committed.

type Tx = Pick<DbTx, "webhookSubscription" | "webhookDelivery">;

export type WebhookBody = {
  id: string;
  type: WebhookEvent | typeof TEST_EVENT;
  createdAt: string;
  workspaceId: string;
  data: Record<string, unknown>;
};

function bodyOf(
  workspaceId: string,
  type: WebhookBody["type"],
  data: Record<string, unknown>,
  now: Date,
): string {
  const body: WebhookBody = {
    id: `evt_${randomUUID()}`,
    type,
    createdAt: now.toISOString(),
    workspaceId,
    data,
  };
  return JSON.stringify(body);
}

function wants(events: unknown, event: string): boolean {
  const parsed = storedEventsSchema.safeParse(events);
  return parsed.success && parsed.data.includes(event);
}

/**
 * Queues an event for every subscription of the workspace that wants it; `eventKey` names the
 * occurrence, so queueing it twice delivers it once. Returns how many deliveries were queued.
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  input: {
    workspaceId: string;
    event: WebhookEvent;
    eventKey: string;
    data: Record<string, unknown>;
    now?: Date;
  },
): Promise<number> {
  const now = input.now ?? new Date();
  const subscriptions = (
    await tx.webhookSubscription.findMany({
      where: { workspaceId: input.workspaceId },
      select: { id: true, events: true },
    })
  ).filter((s) => wants(s.events, input.event));
  if (subscriptions.length === 0) return 0;
  const taken = new Set(
    (
      await tx.webhookDelivery.findMany({
        where: {
          subscriptionId: { in: subscriptions.map((s) => s.id) },
          eventKey: input.eventKey,
        },
        select: { subscriptionId: true },
      })
    ).map((d) => d.subscriptionId),
  );
  const body = bodyOf(input.workspaceId, input.event, input.data, now);
  let queued = 0;
  for (const subscription of subscriptions) {
    if (taken.has(subscription.id)) continue;
    await tx.webhookDelivery.create({
      data: {
        workspaceId: input.workspaceId,
        subscriptionId: subscription.id,
        event: input.event,
        eventKey: input.eventKey,
        body,
        nextAttemptAt: now,
      },
    });
    queued++;
  }
  return queued;
}

/** A test event for one subscription (the settings page's button): the delivery's id. */
export async function enqueueTestEvent(
  tx: Tx,
  subscription: { id: string; workspaceId: string },
  now = new Date(),
): Promise<string> {
  const row = await tx.webhookDelivery.create({
    data: {
      workspaceId: subscription.workspaceId,
      subscriptionId: subscription.id,
      event: TEST_EVENT,
      eventKey: `${TEST_EVENT}:${randomUUID()}`,
      body: bodyOf(
        subscription.workspaceId,
        TEST_EVENT,
        { message: "A test event from GapMap." },
        now,
      ),
      nextAttemptAt: now,
    },
    select: { id: true },
  });
  return row.id;
}

const OVERDUE_BATCH = 200;

/**
 * Queues `action.overdue` once per action and due date (a new due date arms it again), for the
 * workspaces subscribed to it. Run by the worker's sweep; returns how many were queued.
 */
export async function enqueueOverdueActions(now = new Date()): Promise<number> {
  const db = getDb();
  const workspaces = [
    ...new Set(
      (await db.webhookSubscription.findMany({ select: { workspaceId: true, events: true } }))
        .filter((s) => wants(s.events, "action.overdue"))
        .map((s) => s.workspaceId),
    ),
  ];
  if (workspaces.length === 0) return 0;
  // Overdue: open or in progress after the end of its due day (lib/actions/overdue.ts).
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const actions = await db.action.findMany({
    where: {
      workspaceId: { in: workspaces },
      status: { in: ["open", "in_progress"] },
      dueDate: { lte: dayAgo },
    },
    orderBy: { dueDate: "asc" },
    take: OVERDUE_BATCH * 5,
    select: {
      id: true,
      workspaceId: true,
      organizationId: true,
      title: true,
      dueDate: true,
      status: true,
      organization: { select: { name: true } },
    },
  });
  let queued = 0;
  for (const action of actions) {
    if (queued >= OVERDUE_BATCH) break;
    try {
      queued += await enqueueWebhookEvent(db, {
        workspaceId: action.workspaceId,
        event: "action.overdue",
        eventKey: `action.overdue:${action.id}:${action.dueDate!.toISOString()}`,
        data: {
          action: {
            id: action.id,
            title: action.title,
            status: action.status,
            dueDate: action.dueDate!.toISOString().slice(0, 10),
            organizationId: action.organizationId,
            organizationName: action.organization.name,
          },
        },
        now,
      });
    } catch (error) {
      // Two sweeps at once (two app instances): the other one queued it.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return queued;
}
