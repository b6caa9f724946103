import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { BlockedAddressError, hostOf, resolvePublicAddresses, urlProblem } from "./address";
import { enqueueTestEvent } from "./events";
import { createWebhookSchema } from "./schema";
import { deliverNow } from "./worker";

const MAX_SUBSCRIPTIONS = 20;

function invalidUrl(message: string): AppError {
  return new AppError("validation_failed", `Please check url: ${message}`, {
    fields: { url: message },
  });
}

/** Checks a URL an owner entered: its form, then every address its host resolves to. */
async function assertDeliverable(url: string): Promise<void> {
  const problem = urlProblem(url);
  if (problem) throw invalidUrl(problem);
  try {
    await resolvePublicAddresses(hostOf(new URL(url)));
  } catch (error) {
    if (error instanceof BlockedAddressError)
      throw invalidUrl(`GapMap sends webhooks only to public addresses: ${error.message}.`);
    throw error;
  }
}

/** Creates a subscription; its secret is in the answer, and never shown again. */
export async function createWebhook(
  ctx: WorkspaceContext,
  input: unknown,
): Promise<{ id: string; secret: string }> {
  assertCan(ctx, "webhook.manage");
  const data = parseInput(createWebhookSchema, input);
  await assertDeliverable(data.url);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const count = await tx.webhookSubscription.count({ where: { workspaceId: ctx.workspaceId } });
    if (count >= MAX_SUBSCRIPTIONS)
      throw new AppError("conflict", `A workspace has at most ${MAX_SUBSCRIPTIONS} webhooks.`);
    const secret = `whsec_${randomBytes(32).toString("base64url")}`;
    const row = await tx.webhookSubscription.create({
      data: {
        workspaceId: ctx.workspaceId,
        url: data.url,
        events: [...new Set(data.events)],
        secret,
        createdByUserId: ctx.userId,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "webhook.created",
        targetType: "webhook",
        targetId: row.id,
        detail: { url: data.url, events: data.events },
      },
      tx,
    );
    return { id: row.id, secret };
  });
}

async function scopedSubscription(ctx: WorkspaceContext, id: string) {
  const row = await getDb().webhookSubscription.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    select: { id: true, url: true, workspaceId: true },
  });
  if (!row) throw notFound("Webhook");
  return row;
}

export async function deleteWebhook(ctx: WorkspaceContext, id: string): Promise<void> {
  assertCan(ctx, "webhook.manage");
  const row = await scopedSubscription(ctx, id);
  await getDb().$transaction(async (tx) => {
    await tx.webhookSubscription.delete({ where: { id: row.id } });
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "webhook.deleted",
        targetType: "webhook",
        targetId: row.id,
        detail: { url: row.url },
      },
      tx,
    );
  });
}

/** Queues a test event for one subscription and sends it at once; what the receiver answered. */
export async function sendTestEvent(
  ctx: WorkspaceContext,
  id: string,
): Promise<{ delivered: boolean; responseCode: number | null; error: string | null }> {
  assertCan(ctx, "webhook.manage");
  const row = await scopedSubscription(ctx, id);
  const deliveryId = await getDb().$transaction(async (tx) => {
    const created = await enqueueTestEvent(tx, row);
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "webhook.test_sent",
        targetType: "webhook",
        targetId: row.id,
        detail: { url: row.url },
      },
      tx,
    );
    return created;
  });
  await deliverNow(deliveryId);
  const delivery = await getDb().webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: { status: true, responseCode: true, error: true },
  });
  return {
    delivered: delivery.status === "delivered",
    responseCode: delivery.responseCode,
    error: delivery.error,
  };
}
