import type { AnswerValue } from "@/lib/framework/schema";

// The respondent's outbox: every change not yet acknowledged by the server, kept in
// localStorage so a reload, a crash or a dead connection loses nothing. Pure functions over a
// plain value; the sync engine (./sync.ts) does the I/O.

/** One question's unsent change. The latest value and the latest comment win, independently. */
export type OutboxEntry = {
  questionId: string;
  value?: AnswerValue;
  comment?: string;
  /** Bumped on every change: an acknowledgement for an older version must not remove a newer one. */
  version: number;
  /** Set when the server refused this change (422): not retried until the person changes it. */
  rejected?: string;
};

export type Outbox = { seq: number; entries: OutboxEntry[] };

export const emptyOutbox: Outbox = { seq: 0, entries: [] };

export type Change = { value?: AnswerValue; comment?: string };

/** Adds a change; a question already waiting keeps its merged change and moves to the end. */
export function addChange(outbox: Outbox, questionId: string, change: Change): Outbox {
  const seq = outbox.seq + 1;
  const previous = outbox.entries.find((e) => e.questionId === questionId);
  const entry: OutboxEntry = { questionId, version: seq };
  const value = change.value !== undefined ? change.value : previous?.value;
  const comment = change.comment !== undefined ? change.comment : previous?.comment;
  if (value !== undefined) entry.value = value;
  if (comment !== undefined) entry.comment = comment;
  return {
    seq,
    entries: [...outbox.entries.filter((e) => e.questionId !== questionId), entry],
  };
}

/** The body of the PUT for one entry. A comment travels with the question's value, because the
 * server stores a comment only on an answer that exists. */
export function payloadFor(
  entry: OutboxEntry,
  knownValue: AnswerValue | undefined,
): { answers: Record<string, AnswerValue>; comments?: Record<string, string> } | null {
  const value = entry.value ?? knownValue;
  if (value === undefined) return null;
  const body: { answers: Record<string, AnswerValue>; comments?: Record<string, string> } = {
    answers: { [entry.questionId]: value },
  };
  if (entry.comment !== undefined) body.comments = { [entry.questionId]: entry.comment };
  return body;
}

/** The next entry to send, oldest first: not refused, and sendable (a comment needs a value). */
export function nextToSend(
  outbox: Outbox,
  knownValues: Record<string, AnswerValue>,
): OutboxEntry | undefined {
  return outbox.entries.find(
    (e) => !e.rejected && payloadFor(e, knownValues[e.questionId]) !== null,
  );
}

/** Removes an entry after the server's 200, unless it changed while the request was out. */
export function acknowledge(outbox: Outbox, questionId: string, version: number): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.filter((e) => !(e.questionId === questionId && e.version === version)),
  };
}

/** Marks an entry the server refused (422), unless it changed while the request was out. */
export function reject(
  outbox: Outbox,
  questionId: string,
  version: number,
  message: string,
): Outbox {
  return {
    ...outbox,
    entries: outbox.entries.map((e) =>
      e.questionId === questionId && e.version === version ? { ...e, rejected: message } : e,
    ),
  };
}

/** Changes still waiting to reach the server (refused ones included: they are not saved). */
export function pendingCount(outbox: Outbox): number {
  return outbox.entries.length;
}

/** What the person sees: the server's answers with every unsent change laid over them. */
export function mergeWithServer(
  answers: Record<string, AnswerValue>,
  comments: Record<string, string>,
  outbox: Outbox,
): { answers: Record<string, AnswerValue>; comments: Record<string, string> } {
  const mergedAnswers = { ...answers };
  const mergedComments = { ...comments };
  for (const e of outbox.entries) {
    if (e.value !== undefined) mergedAnswers[e.questionId] = e.value;
    if (e.comment !== undefined) mergedComments[e.questionId] = e.comment;
  }
  return { answers: mergedAnswers, comments: mergedComments };
}

const isAnswerValue = (v: unknown): v is AnswerValue =>
  v === "dont_know" ||
  v === "not_applicable" ||
  (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 4);

/** Reads an outbox back from storage; anything unreadable is dropped entry by entry, not whole. */
export function parseOutbox(raw: string | null): Outbox {
  if (!raw) return emptyOutbox;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyOutbox;
  }
  if (typeof data !== "object" || data === null) return emptyOutbox;
  const { seq, entries } = data as { seq?: unknown; entries?: unknown };
  const out: OutboxEntry[] = [];
  for (const e of Array.isArray(entries) ? entries : []) {
    if (typeof e !== "object" || e === null) continue;
    const { questionId, value, comment, version, rejected } = e as Record<string, unknown>;
    if (typeof questionId !== "string" || typeof version !== "number") continue;
    const entry: OutboxEntry = { questionId, version };
    if (isAnswerValue(value)) entry.value = value;
    if (typeof comment === "string") entry.comment = comment;
    if (typeof rejected === "string") entry.rejected = rejected;
    if (entry.value === undefined && entry.comment === undefined) continue;
    out.push(entry);
  }
  const maxVersion = out.reduce((m, e) => Math.max(m, e.version), 0);
  return { seq: Math.max(typeof seq === "number" ? seq : 0, maxVersion), entries: out };
}

export function outboxStorageKey(token: string): string {
  return `gapmap:respond:${token}:outbox`;
}

export function submitKeyStorageKey(token: string): string {
  return `gapmap:respond:${token}:submit-key`;
}

/** Turns a 422's field paths (`answers.integration.data_feeds`) into messages per question. */
export function fieldErrorsByQuestion(
  fields: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const [head, ...rest] = path.split(".");
    if ((head === "answers" || head === "comments") && rest.length) out[rest.join(".")] ??= message;
  }
  return out;
}
