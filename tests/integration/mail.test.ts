import net from "node:net";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as remindersRoute from "@/app/api/v1/assessments/[id]/reminders/route";
import * as sweepRoute from "@/app/api/internal/mail-sweep/route";
import { createAction } from "@/lib/actions/mutations";
import { runCli } from "@/lib/cli/main";
import {
  createAssessment,
  createInvitations,
  openAssessment,
  revokeRespondentLink,
} from "@/lib/assessments/mutations";
import { emailRespondentLink, REMIND_LIMIT, remindNotSubmitted } from "@/lib/assessments/mail";
import { disconnectDb, getDb } from "@/lib/db";
import { backoffMs, closeMailTransport, deliverDueMail, MAX_ATTEMPTS } from "@/lib/mail/deliver";
import { getOutbox } from "@/lib/mail/data";
import { sendTestMail } from "@/lib/mail/mutations";
import {
  organizationsDueForRetake,
  queueActionNotices,
  queueRetakeDueNotices,
  queueScheduledReminders,
} from "@/lib/notices/schedule";
import { findStopRemindersTarget, stopReminders, stopRemindersToken } from "@/lib/mail/stop";
import { LINK_PLACEHOLDER } from "@/lib/mail/templates";
import type { OrganizationView } from "@/lib/organizations/data";
import { apiRequest, readResponse, routeParams } from "../fixtures/next-request";
import { buildWorld, freshOrganization, uniqueSuffix, type World } from "../fixtures/world";

// Mail end to end on the real data layer: queued in the transaction that causes it, delivered by
// the sweep to a real SMTP server started here (smtp-server, in-process) or to the outbox, retried
// with backoff, refused across workspaces and roles, and the "stop reminders" link honoured.

type Received = { to: string[]; raw: string };

let world: World;
let organization: OrganizationView;
let smtp: SMTPServer;
let smtpPort = 0;
let rejecting: SMTPServer;
let rejectingPort = 0;
const received: Received[] = [];

async function listen(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.server.address() as AddressInfo).port;
}

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The decoded text of one MIME part of a raw message, by content type. */
function part(raw: string, type: "text/plain" | "text/html"): string {
  const chunks = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const chunk = chunks.find((c) => new RegExp(`^Content-Type: ${type}`, "im").test(c));
  if (!chunk) throw new Error(`no ${type} part in:\n${raw}`);
  const split = chunk.search(/\r?\n\r?\n/);
  const headers = chunk.slice(0, split);
  const body = chunk.slice(split).trim();
  if (/Content-Transfer-Encoding: base64/i.test(headers))
    return Buffer.from(body, "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** An RFC 2047 encoded-word header (`=?UTF-8?Q?...?=`), decoded. */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_m, q: string) =>
    Buffer.from(
      q
        .replace(/_/g, " ")
        .replace(/=([0-9A-F]{2})/gi, (_n, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8"),
  );
}

function useSmtp(port: number) {
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
}

beforeAll(async () => {
  world = await buildWorld();
  organization = await freshOrganization(world.a, "Mailed", { grantToExecutive: true });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  smtpPort = await listen(smtp);
  rejecting = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
  });
  rejectingPort = await listen(rejecting);
});

afterEach(() => {
  delete process.env.SMTP_URL;
  vi.restoreAllMocks();
});

afterAll(async () => {
  closeMailTransport();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => rejecting.close(() => resolve()));
  await disconnectDb();
});

async function openRound(name = `Q${uniqueSuffix()}`, closesAt?: Date) {
  const round = await createAssessment(world.a.consultant.ctx, organization.id, {
    name,
    roles: ["business", "technical"],
    closesAt: closesAt?.toISOString(),
  });
  await openAssessment(world.a.consultant.ctx, round.id);
  return round;
}

const email = (label: string) => `${label}-${uniqueSuffix()}@client.test`;

async function mailsTo(address: string) {
  return getDb().mail.findMany({ where: { toAddress: address }, orderBy: { createdAt: "asc" } });
}

describe("mail", () => {
  it("an invitation reaches a real SMTP server with a text and an HTML part, the personal link and a stop-reminders link", async () => {
    const round = await openRound();
    const to = email("jo");
    const [link] = await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ name: "Jo <b>Bold</b> & co", email: to, role: "business" }],
      sendEmail: true,
    });
    const [queued] = await mailsTo(to);
    expect(queued).toMatchObject({ status: "queued", template: "invitation", attempts: 0 });
    // The stored bodies hold a placeholder; the token itself is only sealed.
    expect(queued!.textBody).toContain(LINK_PLACEHOLDER);
    expect(queued!.textBody).not.toContain(link!.token);
    expect(queued!.htmlBody).not.toContain(link!.token);
    expect(queued!.sealedLink).toBeTruthy();
    const audit = await getDb().auditEvent.findFirst({
      where: { workspaceId: world.a.id, action: "mail.invitations_sent", targetId: round.id },
    });
    expect(audit?.actorLabel).toBe(world.a.consultant.email);

    useSmtp(smtpPort);
    const report = await deliverDueMail({ workspaceId: world.a.id });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const message = received.find((m) => m.to.includes(to));
    expect(message).toBeDefined();
    const raw = message!.raw;
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
    expect(decodeHeader(/^Subject: (.*)$/m.exec(headers)?.[1] ?? "")).toBe(
      `${organization.name}: your input to "${round.name}"`,
    );
    const text = part(raw, "text/plain");
    const html = part(raw, "text/html");
    expect(text).toContain(`http://localhost:3000/respond/${link!.token}`);
    expect(html).toContain(`href="http://localhost:3000/respond/${link!.token}"`);
    // The name a consultant typed is text in the HTML, never markup.
    expect(html).toContain("Jo &lt;b&gt;Bold&lt;/b&gt; &amp; co");
    expect(html).not.toContain("<b>Bold</b>");
    expect(text).toMatch(
      /No more reminders for this address: http:\/\/localhost:3000\/stop-reminders\/\S+/,
    );
    expect(html).toContain("/stop-reminders/");
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/stop-reminders\//m);

    const [sent] = await mailsTo(to);
    expect(sent).toMatchObject({
      status: "sent",
      deliveredVia: "smtp",
      attempts: 1,
      sealedLink: null,
    });
    expect(sent!.sentAt).toBeInstanceOf(Date);
  });

  it("without SMTP_URL, mail goes to the outbox: recorded as sent, logged without the link, listed for owners", async () => {
    const round = await openRound();
    const to = email("outbox");
    const [link] = await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "technical" }],
      sendEmail: true,
    });
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const before = received.length;
    await deliverDueMail({ workspaceId: world.a.id });
    expect(received.length).toBe(before);
    const [row] = await mailsTo(to);
    expect(row).toMatchObject({ status: "sent", deliveredVia: "outbox", sealedLink: null });
    const logged = log.mock.calls.map((c) => String(c[0])).find((line) => line.includes(to));
    expect(logged).toContain("outbox");
    expect(logged).toContain("[personal link]");
    expect(logged).not.toContain(link!.token);

    const outbox = await getOutbox(world.a.owner.ctx);
    expect(outbox.settings.transport).toBe("outbox");
    const shown = outbox.mails.find((m) => m.to === to);
    expect(shown).toMatchObject({ status: "sent", template: "invitation" });
    expect(shown!.text).toContain("[personal link: sent only to the recipient]");
    expect(shown!.text).not.toContain(link!.token);
  });

  it("a refused delivery is retried with doubling waits and recorded as failed after the 8th attempt", async () => {
    const round = await openRound();
    const to = email("refused");
    await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "business" }],
      sendEmail: true,
    });
    useSmtp(rejectingPort);
    expect(MAX_ATTEMPTS).toBe(8);
    let now = new Date();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await deliverDueMail({ now, workspaceId: world.a.id });
      const [row] = await mailsTo(to);
      expect(row).toMatchObject({ status: "queued", attempts: attempt });
      expect(row!.lastError).toMatch(/550/);
      expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(attempt));
      // Not due before its time: a sweep a second early leaves it alone.
      await deliverDueMail({
        now: new Date(row!.nextAttemptAt.getTime() - 1000),
        workspaceId: world.a.id,
      });
      expect((await mailsTo(to))[0]!.attempts).toBe(attempt);
      now = row!.nextAttemptAt;
    }
    expect([1, 2, 3, 7, 20].map(backoffMs)).toEqual([
      60_000, 120_000, 240_000, 3_840_000, 21_600_000,
    ]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await deliverDueMail({ now, workspaceId: world.a.id });
    const [failed] = await mailsTo(to);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      sealedLink: null,
      sentAt: null,
    });
    expect(failed!.lastError).toMatch(/550/);
    expect(warn).toHaveBeenCalled();
    // Given up: later sweeps do not try again.
    await deliverDueMail({ now: new Date(now.getTime() + 86_400_000), workspaceId: world.a.id });
    expect((await mailsTo(to))[0]!.attempts).toBe(MAX_ATTEMPTS);
  });

  it("a closed port is a failed attempt with the connection error recorded, and a bad SMTP_URL holds mail", async () => {
    const round = await openRound();
    const to = email("closed");
    await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "business" }],
      sendEmail: true,
    });
    process.env.SMTP_URL = "http//not a url";
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const held = await deliverDueMail({ workspaceId: world.a.id });
    expect(held.held).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(to))[0]).toMatchObject({ status: "queued", attempts: 0 });
    expect(String(error.mock.calls[0]?.[0])).toMatch(/SMTP_URL is not a URL/);
    expect((await getOutbox(world.a.owner.ctx)).settings.problems[0]).toMatch(/SMTP_URL/);

    useSmtp(await closedPort());
    const report = await deliverDueMail({ workspaceId: world.a.id });
    expect(report.retrying).toBeGreaterThanOrEqual(1);
    const [row] = await mailsTo(to);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
  });

  it("a stop-reminders link records the opt-out once, and reminders skip that address", async () => {
    const round = await openRound();
    const stopper = email("stopper");
    const other = email("other");
    await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [
        { email: stopper, role: "business" },
        { email: other, role: "technical" },
      ],
    });
    const token = stopRemindersToken(world.a.id, stopper);
    expect(await findStopRemindersTarget(token)).toMatchObject({
      email: stopper,
      workspaceName: world.a.name,
      stopped: false,
    });
    // Signed: the same token for another address, or altered, is not ours.
    const [payload, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ w: world.a.id, e: other })).toString("base64url")}.${signature}`;
    expect(await findStopRemindersTarget(forged)).toBeNull();
    expect(await findStopRemindersTarget(`${payload}.x${signature}`)).toBeNull();
    expect(await stopReminders(forged)).toBeNull();

    expect(await stopReminders(token)).toMatchObject({ stopped: true });
    expect(await stopReminders(token)).toMatchObject({ stopped: true });
    expect(
      await getDb().mailOptOut.count({ where: { workspaceId: world.a.id, email: stopper } }),
    ).toBe(1);
    expect(
      await getDb().auditEvent.count({
        where: { workspaceId: world.a.id, action: "mail.reminders_stopped", actorLabel: stopper },
      }),
    ).toBe(1);

    const report = await remindNotSubmitted(world.a.consultant.ctx, round.id);
    expect(report).toMatchObject({ queued: 1, optedOut: 1 });
    expect(await mailsTo(stopper)).toHaveLength(0);
    expect(await mailsTo(other)).toHaveLength(1);
    // The opt-out is this workspace's: another workspace may still write to the address.
    expect(await findStopRemindersTarget(stopRemindersToken(world.b.id, stopper))).toMatchObject({
      stopped: false,
    });
  });

  it("a reminder queued before the opt-out is not sent", async () => {
    const round = await openRound();
    const to = email("late-stop");
    await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "business" }],
    });
    await remindNotSubmitted(world.a.consultant.ctx, round.id);
    await stopReminders(stopRemindersToken(world.a.id, to));
    useSmtp(smtpPort);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await deliverDueMail({ workspaceId: world.a.id });
    expect(received.some((m) => m.to.includes(to))).toBe(false);
    expect((await mailsTo(to))[0]).toMatchObject({ status: "failed", sealedLink: null });
  });

  it("a queued reminder is dropped when the respondent submits or the link is withdrawn first", async () => {
    const round = await openRound();
    const [submitter, withdrawn] = [email("submits"), email("withdrawn")];
    const links = await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [
        { email: submitter, role: "business" },
        { email: withdrawn, role: "technical" },
      ],
    });
    await remindNotSubmitted(world.a.consultant.ctx, round.id);
    await getDb().response.update({
      where: { invitationId: links[0]!.id },
      data: { submittedAt: new Date() },
    });
    await revokeRespondentLink(world.a.consultant.ctx, round.id, links[1]!.id);
    useSmtp(smtpPort);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await deliverDueMail({ workspaceId: world.a.id });
    expect(received.some((m) => m.to.includes(submitter) || m.to.includes(withdrawn))).toBe(false);
    expect((await mailsTo(submitter))[0]).toMatchObject({
      status: "failed",
      lastError: "Not sent: the respondent has submitted.",
      sealedLink: null,
    });
    expect((await mailsTo(withdrawn))[0]).toMatchObject({
      status: "failed",
      lastError: "Not sent: the link was withdrawn.",
    });
    const shown = (await getOutbox(world.a.owner.ctx)).mails.filter((m) =>
      [submitter, withdrawn].includes(m.to),
    );
    expect(shown.map((m) => m.dropped)).toEqual([true, true]);
  });

  it("the remind button skips submitted and recently mailed respondents, and is refused past its limit per round", async () => {
    const round = await openRound();
    const [done, invited, quiet, noEmail] = [email("done"), email("invited"), email("quiet"), null];
    const links = await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [
        { email: done, role: "business" },
        { email: invited, role: "business" },
        { email: quiet, role: "technical" },
        { role: "technical" },
      ],
    });
    expect(noEmail).toBeNull();
    await getDb().response.update({
      where: { invitationId: links[0]!.id },
      data: { submittedAt: new Date() },
    });
    await emailRespondentLink(world.a.consultant.ctx, round.id, { invitationId: links[1]!.id });
    // A second "send by email" for the same link minutes later is refused.
    await expect(
      emailRespondentLink(world.a.consultant.ctx, round.id, { invitationId: links[1]!.id }),
    ).rejects.toMatchObject({ code: "rate_limited" });

    const first = await remindNotSubmitted(world.a.consultant.ctx, round.id);
    expect(first).toEqual({ queued: 1, noEmail: 1, optedOut: 0, recentlyMailed: 1 });
    expect(await mailsTo(done)).toHaveLength(0);
    expect((await mailsTo(quiet)).map((m) => m.template)).toEqual(["reminder"]);
    const second = await remindNotSubmitted(world.a.consultant.ctx, round.id);
    expect(second).toEqual({ queued: 0, noEmail: 1, optedOut: 0, recentlyMailed: 2 });
    for (let i = 2; i < REMIND_LIMIT.max; i++)
      await remindNotSubmitted(world.a.owner.ctx, round.id);
    await expect(remindNotSubmitted(world.a.consultant.ctx, round.id)).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(
      await getDb().auditEvent.count({
        where: { workspaceId: world.a.id, action: "mail.reminders_sent", targetId: round.id },
      }),
    ).toBe(REMIND_LIMIT.max);
  });

  it("send by email adds an address to a link that had none, and refuses a submitted respondent", async () => {
    const round = await openRound();
    const [link, submitted] = await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ role: "business" }, { email: email("sub"), role: "business" }],
    });
    await expect(
      emailRespondentLink(world.a.consultant.ctx, round.id, { invitationId: link!.id }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const to = email("added");
    await emailRespondentLink(world.a.consultant.ctx, round.id, {
      invitationId: link!.id,
      email: to,
    });
    expect(
      (await getDb().assessmentInvitation.findUnique({ where: { id: link!.id } }))?.email,
    ).toBe(to);
    expect(await mailsTo(to)).toHaveLength(1);
    await getDb().response.update({
      where: { invitationId: submitted!.id },
      data: { submittedAt: new Date() },
    });
    await expect(
      emailRespondentLink(world.a.consultant.ctx, round.id, { invitationId: submitted!.id }),
    ).rejects.toMatchObject({ code: "already_submitted" });
  });

  it("another workspace cannot send or read the outbox; executives and consultants cannot read it, executives cannot send", async () => {
    const round = await openRound();
    const to = email("scoped");
    const [link] = await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "business" }],
    });
    for (const person of [world.b.owner, world.b.consultant]) {
      await expect(remindNotSubmitted(person.ctx, round.id)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        emailRespondentLink(person.ctx, round.id, { invitationId: link!.id }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(remindNotSubmitted(world.a.executive.ctx, round.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      emailRespondentLink(world.a.executive.ctx, round.id, { invitationId: link!.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createInvitations(world.a.executive.ctx, round.id, {
        invitations: [{ email: email("exec"), role: "business" }],
        sendEmail: true,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await mailsTo(to)).toHaveLength(0);

    await emailRespondentLink(world.a.consultant.ctx, round.id, { invitationId: link!.id });
    await expect(getOutbox(world.a.consultant.ctx)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getOutbox(world.a.executive.ctx)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getOutbox(world.a.owner.ctx)).mails.some((m) => m.to === to)).toBe(true);
    expect((await getOutbox(world.b.owner.ctx)).mails.some((m) => m.to === to)).toBe(false);
  });

  it("scheduled reminders go once, N days before the close date, to those who have not submitted", async () => {
    const now = new Date();
    const soon = await openRound(`Soon ${uniqueSuffix()}`, new Date(now.getTime() + 36 * 3600_000));
    const later = await openRound(
      `Later ${uniqueSuffix()}`,
      new Date(now.getTime() + 10 * 86_400_000),
    );
    const [a, b] = [email("sched-a"), email("sched-b")];
    await createInvitations(world.a.consultant.ctx, soon.id, {
      invitations: [{ email: a, role: "business" }],
    });
    await createInvitations(world.a.consultant.ctx, later.id, {
      invitations: [{ email: b, role: "business" }],
    });
    expect(await queueScheduledReminders(now, 2)).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(a)).map((m) => m.template)).toEqual(["reminder"]);
    expect(await mailsTo(b)).toHaveLength(0);
    await queueScheduledReminders(now, 2);
    expect(await mailsTo(a)).toHaveLength(1);
  });

  it("action due and overdue notices go once each to a member owner, saying why", async () => {
    const day = 86_400_000;
    const now = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const overdue = await createAction(world.a.consultant.ctx, organization.id, {
      title: `Name a data owner ${uniqueSuffix()}`,
      owner: { kind: "member", memberId: world.a.consultant.memberId },
      dueDate: iso(new Date(now.getTime() - 3 * day)),
    });
    const due = await createAction(world.a.consultant.ctx, organization.id, {
      title: `Build monitoring ${uniqueSuffix()}`,
      owner: { kind: "member", memberId: world.a.consultant.memberId },
      dueDate: iso(new Date(now.getTime() + 2 * day)),
    });
    await queueActionNotices(now);
    await queueActionNotices(now);
    const mails = await getDb().mail.findMany({
      where: { relatedType: "action", relatedId: { in: [overdue.id, due.id] } },
    });
    expect(mails.map((m) => [m.relatedId, m.template]).sort()).toEqual(
      [
        [overdue.id, "action_overdue"],
        [due.id, "action_due"],
      ].sort(),
    );
    for (const m of mails) {
      expect(m.toAddress).toBe(world.a.consultant.email);
      expect(m.textBody).toContain("You get this because you own this action");
      // The link opens the organisation's actions tab, where the action is marked done.
      expect(m.textBody).toContain(`/organizations/${organization.id}/actions`);
    }
  });

  it("retake-due notices go to the owners of the organisations given, once per closed round", async () => {
    const stale = await freshOrganization(world.a, "Stale");
    const round = await createAssessment(world.a.owner.ctx, stale.id, { name: "Q1" });
    const now = new Date();
    await getDb().assessment.update({
      where: { id: round.id },
      data: { state: "closed", closedAt: new Date(now.getTime() - 100 * 86_400_000) },
    });
    const due = (await organizationsDueForRetake(now)).filter((o) => o.organizationId === stale.id);
    expect(due).toHaveLength(1);
    expect(await queueRetakeDueNotices(due, now)).toBe(1);
    expect(await queueRetakeDueNotices(due, now)).toBe(0);
    const [mail] = await getDb().mail.findMany({
      where: { relatedType: "organization", relatedId: stale.id },
    });
    expect(mail).toMatchObject({ template: "retake_due", toAddress: world.a.owner.email });
    expect(mail!.textBody).toContain("because you are an owner of the workspace");
    // The link opens its rounds, where the next round starts.
    expect(mail!.textBody).toContain(`/organizations/${stale.id}/rounds`);
    // A round started since: the retake is under way, not due.
    await createAssessment(world.a.owner.ctx, stale.id, { name: "Q2" });
    expect((await organizationsDueForRetake(now)).some((o) => o.organizationId === stale.id)).toBe(
      false,
    );
  });

  it("POST /api/v1/assessments/{id}/reminders reminds with a token; executives get 403, another workspace 404", async () => {
    const round = await openRound();
    const to = email("rest");
    await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "business" }],
    });
    const post = async (bearer: string) =>
      readResponse(
        await remindersRoute.POST(
          apiRequest(`/api/v1/assessments/${round.id}/reminders`, { method: "POST", bearer }),
          routeParams({ id: round.id }),
        ),
      );
    expect(await post(world.a.executive.bearer)).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await post(world.b.consultant.bearer)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    expect(await mailsTo(to)).toHaveLength(0);
    expect(await post(world.a.consultant.bearer)).toEqual({
      status: 200,
      body: { queued: 1, noEmail: 0, optedOut: 0, recentlyMailed: 0 },
    });
    expect(await mailsTo(to)).toHaveLength(1);
  });

  it("the sweep endpoint exists only for the server's own key", async () => {
    const call = (authorization?: string) =>
      sweepRoute.POST(
        apiRequest("/api/internal/mail-sweep", {
          method: "POST",
          ...(authorization ? { authorization } : {}),
        }),
      );
    delete process.env.GAPMAP_INTERNAL_KEY;
    expect((await call("Bearer guess")).status).toBe(404);
    process.env.GAPMAP_INTERNAL_KEY = "k".repeat(64);
    try {
      expect((await call()).status).toBe(404);
      expect((await call("Bearer guess")).status).toBe(404);
      vi.spyOn(console, "info").mockImplementation(() => {});
      const answer = await readResponse(await call(`Bearer ${"k".repeat(64)}`));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ scheduled: { reminders: expect.any(Number) } });
    } finally {
      delete process.env.GAPMAP_INTERNAL_KEY;
    }
  });

  it("gapmap mail sweep runs one pass and says what it did", async () => {
    const round = await openRound();
    const to = email("cli");
    await createInvitations(world.a.consultant.ctx, round.id, {
      invitations: [{ email: to, role: "business" }],
      sendEmail: true,
    });
    vi.spyOn(console, "info").mockImplementation(() => {});
    const result = await runCli(["mail", "sweep"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(
      /^queued \d+ reminders, \d+ action notices, \d+ retake notices; sent [1-9]\d*, retrying \d+, failed \d+, held 0\n$/,
    );
    expect((await mailsTo(to))[0]).toMatchObject({ status: "sent", deliveredVia: "outbox" });
    expect((await runCli(["mail", "send"])).code).not.toBe(0);
  });

  it("an owner's test mail goes to the owner only, once a minute; consultants cannot send one", async () => {
    const owner = world.b.owner;
    await expect(sendTestMail(world.b.consultant.ctx)).rejects.toMatchObject({ code: "forbidden" });
    await expect(sendTestMail(world.b.executive.ctx)).rejects.toMatchObject({ code: "forbidden" });
    useSmtp(smtpPort);
    const now = new Date();
    expect(await sendTestMail(owner.ctx, now)).toEqual({ to: owner.email });
    await expect(sendTestMail(owner.ctx, now)).rejects.toMatchObject({ code: "rate_limited" });
    await deliverDueMail({ workspaceId: world.b.id });
    const message = received.find((m) => m.to.includes(owner.email));
    expect(part(message!.raw, "text/plain")).toContain(
      `GapMap's mail works: sent through smtp://127.0.0.1:${smtpPort}.`,
    );
    expect(
      await getDb().auditEvent.count({
        where: { workspaceId: world.b.id, action: "mail.test_sent", actorLabel: owner.email },
      }),
    ).toBe(1);
  });
});
