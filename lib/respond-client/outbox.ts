import type { AnswerValue } from "@/lib/framework/schema";

// The respondent's outbox: every change not yet acknowledged by the server, kept in
// localStorage so a reload, a crash or a dead connection loses nothing. Pure functions over a
// plain value; the sync engine (./sync.ts) does the I/O.

/** One question's unsent change. The latest value and the latest comment win, independently. */
export type OutboxEntry = {
  questionId: string;
  value?: AnswerValue;
  comment?: string;
  /** Bumped on every change: an acknowledgement for an older version must not remove a newer one.
   * Unique across the tabs that share the outbox (see nextVersion). */
  version: number;
  /** Set when the server refused this change (422): not retried until the person changes it. */
  rejected?: string;
};

/**
 * `seq`: the highest version ever given out on this device for this link. `acked`: per question,
 * the highest version the server acknowledged. It is what lets two tabs merge their copies
 * without one bringing back a change the other already sent (a tombstone, one number a question).
 */
export type Outbox = { seq: number; entries: OutboxEntry[]; acked?: Record<string, number> };

export const emptyOutbox: Outbox = { seq: 0, entries: [] };

export type Change = { value?: AnswerValue; comment?: string };

/**
 * Versions are globally increasing across the tabs of one device: a tab adds a change only after
 * merging what is in storage, so `seq` is the highest version any tab gave out, and the next one
 * is above it. The low three decimal digits name the writer (a random number per tab), so two
 * tabs that read the same `seq` at the same instant still give out different versions, and an
 * acknowledgement of one tab's change can never be mistaken for the other's. Timestamps were the
 * other choice; they would make the order depend on two clocks agreeing, this does not.
 */
export const WRITERS = 1000;

export function nextVersion(seq: number, writer: number): number {
  return (Math.floor(seq / WRITERS) + 1) * WRITERS + (Math.abs(Math.trunc(writer)) % WRITERS);
}

/** Adds a change; a question already waiting keeps its merged change and moves to the end. */
export function addChange(outbox: Outbox, questionId: string, change: Change, writer = 0): Outbox {
  const seq = nextVersion(outbox.seq, writer);
  const previous = outbox.entries.find((e) => e.questionId === questionId);
  const entry: OutboxEntry = { questionId, version: seq };
  const value = change.value !== undefined ? change.value : previous?.value;
  const comment = change.comment !== undefined ? change.comment : previous?.comment;
  if (value !== undefined) entry.value = value;
  if (comment !== undefined) entry.comment = comment;
  return {
    ...outbox,
    seq,
    entries: [...outbox.entries.filter((e) => e.questionId !== questionId), entry],
  };
}

/** Of two copies of one question's entry, the one to keep: the higher version; on the same
 * version, the one that carries the server's refusal (it is the later news), then a fixed order
 * so that every tab picks the same one. */
function newer(a: OutboxEntry, b: OutboxEntry): OutboxEntry {
  if (a.version !== b.version) return a.version > b.version ? a : b;
  if (Boolean(a.rejected) !== Boolean(b.rejected)) return a.rejected ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/**
 * Two copies of the outbox (this tab's and the one in storage, written by another tab) made one.
 * Per question the higher version wins; an entry is gone only when the server acknowledged that
 * version or a later one, in any tab. Nothing either copy holds is dropped otherwise. The result
 * does not depend on the order of the arguments, and merging it again changes nothing.
 */
export function mergeOutboxes(a: Outbox, b: Outbox): Outbox {
  const acked: Record<string, number> = { ...a.acked };
  for (const [id, version] of Object.entries(b.acked ?? {}))
    acked[id] = Math.max(acked[id] ?? 0, version);
  const byQuestion = new Map<string, OutboxEntry>();
  for (const e of [...a.entries, ...b.entries]) {
    if ((acked[e.questionId] ?? 0) >= e.version) continue;
    const other = byQuestion.get(e.questionId);
    byQuestion.set(e.questionId, other ? newer(other, e) : e);
  }
  // Oldest first, as one tab alone keeps them: a question changed again moves to the end.
  const entries = [...byQuestion.values()].sort((x, y) => x.version - y.version);
  const seq = Math.max(a.seq, b.seq, ...Object.values(acked), ...entries.map((e) => e.version));
  const out: Outbox = { seq, entries };
  if (Object.keys(acked).length) out.acked = acked;
  return out;
}

/**
 * The body of the PUT for one entry. The server stores a comment only on an answer that exists,
 * so a comment waits until this device knows the question is answered (`knownValue`), and then
 * travels alone: resending the known value with it could undo a newer answer another tab gave.
 */
export function payloadFor(
  entry: OutboxEntry,
  knownValue: AnswerValue | undefined,
): { answers: Record<string, AnswerValue>; comments?: Record<string, string> } | null {
  if (entry.value === undefined) {
    if (knownValue === undefined || entry.comment === undefined) return null;
    return { answers: {}, comments: { [entry.questionId]: entry.comment } };
  }
  const body: { answers: Record<string, AnswerValue>; comments?: Record<string, string> } = {
    answers: { [entry.questionId]: entry.value },
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

/** Removes an entry after the server's 200, unless it changed while the request was out (here
 * or in another tab: the acknowledged version is remembered, so a merge removes it there too and
 * keeps anything newer). */
export function acknowledge(outbox: Outbox, questionId: string, version: number): Outbox {
  return {
    ...outbox,
    seq: Math.max(outbox.seq, version),
    acked: { ...outbox.acked, [questionId]: Math.max(outbox.acked?.[questionId] ?? 0, version) },
    entries: outbox.entries.filter((e) => !(e.questionId === questionId && e.version <= version)),
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
  const { seq, entries, acked } = data as { seq?: unknown; entries?: unknown; acked?: unknown };
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
  const ackedOut: Record<string, number> = {};
  if (typeof acked === "object" && acked !== null && !Array.isArray(acked)) {
    for (const [id, version] of Object.entries(acked as Record<string, unknown>))
      if (typeof version === "number" && Number.isFinite(version)) ackedOut[id] = version;
  }
  const versions = [...out.map((e) => e.version), ...Object.values(ackedOut)];
  const outbox: Outbox = {
    seq: Math.max(typeof seq === "number" && Number.isFinite(seq) ? seq : 0, 0, ...versions),
    entries: out.filter((e) => (ackedOut[e.questionId] ?? 0) < e.version),
  };
  if (Object.keys(ackedOut).length) outbox.acked = ackedOut;
  return outbox;
}

export function outboxStorageKey(token: string): string {
  return `gapmap:respond:${token}:outbox`;
}

export function submitKeyStorageKey(token: string): string {
  return `gapmap:respond:${token}:submit-key`;
}

/** Written (the submission's time) once the server took the submission: other tabs stop asking. */
export function submittedStorageKey(token: string): string {
  return `gapmap:respond:${token}:submitted`;
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
