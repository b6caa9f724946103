import "server-only";
import { retakesDueOf } from "@/lib/assessments/retakes";
import { getDb, isUniqueViolation } from "@/lib/db";
import { systemContext } from "@/lib/auth/context";
import { unseal } from "@/lib/auth/sealed";
import { isOverdue } from "@/lib/actions/overdue";
import { inChunks } from "@/lib/mail/chunks";
import { mailConfig } from "@/lib/mail/config";
import { enqueueMail, respondentDraft, type MailDraft } from "@/lib/mail/queue";
import { optedOut } from "@/lib/mail/stop";
import { actionNoticeMail, retakeDueMail } from "@/lib/mail/templates";
import { organizationPath } from "@/lib/organizations/paths";

// Mail nobody clicks for: reminders before a round closes, notices of actions due and overdue,
// and "retake due" notices. Each is queued once, under a dedupe key, by the sweep
// (lib/notices/sweep.ts); queuing twice (two app instances) is refused by the key's unique index.

const DAY_MS = 24 * 60 * 60 * 1000;
/** An action's owner hears of it this many days before its due date. */
export const ACTION_DUE_NOTICE_DAYS = 3;
/** A respondent mailed this recently is not sent the scheduled reminder yet. */
const QUIET_MS = DAY_MS;

async function queueOnce(draft: MailDraft, now: Date): Promise<boolean> {
  try {
    await enqueueMail(getDb(), draft, now);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function existingKeys(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await inChunks(keys, (chunk) =>
    getDb().mail.findMany({ where: { dedupeKey: { in: chunk } }, select: { dedupeKey: true } }),
  );
  return new Set(rows.flatMap((r) => (r.dedupeKey ? [r.dedupeKey] : [])));
}

/** Reminders to respondents who have not submitted, `days` before an open round closes. */
export async function queueScheduledReminders(
  now: Date,
  days = mailConfig().reminderDaysBeforeClose,
): Promise<number> {
  if (days === 0) return 0;
  const db = getDb();
  const rounds = await db.assessment.findMany({
    where: { state: "open", closesAt: { gt: now, lte: new Date(now.getTime() + days * DAY_MS) } },
    select: {
      id: true,
      name: true,
      closesAt: true,
      workspace: { select: { id: true, name: true } },
      organization: { select: { name: true } },
      invitations: {
        where: {
          kind: "personal",
          revokedAt: null,
          email: { not: null },
          sealedToken: { not: null },
          response: { submittedAt: null },
        },
        select: { id: true, name: true, email: true, sealedToken: true },
      },
    },
  });
  let queued = 0;
  for (const round of rounds) {
    const key = (invitationId: string) =>
      `reminder-before-close:${invitationId}:${round.closesAt!.getTime()}`;
    const done = await existingKeys(round.invitations.map((i) => key(i.id)));
    const todo = round.invitations.filter((i) => !done.has(key(i.id)));
    if (todo.length === 0) continue;
    const stopped = await optedOut(
      round.workspace.id,
      todo.map((i) => i.email!),
    );
    const recent = new Set(
      (
        await inChunks(
          todo.map((i) => i.id),
          (chunk) =>
            db.mail.findMany({
              where: {
                relatedType: "assessment_invitation",
                relatedId: { in: chunk },
                createdAt: { gt: new Date(now.getTime() - QUIET_MS) },
              },
              select: { relatedId: true },
            }),
        )
      ).map((m) => m.relatedId),
    );
    const system = systemContext(round.workspace.id, "mail");
    for (const invitation of todo) {
      if (stopped.has(invitation.email!.toLowerCase()) || recent.has(invitation.id)) continue;
      const token = unseal(invitation.sealedToken!);
      if (!token) continue;
      const draft = respondentDraft(
        "reminder",
        {
          workspaceId: system.workspaceId,
          workspaceName: round.workspace.name,
          organizationName: round.organization.name,
          roundName: round.name,
          closesAt: round.closesAt,
          invitation: { id: invitation.id, name: invitation.name, email: invitation.email!, token },
        },
        { dedupeKey: key(invitation.id) },
      );
      if (await queueOnce(draft, now)) queued++;
    }
  }
  return queued;
}

/** One notice before an action's due date and one when it is overdue, to its member owner. */
export async function queueActionNotices(now: Date): Promise<number> {
  const { appUrl } = mailConfig();
  const actions = await getDb().action.findMany({
    where: {
      status: { in: ["open", "in_progress"] },
      ownerMemberId: { not: null },
      dueDate: { not: null, lte: new Date(now.getTime() + ACTION_DUE_NOTICE_DAYS * DAY_MS) },
    },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      organizationId: true,
      workspace: { select: { id: true, name: true } },
      organization: { select: { name: true } },
      ownerMember: { select: { user: { select: { email: true, name: true } } } },
    },
  });
  const keyOf = (a: (typeof actions)[number]) =>
    `${isOverdue(a, now) ? "action-overdue" : "action-due"}:${a.id}:${a.dueDate!.getTime()}`;
  const done = await existingKeys(actions.map(keyOf));
  let queued = 0;
  for (const action of actions) {
    const user = action.ownerMember?.user;
    if (!user || done.has(keyOf(action))) continue;
    const overdue = isOverdue(action, now);
    const system = systemContext(action.workspace.id, "mail");
    const queuedOne = await queueOnce(
      {
        workspaceId: system.workspaceId,
        to: user.email,
        template: overdue ? "action_overdue" : "action_due",
        rendered: actionNoticeMail({
          workspaceName: action.workspace.name,
          organizationName: action.organization.name,
          recipientName: user.name,
          actionTitle: action.title,
          dueDate: action.dueDate!,
          actionUrl: `${appUrl}${organizationPath(action.organizationId, "actions")}`,
          overdue,
        }),
        relatedType: "action",
        relatedId: action.id,
        dedupeKey: keyOf(action),
      },
      now,
    );
    if (queuedOne) queued++;
  }
  return queued;
}

export type RetakeDueOrganization = {
  workspaceId: string;
  organizationId: string;
  name: string;
  lastAssessmentId: string;
  lastClosedAt: Date;
  /** The workspace's retake interval, which the notice quotes. */
  intervalDays: number;
};

/**
 * Every workspace's organisations due for a retake, by the same rule as the workspace's retakes
 * page (lib/assessments/retakes: the last closed round older than the workspace's interval, and
 * no round started since).
 */
export async function organizationsDueForRetake(now: Date): Promise<RetakeDueOrganization[]> {
  const workspaces = await getDb().workspace.findMany({
    select: {
      id: true,
      retakeIntervalDays: true,
      organizations: {
        select: {
          id: true,
          name: true,
          assessments: {
            select: { id: true, name: true, state: true, closedAt: true, createdAt: true },
          },
        },
      },
    },
  });
  return workspaces.flatMap((workspace) =>
    retakesDueOf(
      workspace.organizations.map((o) => ({ id: o.id, name: o.name, rounds: o.assessments })),
      workspace.retakeIntervalDays,
      now,
    ).due.map((due) => ({
      workspaceId: workspace.id,
      organizationId: due.organizationId,
      name: due.organizationName,
      lastAssessmentId: due.lastRound.id,
      lastClosedAt: due.lastRound.closedAt,
      intervalDays: workspace.retakeIntervalDays,
    })),
  );
}

/**
 * "Retake due" notices to each workspace's owners, one per organisation and closed round, for
 * the organisations given (whatever decided they are due).
 */
export async function queueRetakeDueNotices(
  organizations: RetakeDueOrganization[],
  now: Date,
): Promise<number> {
  if (organizations.length === 0) return 0;
  const { appUrl } = mailConfig();
  const workspaceIds = [...new Set(organizations.map((o) => o.workspaceId))];
  const owners = await getDb().member.findMany({
    where: { workspaceId: { in: workspaceIds }, role: "owner" },
    select: {
      id: true,
      workspaceId: true,
      workspace: { select: { name: true } },
      user: { select: { email: true, name: true } },
    },
  });
  const keyOf = (o: RetakeDueOrganization, memberId: string) =>
    `retake-due:${o.organizationId}:${o.lastAssessmentId}:${memberId}`;
  const done = await existingKeys(
    organizations.flatMap((o) =>
      owners.filter((m) => m.workspaceId === o.workspaceId).map((m) => keyOf(o, m.id)),
    ),
  );
  let queued = 0;
  for (const organization of organizations) {
    const system = systemContext(organization.workspaceId, "mail");
    for (const owner of owners.filter((m) => m.workspaceId === organization.workspaceId)) {
      if (done.has(keyOf(organization, owner.id))) continue;
      const queuedOne = await queueOnce(
        {
          workspaceId: system.workspaceId,
          to: owner.user.email,
          template: "retake_due",
          rendered: retakeDueMail({
            workspaceName: owner.workspace.name,
            recipientName: owner.user.name,
            organizations: [
              {
                name: organization.name,
                lastClosedAt: organization.lastClosedAt,
                url: `${appUrl}${organizationPath(organization.organizationId, "rounds")}`,
              },
            ],
            days: organization.intervalDays,
          }),
          relatedType: "organization",
          relatedId: organization.organizationId,
          dedupeKey: keyOf(organization, owner.id),
        },
        now,
      );
      if (queuedOne) queued++;
    }
  }
  return queued;
}
