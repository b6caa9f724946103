import "server-only";
import { getDb } from "@/lib/db";
import { enqueueOverdueActions } from "./events";
import { sendWebhook } from "./send";

// Sends what is due. Each pending delivery is claimed first (its next attempt moved a lease
// ahead, only if nobody moved it since), so two app instances never send the same attempt; a
// failed attempt is retried with growing delays, and recorded (code, error) each time.
//
// Who runs it: the server process, every 30 seconds (instrumentation.ts calls
// startWebhookWorker under `npm start` and `npm run dev`), and right after a change that queued
// an event (kickWebhookWorker). Tests call deliverDueWebhooks with the time they choose.

/** Delay before attempt n+1 after n failed attempts (seconds); the last failure gives up. */
export const RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const LEASE_MS = 60_000;
const BATCH = 20;

type Outcome = {
  id: string;
  status: "delivered" | "pending" | "failed";
  responseCode: number | null;
};

/** Sends one claimed delivery and records the attempt. */
async function attempt(
  delivery: {
    id: string;
    event: string;
    body: string;
    attempts: number;
    subscription: { url: string; secret: string };
  },
  now: Date,
): Promise<Outcome> {
  const sent = await sendWebhook({
    url: delivery.subscription.url,
    secret: delivery.subscription.secret,
    body: delivery.body,
    event: delivery.event,
    deliveryId: delivery.id,
    now,
  });
  const attempts = delivery.attempts + 1;
  const finished = new Date();
  const status = sent.ok ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "pending";
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  await getDb().webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      status,
      attempts,
      lastAttemptAt: finished,
      responseCode: sent.status,
      error: sent.error,
      deliveredAt: sent.ok ? finished : null,
      nextAttemptAt:
        status === "pending" && delay !== undefined ? new Date(now.getTime() + delay * 1000) : null,
    },
  });
  return { id: delivery.id, status, responseCode: sent.status };
}

const claimSelect = {
  id: true,
  event: true,
  body: true,
  attempts: true,
  nextAttemptAt: true,
  subscription: { select: { url: true, secret: true } },
} as const;

/** Claims a pending delivery whose attempt is due; null when another worker took it. */
async function claim(id: string, nextAttemptAt: Date | null, now: Date): Promise<boolean> {
  const { count } = await getDb().webhookDelivery.updateMany({
    where: { id, status: "pending", nextAttemptAt },
    data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

/** Sends the deliveries due at `now` (a batch at most); what happened to each. */
export async function deliverDueWebhooks(now = new Date()): Promise<Outcome[]> {
  const due = await getDb().webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: claimSelect,
  });
  const outcomes: Outcome[] = [];
  for (const delivery of due) {
    if (!(await claim(delivery.id, delivery.nextAttemptAt, now))) continue;
    outcomes.push(await attempt(delivery, now));
  }
  return outcomes;
}

/** Sends one delivery now, whatever its next attempt time (the test event button). */
export async function deliverNow(id: string, now = new Date()): Promise<Outcome | null> {
  const delivery = await getDb().webhookDelivery.findFirst({
    where: { id, status: "pending" },
    select: claimSelect,
  });
  if (!delivery || !(await claim(delivery.id, delivery.nextAttemptAt, now))) return null;
  return attempt(delivery, now);
}

/** One sweep: queue newly overdue actions, then send what is due. */
export async function runWebhookSweep(now = new Date()): Promise<void> {
  await enqueueOverdueActions(now);
  await deliverDueWebhooks(now);
}

const SWEEP_MS = 30_000;
let timer: ReturnType<typeof setInterval> | null = null;
let running: Promise<void> | null = null;

function sweepOnce(): void {
  if (running) return;
  running = runWebhookSweep()
    .catch((error: unknown) => console.error("[gapmap] webhook sweep failed", error))
    .finally(() => {
      running = null;
    });
}

/** Starts the sweep in this process (once); it does not keep the process alive. */
export function startWebhookWorker(): void {
  if (timer) return;
  timer = setInterval(sweepOnce, SWEEP_MS);
  timer.unref();
  setTimeout(sweepOnce, 1_000).unref();
}

/** After a change queued an event: send soon, without waiting for the next sweep. */
export function kickWebhookWorker(): void {
  if (!timer) return;
  setTimeout(sweepOnce, 0).unref();
}
