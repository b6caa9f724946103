import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert";
import type { WorkspaceContext } from "@/lib/auth/context";
import { countHit, readLimit } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { mailConfig } from "./config";
import { enqueueMail } from "./queue";
import { testMail } from "./templates";

/** One test mail per owner per minute: enough to check a setting, not a way to mail anyone. */
export const TEST_MAIL_LIMIT = { max: 1, windowMs: 60 * 1000 } as const;

/** Queues a test mail to the owner themselves (never to an address given), to check the settings. */
export async function sendTestMail(
  ctx: WorkspaceContext,
  now = new Date(),
): Promise<{ to: string }> {
  assertCan(ctx, "audit.read");
  const key = `mail-test:${ctx.memberId}`;
  const limit = await readLimit(key, TEST_MAIL_LIMIT.max, TEST_MAIL_LIMIT.windowMs, now);
  if (limit.limited) {
    throw new AppError("rate_limited", "A test mail was sent a moment ago. Wait a minute.", {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  await countHit(key, TEST_MAIL_LIMIT.windowMs, now);
  const config = mailConfig();
  await getDb().$transaction(async (tx) => {
    const mail = await enqueueMail(
      tx,
      {
        workspaceId: ctx.workspaceId,
        to: ctx.email,
        template: "test",
        rendered: testMail({
          workspaceName: ctx.workspaceName,
          recipientName: ctx.userName,
          sentVia:
            config.transport === "smtp"
              ? `sent through ${config.smtpLabel}`
              : "it is in the outbox (no SMTP_URL is set)",
        }),
        createdByUserId: ctx.userId,
      },
      now,
    );
    await recordAudit(
      {
        workspaceId: ctx.workspaceId,
        actorUserId: ctx.userId,
        actorLabel: ctx.email,
        action: "mail.test_sent",
        targetType: "mail",
        targetId: mail.id,
      },
      tx,
    );
  });
  return { to: ctx.email };
}
