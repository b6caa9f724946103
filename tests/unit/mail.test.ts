import { afterEach, describe, expect, it } from "vitest";
import { seal, signPayload, unseal, verifySignedPayload } from "@/lib/auth/sealed";
import { DEFAULT_FROM, mailConfig } from "@/lib/mail/config";
import { internalKeyMatches } from "@/lib/mail/internal-key";
import {
  actionNoticeMail,
  escapeHtml,
  invitationMail,
  retakeDueMail,
  subjectLine,
} from "@/lib/mail/templates";
import { sweepSeconds } from "@/scripts/server.mjs";

// The pure parts of mail: what a template writes, what the settings accept, the sealed link and
// the signed stop-reminders payload, and the key the server's mail timer calls the app with.

// The unit project sets no secret; sealing and signing derive their keys from it.
process.env.NEXTAUTH_SECRET ??= "unit-test-secret-for-mail";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe("mail templates", () => {
  const hostile = {
    workspaceName: 'Acme <script>alert("x")</script>',
    organizationName: "Evil & Co\r\nBcc: victim@example.com",
    roundName: "Q1 <img src=x onerror=alert(1)>",
    recipientName: "Jo\nSubject: spoofed",
    closesAt: new Date("2027-03-31T00:00:00Z"),
    link: "https://gapmap.example/respond/gmr_abc?x=1&y=2",
    stopLink: "https://gapmap.example/stop-reminders/abc.def",
  };

  it("escapes every piece of user text in the HTML and keeps the subject on one line", () => {
    const mail = invitationMail(hostile);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe(
      'Evil & Co Bcc: victim@example.com: your input to "Q1 <img src=x onerror=alert(1)>"',
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain('href="https://gapmap.example/respond/gmr_abc?x=1&amp;y=2"');
    expect(mail.html).toContain('href="https://gapmap.example/stop-reminders/abc.def"');
    // A name cannot start a line of its own in the text either.
    expect(mail.text).toContain("Hello Jo Subject: spoofed,");
    expect(mail.text).toContain("The round closes on 31 March 2027.");
    expect(mail.text).toContain(
      "No more reminders for this address: https://gapmap.example/stop-reminders/abc.def",
    );
  });

  it("member mails say why they were sent", () => {
    const notice = actionNoticeMail({
      workspaceName: "Northwind",
      organizationName: "Meridian",
      recipientName: "Sam",
      actionTitle: "Name a data owner",
      dueDate: new Date("2027-01-15T00:00:00Z"),
      actionUrl: "https://gapmap.example/organizations/o1#actions",
      overdue: true,
    });
    expect(notice.subject).toBe("Overdue since 15 January 2027: Name a data owner");
    expect(notice.text).toContain("because you own this action in the workspace Northwind");
    const retake = retakeDueMail({
      workspaceName: "Northwind",
      recipientName: "Ola",
      organizations: [
        { name: "Meridian", lastClosedAt: new Date("2026-06-30T00:00:00Z"), url: "https://x/o/1" },
      ],
      days: 90,
    });
    expect(retake.subject).toBe("Retake due: Meridian");
    expect(retake.text).toContain("because you are an owner of the workspace Northwind");
  });

  it("a subject line drops control characters and stays short", () => {
    expect(subjectLine("a\u0000b\u2028c\td")).toBe("a b c d");
    expect(subjectLine("x".repeat(500))).toHaveLength(200);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});

describe("mail settings", () => {
  it("without SMTP_URL mail goes to the outbox, from the default sender", () => {
    const config = mailConfig(env({ NEXTAUTH_URL: "https://gapmap.example/" }));
    expect(config).toMatchObject({
      transport: "outbox",
      from: DEFAULT_FROM,
      appUrl: "https://gapmap.example",
      sweepSeconds: 30,
      reminderDaysBeforeClose: 2,
      problems: [],
    });
  });

  it("a bad SMTP_URL holds mail and says what is wrong, never throws", () => {
    for (const [value, problem] of [
      ["mail.example.com:587", /SMTP_URL (is not a URL|must start with smtp)/],
      ["http://mail.example.com", /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
      ["not a url", /SMTP_URL is not a URL/],
    ] as const) {
      const config = mailConfig(env({ SMTP_URL: value }));
      expect(config.transport, value).toBe("broken");
      expect(config.problems.join(" "), value).toMatch(problem);
    }
  });

  it("a good SMTP_URL is shown without its password; a bad MAIL_FROM falls back and is reported", () => {
    const config = mailConfig(
      env({ SMTP_URL: "smtps://user:secret@mail.example.com:465", MAIL_FROM: "GapMap <x@y.z>" }),
    );
    expect(config).toMatchObject({ transport: "smtp", smtpLabel: "smtps://mail.example.com:465" });
    expect(config.from).toBe("GapMap <x@y.z>");
    const bad = mailConfig(env({ MAIL_FROM: "nobody", MAIL_SWEEP_SECONDS: "soon" }));
    expect(bad).toMatchObject({ transport: "outbox", from: DEFAULT_FROM, sweepSeconds: 30 });
    expect(bad.problems).toHaveLength(2);
    // Through SMTP a bad sender holds mail; a bad timer value alone does not.
    const smtp = "smtp://mail.example.com:587";
    expect(mailConfig(env({ SMTP_URL: smtp, MAIL_FROM: "a b <c>" })).transport).toBe("broken");
    expect(mailConfig(env({ SMTP_URL: smtp, MAIL_REMINDER_DAYS: "-1" })).transport).toBe("smtp");
  });
});

describe("sealed links and signed payloads", () => {
  it("a sealed link opens with the same secret only, and an altered one not at all", () => {
    const sealed = seal("gmr_secret-token");
    expect(sealed).not.toContain("gmr_secret-token");
    expect(unseal(sealed)).toBe("gmr_secret-token");
    expect(seal("gmr_secret-token")).not.toBe(sealed);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("gmr_other").toString("base64url");
    expect(unseal(parts.join("."))).toBeNull();
    expect(unseal("v1.x")).toBeNull();
  });

  it("a signed payload is readable but cannot be changed", () => {
    const token = signPayload('{"w":"ws","e":"a@b.c"}');
    expect(verifySignedPayload(token)).toBe('{"w":"ws","e":"a@b.c"}');
    const forged = `${Buffer.from('{"w":"ws","e":"x@b.c"}').toString("base64url")}.${token.split(".")[1]}`;
    expect(verifySignedPayload(forged)).toBeNull();
    expect(verifySignedPayload("no-dot")).toBeNull();
  });
});

describe("the server's mail timer", () => {
  afterEach(() => {
    delete process.env.GAPMAP_INTERNAL_KEY;
  });

  it("calls with a key only the server process knows; no key set, no endpoint", () => {
    expect(internalKeyMatches("Bearer anything", env({}))).toBe(false);
    const key = "k".repeat(64);
    expect(internalKeyMatches(`Bearer ${key}`, env({ GAPMAP_INTERNAL_KEY: key }))).toBe(true);
    expect(internalKeyMatches(`Bearer ${key}x`, env({ GAPMAP_INTERNAL_KEY: key }))).toBe(false);
    expect(internalKeyMatches(null, env({ GAPMAP_INTERNAL_KEY: key }))).toBe(false);
  });

  it("runs every MAIL_SWEEP_SECONDS, 30 unless set, off at 0", () => {
    expect(sweepSeconds(undefined)).toBe(30);
    expect(sweepSeconds("0")).toBe(0);
    expect(sweepSeconds("5")).toBe(5);
    expect(sweepSeconds("soon")).toBe(30);
  });
});
