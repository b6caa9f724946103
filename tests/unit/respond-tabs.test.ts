import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnswerValue } from "@/lib/framework/schema";
import {
  acknowledge,
  addChange,
  emptyOutbox,
  mergeOutboxes,
  nextVersion,
  outboxStorageKey,
  parseOutbox,
  reject,
  type Outbox,
} from "@/lib/respond-client/outbox";
import { ResponseSync, type StorageListener, type SyncDeps } from "@/lib/respond-client/sync";

// Two tabs (or windows) on one personal link share the outbox in localStorage. These tests pin
// how their copies merge, and run two real engines against one storage and one fake server.

const A = 1; // writer numbers of the two tabs
const B = 2;

/** What one tab does when the person answers: merge what is stored, then add the change. */
function addIn(
  tab: Outbox,
  stored: Outbox,
  questionId: string,
  value: AnswerValue,
  writer: number,
) {
  return addChange(mergeOutboxes(tab, stored), questionId, { value }, writer);
}

describe("merging two tabs' outboxes", () => {
  it("keeps every change of both tabs: different questions are never dropped", () => {
    const a = addChange(emptyOutbox, "q.one", { value: 1 }, A);
    const b = addChange(emptyOutbox, "q.two", { value: 2 }, B);
    const merged = mergeOutboxes(a, b);
    expect(merged.entries.map((e) => [e.questionId, e.value])).toEqual(
      expect.arrayContaining([
        ["q.one", 1],
        ["q.two", 2],
      ]),
    );
    expect(merged.entries).toHaveLength(2);
  });

  it("on the same question the later change wins, whichever copy is merged into which", () => {
    let stored = addChange(emptyOutbox, "q.one", { value: 1 }, A);
    const b = addIn(emptyOutbox, stored, "q.one", 3, B);
    expect(b.entries[0]!.version).toBeGreaterThan(stored.entries[0]!.version);
    stored = mergeOutboxes(stored, b);
    expect(stored.entries).toEqual([expect.objectContaining({ questionId: "q.one", value: 3 })]);
    expect(mergeOutboxes(b, addChange(emptyOutbox, "q.one", { value: 1 }, A))).toEqual(
      mergeOutboxes(addChange(emptyOutbox, "q.one", { value: 1 }, A), b),
    );
  });

  it("versions climb across tabs, even when one tab has made many more changes than the other", () => {
    let a = emptyOutbox;
    for (let i = 0; i < 5; i++) a = addChange(a, "q.one", { value: (i % 5) as AnswerValue }, A);
    // Tab B has made no change of its own; once it has merged A's outbox its next is still newer.
    const b = addIn(emptyOutbox, a, "q.one", "dont_know", B);
    expect(b.entries[0]!.version).toBeGreaterThan(a.seq);
    expect(mergeOutboxes(a, b).entries[0]!.value).toBe("dont_know");
  });

  it("two tabs that read the same outbox at the same instant still give out different versions", () => {
    const seq = 7000;
    expect(nextVersion(seq, A)).not.toBe(nextVersion(seq, B));
    const stored: Outbox = { seq, entries: [] };
    const a = addIn(emptyOutbox, stored, "q.one", 1, A);
    const b = addIn(emptyOutbox, stored, "q.one", 2, B);
    // Both tabs converge on the same winner.
    expect(mergeOutboxes(a, b)).toEqual(mergeOutboxes(b, a));
    // Acknowledging A's change does not remove B's, which has another version.
    const winner = mergeOutboxes(a, b).entries[0]!;
    const loser = winner.version === a.entries[0]!.version ? b : a;
    const afterAck = mergeOutboxes(
      acknowledge(loser, "q.one", loser.entries[0]!.version),
      mergeOutboxes(a, b),
    );
    expect(afterAck.entries).toEqual([winner]);
  });

  it("an acknowledgement in one tab does not remove a newer change made in the other", () => {
    const a = addChange(emptyOutbox, "q.one", { value: 1 }, A);
    const sentByA = a.entries[0]!.version;
    // Tab B sees A's change, then changes the same question while A's request is out.
    const b = addIn(emptyOutbox, a, "q.one", 4, B);
    const aAfterAck = acknowledge(mergeOutboxes(a, b), "q.one", sentByA);
    expect(aAfterAck.entries).toEqual([expect.objectContaining({ value: 4 })]);
    // Same when A acknowledges on its own stale copy and merges only when writing.
    const written = mergeOutboxes(b, acknowledge(a, "q.one", sentByA));
    expect(written.entries).toEqual([expect.objectContaining({ value: 4 })]);
  });

  it("a change acknowledged in one tab is not brought back by the other tab's stale copy", () => {
    const a = addChange(emptyOutbox, "q.one", { value: 2 }, A);
    const staleB = mergeOutboxes(emptyOutbox, a); // B heard of it before it was sent
    const stored = acknowledge(a, "q.one", a.entries[0]!.version);
    expect(mergeOutboxes(staleB, stored).entries).toEqual([]);
    expect(mergeOutboxes(stored, staleB).entries).toEqual([]);
    // And the record survives storage.
    expect(mergeOutboxes(staleB, parseOutbox(JSON.stringify(stored))).entries).toEqual([]);
  });

  it("a refusal seen in one tab is kept over the same change unrefused in the other", () => {
    const a = addChange(emptyOutbox, "q.one", { value: "not_applicable" }, A);
    const refused = reject(
      a,
      "q.one",
      a.entries[0]!.version,
      "Not applicable is not allowed here.",
    );
    expect(mergeOutboxes(a, refused).entries[0]?.rejected).toBe(
      "Not applicable is not allowed here.",
    );
    expect(mergeOutboxes(refused, a).entries[0]?.rejected).toBe(
      "Not applicable is not allowed here.",
    );
  });

  it("merged entries stay oldest first, whoever made them", () => {
    let stored = addChange(emptyOutbox, "q.one", { value: 1 }, A);
    const b = addIn(emptyOutbox, stored, "q.two", 2, B);
    stored = mergeOutboxes(stored, b);
    const a = addIn(stored, stored, "q.three", 3, A);
    expect(mergeOutboxes(b, a).entries.map((e) => e.questionId)).toEqual([
      "q.one",
      "q.two",
      "q.three",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Two real engines, one storage, one server.

type PutBody = { answers: Record<string, AnswerValue>; comments?: Record<string, string> };

/** The server's side of the respondent API as far as the engine sees it: PUT saves (idempotent,
 * last write wins), GET reads, POST submit submits once; a closed round or a submitted response
 * refuses with 409. `hold()` keeps the next PUT waiting until released. */
function fakeServer() {
  const state = {
    answers: {} as Record<string, AnswerValue>,
    comments: {} as Record<string, string>,
    round: "open" as "open" | "closed",
    submittedAt: null as string | null,
    puts: [] as PutBody[],
    gets: 0,
  };
  let gate: Promise<void> | null = null;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const refuse = (code: string, message: string) => json({ error: { code, message } }, 409);
  const view = () => ({
    kind: "personal",
    round: { state: state.round },
    answers: { ...state.answers },
    comments: { ...state.comments },
    submittedAt: state.submittedAt,
  });
  const handle: typeof fetch = async (input, init) => {
    const url = String(input);
    const method = init?.method ?? "GET";
    if (method === "PUT" && url.endsWith("/answers")) {
      const body = JSON.parse(String(init?.body)) as PutBody;
      const waitFor = gate;
      gate = null;
      if (waitFor) await waitFor;
      if (state.round === "closed") return refuse("round_closed", "This round has closed.");
      if (state.submittedAt)
        return refuse("already_submitted", "These answers were already submitted.");
      state.puts.push(body);
      Object.assign(state.answers, body.answers);
      Object.assign(state.comments, body.comments ?? {});
      return json({ saved: 1 });
    }
    if (method === "POST" && url.endsWith("/submit")) {
      if (state.round === "closed") return refuse("round_closed", "This round has closed.");
      if (state.submittedAt)
        return refuse("already_submitted", "These answers were already submitted.");
      state.submittedAt = "2026-11-25T12:00:00.000Z";
      return json({ submittedAt: state.submittedAt, answered: Object.keys(state.answers).length });
    }
    state.gets++;
    return json(view());
  };
  return {
    state,
    handle,
    /** The next PUT waits until the returned function is called. */
    hold(): () => void {
      let release = () => undefined as void;
      gate = new Promise<void>((r) => (release = r));
      return release;
    },
  };
}

/** One localStorage shared by the tabs: a write by one tab fires `storage` in the others, a task
 * later, as a browser does (never in the tab that wrote). */
function sharedStorage() {
  const map = new Map<string, string>();
  const tabs: { id: number; listeners: Set<StorageListener>; paused: boolean; queue: string[] }[] =
    [];
  function tab(id: number) {
    const me = { id, listeners: new Set<StorageListener>(), paused: false, queue: [] as string[] };
    tabs.push(me);
    const notifyOthers = (key: string) => {
      for (const other of tabs) {
        if (other === me) continue;
        if (other.paused) other.queue.push(key);
        else setTimeout(() => other.listeners.forEach((l) => l(key)), 0);
      }
    };
    return {
      storage: {
        getItem: (k: string) => map.get(k) ?? null,
        setItem: (k: string, v: string) => {
          map.set(k, v);
          notifyOthers(k);
        },
        removeItem: (k: string) => {
          map.delete(k);
          notifyOthers(k);
        },
      },
      onStorage: (listener: StorageListener) => {
        me.listeners.add(listener);
        return () => me.listeners.delete(listener);
      },
      /** A tab in the background that hears of writes only later (a frozen or slow tab). */
      pause: () => void (me.paused = true),
      resume: () => {
        me.paused = false;
        for (const key of me.queue.splice(0)) me.listeners.forEach((l) => l(key));
      },
    };
  }
  return { map, tab };
}

/** The Web Locks API as far as the engine uses it: one holder at a time per name, in order. */
function sharedLocks(): NonNullable<SyncDeps["lock"]> {
  const tails = new Map<string, Promise<void>>();
  return async (name, fn) => {
    const previous = tails.get(name) ?? Promise.resolve();
    let release = () => undefined as void;
    const mine = new Promise<void>((r) => (release = r));
    tails.set(
      name,
      previous.then(() => mine),
    );
    await previous;
    try {
      await fn();
    } finally {
      release();
    }
  };
}

function twoTabs(options: { locks?: boolean } = {}) {
  const server = fakeServer();
  const storage = sharedStorage();
  const lock = options.locks === false ? undefined : sharedLocks();
  const online = { [A]: true, [B]: true } as Record<number, boolean>;
  const open = (writer: number) => {
    const t = storage.tab(writer);
    const deps: SyncDeps = {
      fetch: (input, init) =>
        online[writer]
          ? server.handle(input, init)
          : Promise.reject(new TypeError("Failed to fetch")),
      storage: t.storage,
      onStorage: t.onStorage,
      lock,
      writer,
      isOnline: () => online[writer]!,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      newKey: () => `key-${writer}`,
    };
    return { sync: new ResponseSync("tok", {}, {}, deps), tab: t };
  };
  const a = open(A);
  const b = open(B);
  return { server, storage, a, b, online };
}

/** Lets storage events, timers and requests run their course. */
const settle = (ms = 5_000) => vi.advanceTimersByTimeAsync(ms);

const stored = (map: Map<string, string>) => parseOutbox(map.get(outboxStorageKey("tok")) ?? null);

describe("two tabs on one link", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("an answer given in one tab shows in the other at once, while it is still on its way", async () => {
    const { a, b, server } = twoTabs();
    server.hold(); // the request stays out: the answer is unsent while B looks
    a.sync.record("q.one", { value: 3 });
    await vi.advanceTimersByTimeAsync(0);
    expect(b.sync.getSnapshot().answers).toEqual({ "q.one": 3 });
    expect(b.sync.getSnapshot().outbox.entries).toHaveLength(1);
  });

  it("the other tab shows an answer as saved once the first tab sent it, and does not send it again", async () => {
    const { a, b, server } = twoTabs();
    a.sync.record("q.one", { value: 3 });
    await settle();
    expect(server.state.answers).toEqual({ "q.one": 3 });
    expect(server.state.puts).toHaveLength(1);
    expect(b.sync.getSnapshot().outbox.entries).toEqual([]);
    expect(b.sync.getSnapshot().answers).toEqual({ "q.one": 3 });
    expect(b.sync.getSnapshot().status).toEqual({ kind: "saved" });
  });

  it("answers given in both tabs before either heard of the other's are all kept and all sent", async () => {
    const { a, b, server, storage, online } = twoTabs();
    online[A] = online[B] = false;
    a.tab.pause();
    b.tab.pause();
    a.sync.record("q.one", { value: 1 });
    b.sync.record("q.two", { value: 2 }); // B's write merges A's: it does not overwrite it
    a.sync.record("q.three", { value: "dont_know" });
    expect(
      stored(storage.map)
        .entries.map((e) => e.questionId)
        .sort(),
    ).toEqual(["q.one", "q.three", "q.two"]);
    a.tab.resume();
    b.tab.resume();
    online[A] = online[B] = true;
    a.sync.retryNow();
    b.sync.retryNow();
    await settle();
    expect(server.state.answers).toEqual({ "q.one": 1, "q.two": 2, "q.three": "dont_know" });
    for (const tab of [a, b]) {
      expect(tab.sync.getSnapshot().answers).toEqual(server.state.answers);
      expect(tab.sync.getSnapshot().outbox.entries).toEqual([]);
    }
    expect(stored(storage.map).entries).toEqual([]);
  });

  it("acknowledging in one tab does not remove a newer change the other tab made meanwhile", async () => {
    const { a, b, server, storage } = twoTabs();
    const release = server.hold();
    a.sync.record("q.one", { value: 1 });
    await vi.advanceTimersByTimeAsync(0);
    b.sync.record("q.one", { value: 4 }); // while A's request is out
    expect(stored(storage.map).entries).toEqual([expect.objectContaining({ value: 4 })]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // A's acknowledgement of 1 left B's 4 in the outbox.
    await settle();
    expect(server.state.answers).toEqual({ "q.one": 4 });
    expect(a.sync.getSnapshot().answers).toEqual({ "q.one": 4 });
    expect(b.sync.getSnapshot().answers).toEqual({ "q.one": 4 });
    expect(stored(storage.map).entries).toEqual([]);
  });

  it("an older change from one tab never reaches the server after a newer one from the other", async () => {
    const { a, b, server } = twoTabs();
    const release = server.hold();
    a.sync.record("q.one", { value: 1 }); // sent, answer delayed
    await vi.advanceTimersByTimeAsync(0);
    b.sync.record("q.one", { value: 2 }); // B sends at once: it waits for A's request to finish
    await vi.advanceTimersByTimeAsync(50);
    release();
    await settle();
    expect(server.state.puts.map((p) => p.answers["q.one"])).toEqual([1, 2]);
    expect(server.state.answers["q.one"]).toBe(2);
  });

  it("without the lock the same race can be lost: the test above is not vacuous", async () => {
    const { a, b, server } = twoTabs({ locks: false });
    const release = server.hold();
    a.sync.record("q.one", { value: 1 });
    await vi.advanceTimersByTimeAsync(0);
    b.sync.record("q.one", { value: 2 });
    await vi.advanceTimersByTimeAsync(50);
    release();
    await settle();
    expect(server.state.puts.map((p) => p.answers["q.one"])).toEqual([2, 1]);
  });

  it("a change one tab could not send is sent by the other, and the first shows it saved", async () => {
    const { a, b, server, online } = twoTabs();
    online[A] = false; // A's requests fail (its own connection, or a blocked route)
    a.sync.record("q.one", { value: 0 });
    await settle(3_000);
    expect(server.state.answers).toEqual({ "q.one": 0 });
    expect(a.sync.getSnapshot().outbox.entries).toEqual([]);
    expect(a.sync.getSnapshot().answers).toEqual({ "q.one": 0 });
    expect(b.sync.getSnapshot().answers).toEqual({ "q.one": 0 });
  });

  it("a tab that missed the change itself reads the saved answers again once the other sent it", async () => {
    const { a, b, server } = twoTabs();
    b.tab.pause();
    a.sync.record("q.one", { value: 2 });
    a.sync.record("q.two", { comment: "Only finance has this." });
    await settle();
    expect(server.state.answers).toEqual({ "q.one": 2 });
    const getsBefore = server.state.gets;
    b.tab.resume(); // B reads storage: acknowledged there, never in its own outbox
    await settle();
    expect(server.state.gets).toBeGreaterThan(getsBefore);
    expect(b.sync.getSnapshot().answers).toEqual({ "q.one": 2 });
    // The comment still waits for a value, in both tabs.
    expect(b.sync.getSnapshot().comments).toEqual({ "q.two": "Only finance has this." });
  });

  it("many answers in one tab cost the other no answer request of its own, and one read at most", async () => {
    const { a, server } = twoTabs();
    for (let i = 0; i < 10; i++) {
      a.sync.record(`q.${i}`, { value: (i % 5) as AnswerValue });
      await vi.advanceTimersByTimeAsync(20);
    }
    await settle();
    // Each answer sent once, by the tab that gave it.
    expect(server.state.puts).toHaveLength(10);
    // B may read the saved answers once, for acknowledgements it saw before the change itself.
    expect(server.state.gets).toBeLessThanOrEqual(1);
  });

  it("submitting in one tab shows the other that the answers are in", async () => {
    const { a, b } = twoTabs();
    a.sync.record("q.one", { value: 1 });
    await settle();
    const outcome = await a.sync.submit();
    expect(outcome.ok).toBe(true);
    await settle();
    const status = b.sync.getSnapshot().status;
    expect(status).toMatchObject({
      kind: "stopped",
      reason: "submitted",
      submittedAt: "2026-11-25T12:00:00.000Z",
    });
  });

  it("after the round closed, both tabs keep every unsent answer, whichever tab gave it", async () => {
    const { a, b, server, online } = twoTabs();
    online[A] = online[B] = false;
    a.sync.record("q.one", { value: 1 });
    b.sync.record("q.two", { value: 3 });
    await settle(100);
    server.state.round = "closed";
    online[A] = online[B] = true;
    a.sync.retryNow();
    b.sync.retryNow();
    await settle();
    for (const tab of [a, b]) {
      expect(tab.sync.getSnapshot().status).toMatchObject({ kind: "stopped", reason: "closed" });
      expect(
        tab.sync
          .getSnapshot()
          .outbox.entries.map((e) => e.questionId)
          .sort(),
      ).toEqual(["q.one", "q.two"]);
    }
    expect(server.state.puts).toEqual([]);
  });
});
