import type { AnswerValue } from "@/lib/framework/schema";
import {
  acknowledge,
  addChange,
  emptyOutbox,
  mergeWithServer,
  nextToSend,
  outboxStorageKey,
  parseOutbox,
  payloadFor,
  reject,
  submitKeyStorageKey,
  type Change,
  type Outbox,
} from "./outbox";

// Sends the outbox to the server, one question at a time and oldest first, and tells the page
// how it is going. An entry leaves the outbox only after a 200; a network failure or a 5xx keeps
// it and retries; a closed round stops all sending but keeps the outbox, so nothing a respondent
// gave disappears without them being told.

export type StopReason = "closed" | "not_open" | "submitted" | "invalid";

export type SyncStatus =
  | { kind: "idle" }
  | { kind: "saving"; pending: number }
  | { kind: "saved" }
  | { kind: "offline"; pending: number }
  | { kind: "error"; message: string; pending: number }
  | { kind: "stopped"; reason: StopReason; message: string; pending: number };

/** What the page renders: the acknowledged answers with every unsent change laid over them. */
export type SyncSnapshot = {
  outbox: Outbox;
  status: SyncStatus;
  answers: Record<string, AnswerValue>;
  comments: Record<string, string>;
};

export type SubmitOutcome =
  { ok: true; submittedAt: string } | { ok: false; message: string; stopped?: StopReason };

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type SyncDeps = {
  fetch: typeof fetch;
  storage: KeyValueStorage | null;
  isOnline: () => boolean;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  newKey: () => string;
};

type ErrorBody = { code?: string; message?: string; fields?: Record<string, string> };

// Short: a respondent waiting to see "Saved" should not wait long once the server is back.
const MAX_BACKOFF_MS = 10_000;

async function readError(response: Response): Promise<ErrorBody> {
  try {
    const body = (await response.json()) as { error?: ErrorBody };
    return body.error ?? {};
  } catch {
    return {};
  }
}

function reasonFromMessage(message: string): StopReason | null {
  if (/closed/i.test(message)) return "closed";
  if (/not opened|not open/i.test(message)) return "not_open";
  if (/submitted/i.test(message)) return "submitted";
  return null;
}

export class ResponseSync {
  private outbox: Outbox;
  private known: Record<string, AnswerValue>;
  private knownComments: Record<string, string>;
  private snapshot: SyncSnapshot;
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private timer: unknown = null;
  private backoff = 2_000;
  private sentThisSession = false;
  private stopped: Extract<SyncStatus, { kind: "stopped" }> | null = null;
  private transient: SyncStatus | null = null;
  private fallbackKey: string | null = null;
  /** Acknowledged while a refresh was out: newer than what that refresh will bring back. */
  private ackedDuringRefresh: Map<string, { value?: AnswerValue; comment?: string }> | null = null;

  constructor(
    private readonly token: string,
    serverAnswers: Record<string, AnswerValue>,
    serverComments: Record<string, string>,
    private readonly deps: SyncDeps,
  ) {
    this.known = { ...serverAnswers };
    this.knownComments = { ...serverComments };
    this.outbox = this.read();
    this.snapshot = this.makeSnapshot();
  }

  private makeSnapshot(): SyncSnapshot {
    const merged = mergeWithServer(this.known, this.knownComments, this.outbox);
    return { outbox: this.outbox, status: this.computeStatus(), ...merged };
  }

  private get base(): string {
    return `/api/v1/respond/${encodeURIComponent(this.token)}`;
  }

  private read(): Outbox {
    try {
      return parseOutbox(this.deps.storage?.getItem(outboxStorageKey(this.token)) ?? null);
    } catch {
      return emptyOutbox;
    }
  }

  private persist(): void {
    try {
      const key = outboxStorageKey(this.token);
      if (this.outbox.entries.length === 0) this.deps.storage?.removeItem(key);
      else this.deps.storage?.setItem(key, JSON.stringify(this.outbox));
    } catch {
      // Storage full or disabled: the change still lives in memory and is sent while the page is open.
    }
  }

  private sendableCount(): number {
    return this.outbox.entries.filter(
      (e) => e.rejected || payloadFor(e, this.known[e.questionId]) !== null,
    ).length;
  }

  private computeStatus(): SyncStatus {
    const pending = this.sendableCount();
    if (this.stopped) return { ...this.stopped, pending };
    if (this.transient) {
      if (this.transient.kind === "offline") return { kind: "offline", pending };
      if (this.transient.kind === "error")
        return { kind: "error", message: this.transient.message, pending };
      if (this.transient.kind === "saving") return { kind: "saving", pending };
    }
    const refused = this.outbox.entries.find((e) => e.rejected);
    if (refused) return { kind: "error", message: refused.rejected ?? "", pending };
    if (pending === 0) return this.sentThisSession ? { kind: "saved" } : { kind: "idle" };
    return this.deps.isOnline() ? { kind: "saving", pending } : { kind: "offline", pending };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Records a change locally (it survives a reload from here on), then sends it. */
  record(questionId: string, change: Change): void {
    this.outbox = addChange(this.outbox, questionId, change);
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Sends everything sendable, one request at a time; resolves when the outbox is idle. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
        this.emit();
      });
    }
    return this.running;
  }

  /** The page came back online, or the retry timer fired. */
  retryNow = (): void => {
    this.clearRetry();
    this.backoff = 2_000;
    void this.flush();
  };

  dispose(): void {
    this.clearRetry();
  }

  private clearRetry(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private scheduleRetry(ms: number): void {
    this.clearRetry();
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private async run(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const entry = nextToSend(this.outbox, this.known);
      if (!entry) {
        this.transient = null;
        return;
      }
      if (!this.deps.isOnline()) {
        this.transient = { kind: "offline", pending: 0 };
        // `online` normally wakes us; the timer covers browsers whose onLine flag is wrong.
        this.scheduleRetry(15_000);
        return;
      }
      const body = payloadFor(entry, this.known[entry.questionId]);
      if (!body) return;
      this.transient = { kind: "saving", pending: 0 };
      this.emit();
      let response: Response;
      try {
        response = await this.deps.fetch(`${this.base}/answers`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      } catch {
        this.transient = { kind: "offline", pending: 0 };
        this.scheduleRetry(this.deps.isOnline() ? this.nextBackoff() : 15_000);
        return;
      }
      if (response.ok) {
        const value = body.answers[entry.questionId];
        if (value !== undefined) this.known[entry.questionId] = value;
        const comment = body.comments?.[entry.questionId];
        if (comment !== undefined) this.knownComments[entry.questionId] = comment;
        this.ackedDuringRefresh?.set(entry.questionId, { value, comment });
        this.outbox = acknowledge(this.outbox, entry.questionId, entry.version);
        this.sentThisSession = true;
        this.backoff = 2_000;
        this.persist();
        continue;
      }
      const error = await readError(response);
      const message = error.message ?? `The server answered ${response.status}.`;
      if (response.status === 409 || response.status === 404) {
        await this.stop(response.status, message);
        return;
      }
      if (response.status === 429 || response.status >= 500) {
        this.transient = { kind: "error", message, pending: 0 };
        const retryAfter = Number(response.headers.get("retry-after"));
        this.scheduleRetry(retryAfter > 0 ? retryAfter * 1000 : this.nextBackoff());
        return;
      }
      // 400, 413, 422: this change will never be accepted as it is. Keep it (the person sees
      // the message beside the question) and carry on with the others.
      const byQuestion = error.fields
        ? Object.entries(error.fields).find(([path]) => path.endsWith(entry.questionId))?.[1]
        : undefined;
      this.outbox = reject(this.outbox, entry.questionId, entry.version, byQuestion ?? message);
      this.persist();
    }
  }

  /**
   * Reads the saved answers again. The page's own copy can be older than what this device sent:
   * a reload's request can reach the server before the last answers of the old page committed,
   * while their acknowledgements still arrived (and emptied the outbox) before the page unloaded.
   */
  async refresh(): Promise<void> {
    if (this.stopped) return;
    const acked = new Map<string, { value?: AnswerValue; comment?: string }>();
    this.ackedDuringRefresh = acked;
    try {
      const response = await this.deps.fetch(this.base, {
        headers: { accept: "application/json" },
      });
      if (!response.ok) return;
      const data = (await response.json()) as {
        kind?: string;
        answers?: Record<string, AnswerValue>;
        comments?: Record<string, string>;
      };
      if (data.kind !== "personal" || !data.answers) return;
      const answers = { ...data.answers };
      const comments = { ...(data.comments ?? {}) };
      for (const [id, change] of acked) {
        if (change.value !== undefined) answers[id] = change.value;
        if (change.comment !== undefined) comments[id] = change.comment;
      }
      this.known = answers;
      this.knownComments = comments;
      this.emit();
    } catch {
      // Offline: the page's copy and the outbox are what we have.
    } finally {
      if (this.ackedDuringRefresh === acked) this.ackedDuringRefresh = null;
    }
  }

  private nextBackoff(): number {
    const ms = this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    return ms;
  }

  /** 404 or 409: find out why from the link itself, and stop sending. The outbox stays. */
  private async stop(status: number, message: string): Promise<StopReason> {
    let reason: StopReason | null = status === 404 ? "invalid" : null;
    if (!reason) {
      try {
        const view = await this.deps.fetch(this.base, { headers: { accept: "application/json" } });
        if (view.status === 404) reason = "invalid";
        else if (view.ok) {
          const data = (await view.json()) as {
            round?: { state?: string };
            submittedAt?: string | null;
          };
          if (data.round?.state === "closed") reason = "closed";
          else if (data.round?.state === "draft") reason = "not_open";
          else if (data.submittedAt) reason = "submitted";
        }
      } catch {
        // Could not ask: the message of the 409 still says what happened.
      }
    }
    reason ??= reasonFromMessage(message) ?? "closed";
    this.clearRetry();
    this.transient = null;
    this.stopped = { kind: "stopped", reason, message, pending: 0 };
    this.emit();
    return reason;
  }

  /** The key for this response's submission: made once, kept, so a retried submit is the same one. */
  private submitKey(): string {
    const storageKey = submitKeyStorageKey(this.token);
    try {
      const existing = this.deps.storage?.getItem(storageKey);
      if (existing) return existing;
      const key = this.deps.newKey();
      this.deps.storage?.setItem(storageKey, key);
      return key;
    } catch {
      return (this.fallbackKey ??= this.deps.newKey());
    }
  }
  async submit(): Promise<SubmitOutcome> {
    await this.flush();
    if (this.stopped)
      return { ok: false, message: this.stopped.message, stopped: this.stopped.reason };
    const waiting = this.sendableCount();
    if (waiting > 0) {
      return {
        ok: false,
        message: this.deps.isOnline()
          ? `${waiting} ${waiting === 1 ? "answer is" : "answers are"} not saved yet. Check the messages beside them, then submit again.`
          : `You are offline: ${waiting} ${waiting === 1 ? "answer waits" : "answers wait"} on this device. Submit again when you are back online.`,
      };
    }
    let response: Response;
    try {
      response = await this.deps.fetch(`${this.base}/submit`, {
        method: "POST",
        headers: { "idempotency-key": this.submitKey() },
      });
    } catch {
      return {
        ok: false,
        message:
          "Could not reach GapMap. Check your connection and submit again: it will not be sent twice.",
      };
    }
    if (response.ok) {
      const body = (await response.json().catch(() => ({}))) as { submittedAt?: string };
      this.forgetLocal();
      return { ok: true, submittedAt: body.submittedAt ?? new Date().toISOString() };
    }
    const error = await readError(response);
    const message = error.message ?? `The server answered ${response.status}.`;
    if (response.status === 409 || response.status === 404) {
      const reason = await this.stop(response.status, message);
      if (reason === "submitted") this.forgetLocal();
      return { ok: false, message, stopped: reason };
    }
    return { ok: false, message: `Could not submit: ${message}` };
  }

  private forgetLocal(): void {
    try {
      this.deps.storage?.removeItem(outboxStorageKey(this.token));
    } catch {
      // Nothing to do: the outbox is empty anyway once the server has the response.
    }
  }
}

/** The engine for the browser: real fetch, localStorage, navigator.onLine, one per token. */
const engines = new Map<string, ResponseSync>();

export function browserSync(
  token: string,
  serverAnswers: Record<string, AnswerValue>,
  serverComments: Record<string, string>,
): ResponseSync {
  let engine = engines.get(token);
  if (!engine) {
    let storage: KeyValueStorage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null;
    }
    engine = new ResponseSync(token, serverAnswers, serverComments, {
      fetch: (input, init) => window.fetch(input, init),
      storage,
      isOnline: () => navigator.onLine,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      newKey: () =>
        typeof crypto.randomUUID === "function"
          ? crypto.randomUUID()
          : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    });
    engines.set(token, engine);
  }
  return engine;
}
