import { describe, expect, it } from "vitest";
import {
  acknowledge,
  addChange,
  emptyOutbox,
  fieldErrorsByQuestion,
  mergeWithServer,
  nextToSend,
  outboxStorageKey,
  parseOutbox,
  payloadFor,
  reject,
} from "@/lib/respond-client/outbox";
import { ResponseSync, type SyncDeps } from "@/lib/respond-client/sync";

describe("outbox", () => {
  it("keeps the latest value and the latest comment of a question, independently", () => {
    let box = addChange(emptyOutbox, "a.one", { value: 1 });
    box = addChange(box, "a.one", { comment: "why" });
    box = addChange(box, "a.one", { value: "dont_know" });
    expect(box.entries).toEqual([
      { questionId: "a.one", value: "dont_know", comment: "why", version: 3000 },
    ]);
  });

  it("sends oldest first, and a question changed again moves to the end", () => {
    let box = addChange(emptyOutbox, "a.one", { value: 1 });
    box = addChange(box, "a.two", { value: 2 });
    box = addChange(box, "a.one", { value: 3 });
    expect(box.entries.map((e) => e.questionId)).toEqual(["a.two", "a.one"]);
    expect(nextToSend(box, {})?.questionId).toBe("a.two");
  });

  it("an acknowledgement of an older version does not remove a newer change", () => {
    let box = addChange(emptyOutbox, "a.one", { value: 1 });
    const sent = box.entries[0]!;
    box = addChange(box, "a.one", { value: 2 });
    box = acknowledge(box, "a.one", sent.version);
    expect(box.entries).toHaveLength(1);
    expect(box.entries[0]?.value).toBe(2);
    box = acknowledge(box, "a.one", box.entries[0]!.version);
    expect(box.entries).toHaveLength(0);
  });

  it("a comment waits for its question's answer, then travels alone (never resending an older value)", () => {
    const box = addChange(emptyOutbox, "a.one", { comment: "context" });
    const entry = box.entries[0]!;
    expect(payloadFor(entry, undefined)).toBeNull();
    expect(nextToSend(box, {})).toBeUndefined();
    expect(payloadFor(entry, 2)).toEqual({ answers: {}, comments: { "a.one": "context" } });
    const both = addChange(box, "a.one", { value: 3 }).entries[0]!;
    expect(payloadFor(both, 2)).toEqual({
      answers: { "a.one": 3 },
      comments: { "a.one": "context" },
    });
    expect(nextToSend(box, { "a.one": 2 })?.questionId).toBe("a.one");
  });

  it("a refused change is skipped until the person changes it", () => {
    let box = addChange(emptyOutbox, "a.one", { value: "not_applicable" });
    box = addChange(box, "a.two", { value: 1 });
    box = reject(box, "a.one", box.entries[0]!.version, "Cannot be not applicable.");
    expect(nextToSend(box, {})?.questionId).toBe("a.two");
    box = addChange(box, "a.one", { value: 0 });
    expect(box.entries.find((e) => e.questionId === "a.one")?.rejected).toBeUndefined();
  });

  it("unsent changes are laid over the server's answers", () => {
    const box = addChange(addChange(emptyOutbox, "a.one", { value: 4 }), "a.two", { comment: "x" });
    expect(mergeWithServer({ "a.one": 1, "a.three": 2 }, { "a.one": "old" }, box)).toEqual({
      answers: { "a.one": 4, "a.three": 2 },
      comments: { "a.one": "old", "a.two": "x" },
    });
  });

  it("reads back what it stored, and drops only the unreadable entries", () => {
    const box = addChange(addChange(emptyOutbox, "a.one", { value: 4 }), "a.two", {
      value: "dont_know",
    });
    expect(parseOutbox(JSON.stringify(box))).toEqual(box);
    expect(parseOutbox("not json")).toEqual(emptyOutbox);
    const damaged = JSON.stringify({
      seq: 1,
      entries: [{ questionId: "a.one", value: 9, version: 1 }, box.entries[1]],
    });
    expect(parseOutbox(damaged).entries).toEqual([box.entries[1]]);
  });

  it("a 422's field paths become messages per question id", () => {
    expect(
      fieldErrorsByQuestion({ "answers.a.one": "Bad.", "comments.b.two": "Long.", _: "x" }),
    ).toEqual({
      "a.one": "Bad.",
      "b.two": "Long.",
    });
  });
});

/** A fake server: answers the PUTs as told, records every body it saw. */
function harness(respond: (body: unknown) => Response | Error) {
  const store = new Map<string, string>();
  const seen: unknown[] = [];
  let online = true;
  const timers: (() => void)[] = [];
  const deps: SyncDeps = {
    fetch: async (_input, init) => {
      if (!online) throw new TypeError("Failed to fetch");
      const body = init?.body ? JSON.parse(String(init.body)) : null;
      seen.push(body);
      const out = respond(body);
      if (out instanceof Error) throw out;
      return out;
    },
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
    isOnline: () => online,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
    newKey: () => "key-1",
  };
  return {
    deps,
    store,
    seen,
    setOnline: (v: boolean) => (online = v),
  };
}

const ok = () => new Response(JSON.stringify({ saved: 1, answered: 1 }), { status: 200 });

describe("ResponseSync", () => {
  it("keeps an answer made offline in storage until the server acknowledged it", async () => {
    const h = harness(ok);
    h.setOnline(false);
    const sync = new ResponseSync("tok", {}, {}, h.deps);
    sync.record("a.one", { value: 2 });
    await sync.flush();
    expect(sync.getSnapshot().status).toEqual({ kind: "offline", pending: 1 });
    expect(parseOutbox(h.store.get(outboxStorageKey("tok")) ?? null).entries).toHaveLength(1);

    // A reload: a new engine reads the same storage and sends what waited.
    h.setOnline(true);
    const again = new ResponseSync("tok", {}, {}, h.deps);
    await again.flush();
    expect(h.seen).toEqual([{ answers: { "a.one": 2 } }]);
    expect(again.getSnapshot().status).toEqual({ kind: "saved" });
    expect(parseOutbox(h.store.get(outboxStorageKey("tok")) ?? null).entries).toEqual([]);
  });

  const refusal =
    (code: string, message: string, status = 409) =>
    () =>
      new Response(JSON.stringify({ error: { code, message } }), { status });

  it("a closed round stops sending and keeps the unsent answers", async () => {
    const h = harness(refusal("round_closed", "This round has closed."));
    const sync = new ResponseSync("tok", {}, {}, h.deps);
    sync.record("a.one", { value: 1 });
    await sync.flush();
    const status = sync.getSnapshot().status;
    expect(status.kind).toBe("stopped");
    expect(status.kind === "stopped" && status.reason).toBe("closed");
    expect(sync.getSnapshot().outbox.entries).toHaveLength(1);
  });

  // The code says why, whatever the message says, and no second request is made to find out.
  it.each([
    ["round_closed", "closed"],
    ["round_not_open", "not_open"],
    ["already_submitted", "submitted"],
    ["link_withdrawn", "withdrawn"],
  ] as const)(
    "a save refused with %s stops sending (%s), keeps the outbox, asks nothing more",
    async (code, reason) => {
      const h = harness(refusal(code, "Wording that names none of them."));
      const sync = new ResponseSync("tok", {}, {}, h.deps);
      sync.record("a.one", { value: 1 });
      await sync.flush();
      expect(sync.getSnapshot().status).toMatchObject({
        kind: "stopped",
        reason,
        message: "Wording that names none of them.",
      });
      expect(sync.getSnapshot().outbox.entries).toHaveLength(1);
      expect(h.seen).toEqual([{ answers: { "a.one": 1 } }]);
      sync.record("a.two", { value: 2 });
      await sync.flush();
      expect(h.seen).toHaveLength(1);
    },
  );

  it.each([
    ["round_closed", "closed"],
    ["round_not_open", "not_open"],
    ["already_submitted", "submitted"],
    ["link_withdrawn", "withdrawn"],
  ] as const)("a submit refused with %s says why (%s) and stops", async (code, reason) => {
    const h = harness(refusal(code, "Refused."));
    const sync = new ResponseSync("tok", {}, {}, h.deps);
    expect(await sync.submit()).toEqual({ ok: false, message: "Refused.", stopped: reason });
    expect(sync.getSnapshot().status).toMatchObject({ kind: "stopped", reason });
    expect(h.seen).toHaveLength(1);
  });

  it("a 404 means the link is not valid", async () => {
    const h = harness(refusal("not_found", "This link is not valid.", 404));
    const sync = new ResponseSync("tok", {}, {}, h.deps);
    sync.record("a.one", { value: 1 });
    await sync.flush();
    expect(sync.getSnapshot().status).toMatchObject({ kind: "stopped", reason: "invalid" });
  });

  it("a 409 of another kind, even one whose message says closed, is kept and retried, not taken for a closed round", async () => {
    let refuse = true;
    const h = harness(() => (refuse ? refusal("conflict", "This round has closed.")() : ok()));
    const sync = new ResponseSync("tok", {}, {}, h.deps);
    sync.record("a.one", { value: 1 });
    await sync.flush();
    expect(sync.getSnapshot().status).toMatchObject({ kind: "error", pending: 1 });
    refuse = false;
    sync.retryNow();
    await sync.flush();
    expect(sync.getSnapshot().status).toEqual({ kind: "saved" });
    const submitRefused = harness(refusal("conflict", "These answers were already submitted."));
    const other = new ResponseSync("tok2", {}, {}, submitRefused.deps);
    const outcome = await other.submit();
    expect(outcome).toMatchObject({ ok: false });
    expect(outcome.ok === false && outcome.stopped).toBeUndefined();
    expect(other.getSnapshot().status.kind).not.toBe("stopped");
  });

  it("a server error is retried, never dropped", async () => {
    let fail = true;
    const h = harness(() => (fail ? new Response("{}", { status: 503 }) : ok()));
    const sync = new ResponseSync("tok", {}, {}, h.deps);
    sync.record("a.one", { value: 1 });
    await sync.flush();
    expect(sync.getSnapshot().status.kind).toBe("error");
    fail = false;
    sync.retryNow();
    await sync.flush();
    expect(sync.getSnapshot().status).toEqual({ kind: "saved" });
  });
});

describe("ResponseSync.refresh", () => {
  it("an answer acknowledged while the page re-read the server is not rolled back by the older read", async () => {
    const h = harness(ok);
    let releaseGet: (r: Response) => void = () => undefined;
    const deps: SyncDeps = {
      ...h.deps,
      fetch: (input, init) =>
        init?.method === "PUT"
          ? h.deps.fetch(input, init)
          : new Promise<Response>((resolve) => (releaseGet = resolve)),
    };
    const sync = new ResponseSync("tok", {}, {}, deps);
    const refreshing = sync.refresh();
    sync.record("a.one", { value: 3 });
    await sync.flush();
    // The read left before the answer committed: it does not have it.
    releaseGet(
      new Response(JSON.stringify({ kind: "personal", answers: { "a.two": 1 }, comments: {} })),
    );
    await refreshing;
    expect(sync.getSnapshot().answers).toEqual({ "a.one": 3, "a.two": 1 });
  });
});
