// Every mail GapMap sends, as plain text and HTML. Pure functions: data in, message out.
// All text that came from a person (names, titles) is escaped in the HTML, and subject lines are
// reduced to one line, so nothing a respondent or member typed can add a header or markup.

export const MAIL_TEMPLATES = [
  "invitation",
  "reminder",
  "action_due",
  "action_overdue",
  "retake_due",
  "test",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export const TEMPLATE_LABELS: Record<MailTemplate, string> = {
  invitation: "Invitation to a round",
  reminder: "Reminder to answer",
  action_due: "Action due soon",
  action_overdue: "Action overdue",
  retake_due: "Retake due",
  test: "Test mail",
};

export type RenderedMail = { subject: string; text: string; html: string };

/**
 * Stands for a respondent's personal link in stored bodies; delivery puts the unsealed link in
 * its place (lib/mail/deliver.ts). Nothing in it is changed by HTML escaping.
 */
export const LINK_PLACEHOLDER = "{{gapmap-personal-link}}";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** One line, no control characters, at most 200 characters: safe as a header value. */
export function subjectLine(value: string): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Text typed by a person, inside a plain-text body: one line, so it cannot fake a paragraph. */
function plain(value: string): string {
  return subjectLine(value);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
export const formatMailDate = (date: Date) => dateFormat.format(date);

type Block =
  | { kind: "p"; text: string }
  | { kind: "button"; label: string; href: string }
  | { kind: "list"; items: string[] };

/** One layout for every mail: blocks in, text and HTML out, each escaped in one place. */
function compose(subject: string, blocks: Block[], footer: string[]): RenderedMail {
  const text = [
    ...blocks.map((b) =>
      b.kind === "p"
        ? b.text
        : b.kind === "button"
          ? `${b.label}:\n${b.href}`
          : b.items.map((i) => `- ${i}`).join("\n"),
    ),
    "--",
    ...footer,
  ].join("\n\n");
  const body = blocks
    .map((b) =>
      b.kind === "p"
        ? `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`
        : b.kind === "button"
          ? `<p style="margin:0 0 16px"><a href="${escapeHtml(b.href)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(b.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#475569">Or paste this address into your browser: ${escapeHtml(b.href)}</p>`
          : `<ul style="margin:0 0 16px;padding-left:20px">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
    )
    .join("");
  const foot = footer
    .map((line) => `<p style="margin:0 0 8px;font-size:13px;color:#475569">${linkify(line)}</p>`)
    .join("");
  const safeSubject = subjectLine(subject);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(safeSubject)}</title></head><body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0f172a"><div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">${body}<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 16px">${foot}</div></body></html>`;
  return { subject: safeSubject, text, html };
}

/** Footer lines are ours; a URL at the end of one (after ": ") becomes a link. */
function linkify(line: string): string {
  const match = /^(.*: )(https?:\/\/\S+)$/.exec(line);
  if (!match) return escapeHtml(line);
  return `${escapeHtml(match[1]!)}<a href="${escapeHtml(match[2]!)}" style="color:#1d4ed8">${escapeHtml(match[2]!)}</a>`;
}

export type RespondentMailInput = {
  workspaceName: string;
  organizationName: string;
  roundName: string;
  recipientName: string | null;
  closesAt: Date | null;
  /** The personal link (LINK_PLACEHOLDER when stored). */
  link: string;
  stopLink: string;
};

function respondentFooter(input: RespondentMailInput): string[] {
  return [
    `You get this because ${plain(input.workspaceName)} invited this address to answer the readiness assessment of ${plain(input.organizationName)} on GapMap. The link is personal: please do not forward it.`,
    `No more reminders for this address: ${input.stopLink}`,
  ];
}

export function invitationMail(input: RespondentMailInput): RenderedMail {
  const greeting = input.recipientName ? `Hello ${plain(input.recipientName)},` : "Hello,";
  return compose(
    `${input.organizationName}: your input to "${input.roundName}"`,
    [
      { kind: "p", text: greeting },
      {
        kind: "p",
        text: `${plain(input.workspaceName)} asks you to answer the AI readiness assessment of ${plain(input.organizationName)}, round "${plain(input.roundName)}". It takes 15 to 20 minutes on a phone or a computer, and you can stop and come back with the same link.`,
      },
      ...(input.closesAt
        ? [{ kind: "p" as const, text: `The round closes on ${formatMailDate(input.closesAt)}.` }]
        : []),
      { kind: "button", label: "Answer the assessment", href: input.link },
    ],
    respondentFooter(input),
  );
}

export function reminderMail(input: RespondentMailInput): RenderedMail {
  const greeting = input.recipientName ? `Hello ${plain(input.recipientName)},` : "Hello,";
  return compose(
    `Reminder: ${input.organizationName}, "${input.roundName}"`,
    [
      { kind: "p", text: greeting },
      {
        kind: "p",
        text: `Your answers to the AI readiness assessment of ${plain(input.organizationName)}, round "${plain(input.roundName)}", have not been submitted yet. Anything you already answered is kept: the link takes you back where you left off.`,
      },
      ...(input.closesAt
        ? [{ kind: "p" as const, text: `The round closes on ${formatMailDate(input.closesAt)}.` }]
        : []),
      { kind: "button", label: "Continue the assessment", href: input.link },
    ],
    respondentFooter(input),
  );
}

export type ActionNoticeInput = {
  workspaceName: string;
  organizationName: string;
  recipientName: string;
  actionTitle: string;
  dueDate: Date;
  actionUrl: string;
  overdue: boolean;
};

export function actionNoticeMail(input: ActionNoticeInput): RenderedMail {
  const when = formatMailDate(input.dueDate);
  return compose(
    input.overdue
      ? `Overdue since ${when}: ${input.actionTitle}`
      : `Due on ${when}: ${input.actionTitle}`,
    [
      { kind: "p", text: `Hello ${plain(input.recipientName)},` },
      {
        kind: "p",
        text: input.overdue
          ? `The action "${plain(input.actionTitle)}" for ${plain(input.organizationName)} was due on ${when} and is not marked done.`
          : `The action "${plain(input.actionTitle)}" for ${plain(input.organizationName)} is due on ${when}.`,
      },
      {
        kind: "p",
        text: "Mark it done, or change its date or owner, on the organisation's actions.",
      },
      { kind: "button", label: "Open the actions", href: input.actionUrl },
    ],
    [
      `You get this because you own this action in the workspace ${plain(input.workspaceName)} on GapMap. Each action sends one notice before its due date and one when it is overdue.`,
    ],
  );
}

export type RetakeDueInput = {
  workspaceName: string;
  recipientName: string;
  organizations: { name: string; lastClosedAt: Date; url: string }[];
  days: number;
};

export function retakeDueMail(input: RetakeDueInput): RenderedMail {
  const count = input.organizations.length;
  return compose(
    count === 1
      ? `Retake due: ${input.organizations[0]!.name}`
      : `Retakes due for ${count} organisations`,
    [
      { kind: "p", text: `Hello ${plain(input.recipientName)},` },
      {
        kind: "p",
        text: `The last round of ${count === 1 ? "this organisation" : "these organisations"} closed more than ${input.days} days ago. A quarterly retake shows whether the gaps are closing.`,
      },
      {
        kind: "list",
        items: input.organizations.map(
          (o) => `${plain(o.name)}: last round closed ${formatMailDate(o.lastClosedAt)} (${o.url})`,
        ),
      },
    ],
    [
      `You get this because you are an owner of the workspace ${plain(input.workspaceName)} on GapMap. Each organisation sends one notice per closed round.`,
    ],
  );
}

/** An owner checks the mail settings: this arrives, or the mail page says why not. */
export function testMail(input: {
  workspaceName: string;
  recipientName: string;
  sentVia: string;
}): RenderedMail {
  return compose(
    "GapMap test mail",
    [
      { kind: "p", text: `Hello ${plain(input.recipientName)},` },
      {
        kind: "p",
        text: `This is the test mail you asked for. GapMap's mail works: ${plain(input.sentVia)}.`,
      },
    ],
    [
      `You get this because you sent a test mail from Settings > Mail in the workspace ${plain(input.workspaceName)} on GapMap.`,
    ],
  );
}
