import "server-only";
import { z } from "zod";
import { getDb, isUniqueViolation, type DbTx } from "@/lib/db";
import { systemContext } from "@/lib/auth/context";
import { signPayload, verifySignedPayload } from "@/lib/auth/sealed";
import { recordAudit } from "@/lib/audit/mutations";
import { inChunks } from "./chunks";
import { mailConfig } from "./config";

// The "stop reminders" link in every mail to a respondent: a signed (workspace, address) pair, so
// it works without an account and cannot be made for another address. Opening the page only
// shows what it will do; the opt-out is recorded when the person confirms (a POST), so a mail
// scanner that follows links does not opt anyone out.

const payloadSchema = z.strictObject({
  w: z.string().min(1).max(100),
  e: z.string().min(3).max(254),
});

export function stopRemindersToken(workspaceId: string, email: string): string {
  return signPayload(JSON.stringify({ w: workspaceId, e: email.trim().toLowerCase() }));
}

export function stopRemindersUrl(workspaceId: string, email: string): string {
  return `${mailConfig().appUrl}/stop-reminders/${stopRemindersToken(workspaceId, email)}`;
}

export type StopRemindersTarget = {
  workspaceId: string;
  workspaceName: string;
  email: string;
  stopped: boolean;
};

function readToken(token: string): { w: string; e: string } | null {
  const payload = verifySignedPayload(token);
  if (payload === null) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a stop-reminders link stands for, or null when it is not one of ours. */
export async function findStopRemindersTarget(token: string): Promise<StopRemindersTarget | null> {
  const payload = readToken(token);
  if (!payload) return null;
  const db = getDb();
  const workspace = await db.workspace.findUnique({
    where: { id: payload.w },
    select: { id: true, name: true },
  });
  if (!workspace) return null;
  const existing = await db.mailOptOut.findUnique({
    where: { workspaceId_email: { workspaceId: workspace.id, email: payload.e } },
    select: { id: true },
  });
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    email: payload.e,
    stopped: existing !== null,
  };
}

/** Records the opt-out (once; confirming again changes nothing). Null for a link not ours. */
export async function stopReminders(token: string): Promise<StopRemindersTarget | null> {
  const target = await findStopRemindersTarget(token);
  if (!target) return null;
  if (target.stopped) return target;
  // The token's signature is the verified secret this workspace id was read through.
  const system = systemContext(target.workspaceId, "mail");
  try {
    await getDb().$transaction(async (tx) => {
      await tx.mailOptOut.create({
        data: { workspaceId: system.workspaceId, email: target.email },
      });
      await recordAudit(
        {
          workspaceId: system.workspaceId,
          actorUserId: null,
          actorLabel: target.email,
          action: "mail.reminders_stopped",
          targetType: "mail_opt_out",
          targetId: null,
          detail: { email: target.email },
        },
        tx,
      );
    });
  } catch (error) {
    // Two confirmations at once: the other one recorded it.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ...target, stopped: true };
}

/** The addresses among `emails` that stopped reminders from this workspace. */
export async function optedOut(
  workspaceId: string,
  emails: string[],
  db: Pick<DbTx, "mailOptOut"> = getDb(),
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await inChunks(
    emails.map((e) => e.toLowerCase()),
    (chunk) =>
      db.mailOptOut.findMany({
        where: { workspaceId, email: { in: chunk } },
        select: { email: true },
      }),
  );
  return new Set(rows.map((r) => r.email));
}
