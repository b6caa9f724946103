import type { AnswerValue } from "@/lib/framework/schema";

// Words the respondent pages share. Kept pure so the server page and client components agree.

/** Roughly 30 to 40 seconds a question, as the pilot rounds took; a range reads more honestly. */
export function estimateMinutes(questionCount: number): { low: number; high: number } {
  const low = Math.max(1, Math.round((questionCount * 30) / 60));
  const high = Math.max(low + 1, Math.round((questionCount * 40) / 60));
  return { low, high };
}

export function minutesText(questionCount: number): string {
  const { low, high } = estimateMinutes(questionCount);
  return `about ${low} to ${high} minutes`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How an answer reads back on the review page. */
export function answerLabel(value: AnswerValue | undefined, levels: readonly string[]): string {
  if (value === undefined) return "Not answered";
  if (value === "dont_know") return "Don't know";
  if (value === "not_applicable") return "Not applicable";
  return `Level ${value}: ${levels[value] ?? ""}`;
}

// UTC, so the server's render and the browser's agree whatever the respondent's time zone.
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDay(iso: string): string {
  return dayFormat.format(new Date(iso));
}
