import { z } from "zod";

// Mail settings from the environment, checked with zod once per value (the sweep asks on every
// run, so a changed environment in tests is picked up). A bad value never throws: the app runs,
// mail stays queued, and the outbox page and the log say what to fix.
//
//   SMTP_URL   smtp://user:pass@host:587 or smtps://user:pass@host:465. Unset: the local outbox.
//   MAIL_FROM  "GapMap <gapmap@example.com>" or an address. Default: GapMap <gapmap@localhost>.
//   MAIL_SWEEP_SECONDS  how often the server delivers due mail and queues scheduled mail (30;
//              0 turns the timer off, e.g. when another process runs the sweep).
//   MAIL_REMINDER_DAYS  days before a round's close date that the scheduled reminder goes (2).

export const DEFAULT_FROM = "GapMap <gapmap@localhost>";

function smtpUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return "is not a URL (expected smtp://user:pass@host:587)";
  const url = new URL(value);
  if (!["smtp:", "smtps:"].includes(url.protocol)) return "must start with smtp:// or smtps://";
  if (url.hostname === "") return "names no host";
  return null;
}

const smtpUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = smtpUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const ADDRESS = /^[^\s<>@"]+@[^\s<>@"]+$/;
const fromSchema = z
  .string()
  .trim()
  .refine((value) => !/[\r\n]/.test(value), "must be one line")
  .refine((value) => {
    const named = /^([^<>"]*)<([^<>]+)>$/.exec(value);
    return ADDRESS.test(named ? named[2]!.trim() : value);
  }, 'must be an address or "Name <address>"');

const countSchema = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

export type MailConfig = {
  /** smtp: deliver through SMTP_URL; outbox: record only; broken: a setting is wrong, hold mail. */
  transport: "smtp" | "outbox" | "broken";
  smtpUrl: string | null;
  /** Host and port of SMTP_URL, without the credentials, for pages and logs. */
  smtpLabel: string | null;
  from: string;
  appUrl: string;
  sweepSeconds: number;
  reminderDaysBeforeClose: number;
  /** What is wrong with the settings, in words an operator acts on. */
  problems: string[];
};

function read<T>(
  name: string,
  raw: string | undefined,
  schema: z.ZodType<T>,
  fallback: T,
  problems: string[],
) {
  if (raw === undefined || raw.trim() === "") return fallback;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push(`${name} ${parsed.error.issues[0]?.message ?? "is not valid"}.`);
  return fallback;
}

let cached: { key: string; config: MailConfig } | null = null;

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const names = [
    "SMTP_URL",
    "MAIL_FROM",
    "NEXTAUTH_URL",
    "PORT",
    "MAIL_SWEEP_SECONDS",
    "MAIL_REMINDER_DAYS",
  ];
  const key = names.map((n) => env[n] ?? "").join("\n");
  if (cached?.key === key) return cached.config;
  const problems: string[] = [];
  const smtpUrl = read("SMTP_URL", env.SMTP_URL, smtpUrlSchema, null, problems);
  const from = read("MAIL_FROM", env.MAIL_FROM, fromSchema, DEFAULT_FROM, problems);
  const sweepSeconds = read(
    "MAIL_SWEEP_SECONDS",
    env.MAIL_SWEEP_SECONDS,
    countSchema(86_400),
    30,
    problems,
  );
  const reminderDaysBeforeClose = read(
    "MAIL_REMINDER_DAYS",
    env.MAIL_REMINDER_DAYS,
    countSchema(60),
    2,
    problems,
  );
  // Mail is held when it cannot be sent as asked: a bad SMTP_URL, or a bad sender for SMTP (the
  // outbox needs no sender; a bad timer setting only falls back to its default).
  const fromBroken = problems.some((p) => p.startsWith("MAIL_FROM "));
  const smtpBroken = (Boolean(env.SMTP_URL?.trim()) && smtpUrl === null) || (smtpUrl && fromBroken);
  const appUrl = (env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
  const config: MailConfig = {
    transport: smtpBroken ? "broken" : smtpUrl ? "smtp" : "outbox",
    smtpUrl,
    smtpLabel: smtpUrl ? smtpLabel(smtpUrl) : null,
    from,
    appUrl,
    sweepSeconds,
    reminderDaysBeforeClose,
    problems,
  };
  cached = { key, config };
  return config;
}

function smtpLabel(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}`;
}
