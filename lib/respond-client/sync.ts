import type { ErrorCode } from "@/lib/errors";
import type { AnswerValue } from "@/lib/framework/schema";
import {
  acknowledge,
  addChange,
  emptyOutbox,
  mergeOutboxes,
  mergeWithServer,
  nextToSend,
  outboxStorageKey,
  parseOutbox,
  payloadFor,
  reject,
  submitKeyStorageKey,
  submittedStorageKey,
  type Change,
  type Outbox,
} from "./outbox";

// Sends the outbox to the server, one question at a time and oldest first, and tells the page
// how it is going. An entry leaves the outbox only after a 200; a network failure or a 5xx keeps
// it and retries; a closed round stops all sending but keeps the outbox, so nothing a respondent
// gave disappears without them being told.
//
// Several tabs (or windows) on the same link share one outbox in localStorage. Each merges with
// what is stored before it writes (./outbox.ts mergeOutboxes: per question the higher version
// wins, an acknowledged version is remembered so it is not brought back), and re-reads on the
// browser's `storage` event, so an answer given in one tab shows in the other at once. Sending is
// serialised across tabs by a Web Lock, and the sender re-reads the outbox before each request:
// two tabs do not send the same change twice, and an older change from one tab can never reach
// the server after a newer one from the other.

export type StopReason = "closed" | "not_open" | "submitted" | "withdrawn" | "invalid";

// Why the server refused a write, by its error code (lib/responses/write-guard.ts): each stops
// sending for good. A 409 with any other code is not one of these: the change is kept and retried.
const STOP_REASONS = new Map<string, StopReason>([
  ["round_closed", "closed"],
  ["round_not_open", "not_open"],
  ["already_submitted", "submitted"],
  ["link_withdrawn", "withdrawn"],
] satisfies [ErrorCode, StopReason][]);

/** Whether a refused write stops sending, and why: by the status and code, never the wording. */
export function stopReasonFor(status: number, code: string | undefined): StopReason | null {
  if (status === 404) return "invalid";
  if (status !== 409 || code === undefined) return null;
  return STOP_REASONS.get(code) ?? null;
}

export type SyncStatus =
  | { kind: "idle" }
  | { kind: "saving"; pending: number }
  | { kind: "saved" }
  | { kind: "offline"; pending: number }
  | { kind: "error"; message: string; pending: number }
  | {
      kind: "stopped";
      reason: StopReason;
      message: string;
      pending: number;
      /** Known when another tab submitted. */
      submittedAt?: string;
    };

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

/** Another tab changed storage: the key (null when it was cleared). */
export type StorageListener = (key: string | null) => void;

export type SyncDeps = {
  fetch: typeof fetch;
  storage: KeyValueStorage | null;
  /** The `storage` event of other tabs; absent where there are none to hear (tests, no storage). */
  onStorage?: (listener: StorageListener) => () => void;
  /** Runs `fn` holding a lock shared by every tab of the device (Web Locks); absent: no lock. */
  lock?: (name: string, fn: () => Promise<void>) => Promise<void>;
  /** A number naming this tab among the writers of the outbox (see outbox.ts nextVersion). */
  writer?: number;
  isOnline: () => boolean;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  newKey: () => string;
};

type ErrorBody = { code?: string; message?: string; fields?: Record<string, string> };

// Short: a respondent waiting to see "Saved" should not wait long once the server is back.
const MAX_BACKOFF_MS = 10_000;
// After another tab changed the outbox: that tab is normally sending it already. Waiting a moment
// before looking lets it finish, so the two do not queue up behind each other for nothing; if it
// was closed before sending, this tab sends its changes.
const OTHER_TAB_FLUSH_MS = 1_000;
// Several acknowledgements from another tab in a burst cost one read of the saved answers.
const OTHER_TAB_REFRESH_MS = 300;

async function readError(response: Response): Promise<ErrorBody> {
  try {
    const body = (await response.json()) as { error?: ErrorBody };
    return body.error ?? {};
  } catch {
    return {};
  }
}

export class ResponseSync {
  private outbox: Outbox;
  private known: Record<string, AnswerValue>;
  private knownComments: Record<string, string>;
  private snapshot: SyncSnapshot;
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private timer: unknown = null;
  private otherTabFlushTimer: unknown = null;
  private otherTabRefreshTimer: unknown = null;
  private flushAgain = false;
  private unlisten: (() => void) | null = null;
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
    this.unlisten = deps.onStorage?.(this.onStorage) ?? null;
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

  /**
   * Merges what another tab stored into this tab's copy. A change of this tab that the other
   * acknowledged is now saved: its value moves to the known answers (the page shows it saved, not
   * unanswered). Returns true when the other tab acknowledged something this tab did not hold,
   * whose saved value only the server can tell.
   */
  private absorb(stored: Outbox): boolean {
    const before = this.outbox;
    const merged = mergeOutboxes(before, stored);
    let unknownAck = false;
    for (const [id, version] of Object.entries(merged.acked ?? {})) {
      if (version <= (before.acked?.[id] ?? 0)) continue;
      this.sentThisSession = true;
      const mine = before.entries.find((e) => e.questionId === id);
      if (mine?.version === version) {
        const value = mine.value ?? this.known[id];
        if (value !== undefined) this.known[id] = value;
        if (mine.comment !== undefined) this.knownComments[id] = mine.comment;
        this.ackedDuringRefresh?.set(id, { value, comment: mine.comment });
      } else {
        unknownAck = true;
      }
    }
    this.outbox = merged;
    return unknownAck;
  }

  /** Writes the outbox, merged with what is stored now, so no other tab's change is overwritten. */
  private persist(): void {
    const storage = this.deps.storage;
    if (!storage) return;
    try {
      const key = outboxStorageKey(this.token);
      if (this.absorb(parseOutbox(storage.getItem(key)))) this.refreshSoon();
      storage.setItem(key, JSON.stringify(this.outbox));
    } catch {
      // Storage full or disabled: the change still lives in memory and is sent while the page is open.
    }
  }

  /** Another tab wrote. */
  private onStorage = (key: string | null): void => {
    if (key === null || key === submittedStorageKey(this.token)) {
      let at: string | null = null;
      try {
        at = this.deps.storage?.getItem(submittedStorageKey(this.token)) ?? null;
      } catch {
        at = null;
      }
      if (at) {
        this.submittedElsewhere(at);
        return;
      }
    }
    if (key !== null && key !== outboxStorageKey(this.token)) return;
    const unknownAck = this.absorb(this.read());
    this.emit();
    if (this.stopped) return;
    if (unknownAck) this.refreshSoon();
    if (this.outbox.entries.length > 0) {
      if (this.otherTabFlushTimer !== null) this.deps.clearTimer(this.otherTabFlushTimer);
      this.otherTabFlushTimer = this.deps.setTimer(() => {
        this.otherTabFlushTimer = null;
        void this.flush();
      }, OTHER_TAB_FLUSH_MS);
    }
  };

  private refreshSoon(): void {
    if (this.otherTabRefreshTimer !== null) return;
    this.otherTabRefreshTimer = this.deps.setTimer(() => {
      this.otherTabRefreshTimer = null;
      void this.refresh();
    }, OTHER_TAB_REFRESH_MS);
  }

  private submittedElsewhere(submittedAt: string): void {
    if (this.stopped?.reason === "submitted") return;
    this.clearRetry();
    this.transient = null;
    this.stopped = {
      kind: "stopped",
      reason: "submitted",
      message: "These answers were submitted in another tab.",
      pending: 0,
      submittedAt,
    };
    this.emit();
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
    // Merged with storage first, so the new version is above any other tab's.
    if (this.absorb(this.read())) this.refreshSoon();
    this.outbox = addChange(this.outbox, questionId, change, this.deps.writer ?? 0);
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Sends everything sendable, one request at a time; resolves when the outbox is idle. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      // The loop may be past its last look at the outbox (a lock's release takes a turn of
      // the event loop): look again once it is done.
      this.flushAgain = true;
      return this.running;
    }
    const lock = this.deps.lock;
    const run = lock ? lock(`gapmap:respond:${this.token}:send`, () => this.run()) : this.run();
    this.running = run.finally(() => {
      this.running = null;
      this.emit();
      if (this.flushAgain) {
        this.flushAgain = false;
        if (!this.stopped && this.timer === null) void this.flush();
      }
    });
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
    for (const t of [this.otherTabFlushTimer, this.otherTabRefreshTimer])
      if (t !== null) this.deps.clearTimer(t);
    this.otherTabFlushTimer = this.otherTabRefreshTimer = null;
    this.unlisten?.();
    this.unlisten = null;
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
      // Another tab may have sent (or changed) something while this one waited for the lock.
      if (this.absorb(this.read())) this.refreshSoon();
      this.flushAgain = false;
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
      const reason = stopReasonFor(response.status, error.code);
      if (reason) {
        this.stop(reason, message);
        return;
      }
      if (response.status === 409 || response.status === 429 || response.status >= 500) {
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

  /** The link or its round takes no more writes: stop sending. The outbox stays. */
  private stop(reason: StopReason, message: string): void {
    this.clearRetry();
    this.transient = null;
    this.stopped = { kind: "stopped", reason, message, pending: 0 };
    this.emit();
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
      this.forgetLocal(body.submittedAt ?? new Date().toISOString());
      return { ok: true, submittedAt: body.submittedAt ?? new Date().toISOString() };
    }
    const error = await readError(response);
    const message = error.message ?? `The server answered ${response.status}.`;
    const reason = stopReasonFor(response.status, error.code);
    if (reason) {
      this.stop(reason, message);
      if (reason === "submitted") this.forgetLocal(null);
      return { ok: false, message, stopped: reason };
    }
    return { ok: false, message: `Could not submit: ${message}` };
  }

  /** After the submission: other tabs hear of it first (they stop asking), then the outbox goes. */
  private forgetLocal(submittedAt: string | null): void {
    try {
      if (submittedAt) this.deps.storage?.setItem(submittedStorageKey(this.token), submittedAt);
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
    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null;
    }
    const locks = typeof navigator.locks?.request === "function" ? navigator.locks : null;
    engine = new ResponseSync(token, serverAnswers, serverComments, {
      fetch: (input, init) => window.fetch(input, init),
      storage,
      onStorage: storage
        ? (listener) => {
            const onEvent = (event: StorageEvent) => {
              if (event.storageArea === storage) listener(event.key);
            };
            window.addEventListener("storage", onEvent);
            return () => window.removeEventListener("storage", onEvent);
          }
        : undefined,
      lock: locks
        ? async (name, fn) => {
            await locks.request(name, fn);
          }
        : undefined,
      writer: Math.floor(Math.random() * 1000),
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
