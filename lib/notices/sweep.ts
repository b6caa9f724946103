import "server-only";
import { deliverDueMail, type DeliveryReport } from "@/lib/mail/deliver";
import {
  organizationsDueForRetake,
  queueActionNotices,
  queueRetakeDueNotices,
  queueScheduledReminders,
} from "./schedule";

// One pass of the notices (lib/notices sits above lib/mail, which only queues and delivers):
// One pass of the mail work: queue what the calendar asks for, then deliver what is due. The
// server runs it on a timer (scripts/server.mjs -> POST /api/internal/mail-sweep, decision 0015);
// tests call it with the time they want.

export type SweepReport = DeliveryReport & {
  scheduled: { reminders: number; actionNotices: number; retakeNotices: number };
};

export async function runMailSweep(
  options: { now?: Date; workspaceId?: string } = {},
): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const scheduled = { reminders: 0, actionNotices: 0, retakeNotices: 0 };
  // Scheduling failing (a bad row, a database hiccup) must not stop delivery of what is queued.
  try {
    scheduled.reminders = await queueScheduledReminders(now);
    scheduled.actionNotices = await queueActionNotices(now);
    scheduled.retakeNotices = await queueRetakeDueNotices(
      await organizationsDueForRetake(now),
      now,
    );
  } catch (error) {
    console.error("[gapmap] mail sweep: scheduling failed", error);
  }
  const delivered = await deliverDueMail({ now, workspaceId: options.workspaceId });
  return { ...delivered, scheduled };
}
