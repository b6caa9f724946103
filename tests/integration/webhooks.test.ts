import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAction } from "@/lib/actions/mutations";
import { seedHistory } from "@/lib/demo/history";
import { disconnectDb, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { latestFrameworkVersion } from "@/lib/framework";
import { changeInitiativeStatus, createInitiative } from "@/lib/initiatives/mutations";
import { createOrganization } from "@/lib/organizations/mutations";
import { listWebhooks } from "@/lib/webhooks/data";
import { createWebhook, deleteWebhook, sendTestEvent } from "@/lib/webhooks/mutations";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/webhooks/sign";
import {
  deliverDueWebhooks,
  MAX_ATTEMPTS,
  RETRY_DELAYS_SECONDS,
  runWebhookSweep,
} from "@/lib/webhooks/worker";
import { buildWorld, uniqueSuffix, type World } from "../fixtures/world";

// Webhooks (issue 12, part 6) against a real HTTP server on this machine: events are signed with
// the subscription's secret, a failing receiver is retried on the backoff schedule and every
// attempt recorded, and no request goes to a link-local, private or metadata address.

type Received = { path: string; headers: IncomingMessage["headers"]; body: string };

let world: World;
let server: Server;
let base: string;
const received: Received[] = [];
/** What the receiver answers per path (200 unless set). */
const answers = new Map<string, number>();

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK = "1";
  world = await buildWorld();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = answers.get(path) ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  delete process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK;
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});

beforeEach(async () => {
  received.length = 0;
  answers.clear();
  // Each test starts with no webhook in the workspace.
  await getDb().webhookSubscription.deleteMany({ where: { workspaceId: world.a.id } });
});

describe("who may manage webhooks", () => {
  it("owners only: a consultant and an executive are refused, nothing is created", async () => {
    for (const person of [world.a.consultant, world.a.executive]) {
      const error = await refusal(
        createWebhook(person.ctx, { url: `${base}/x`, events: ["round.closed"] }),
      );
      expect(error.code).toBe("forbidden");
      expect((await refusal(listWebhooks(person.ctx))).code).toBe("forbidden");
    }
    expect(await getDb().webhookSubscription.count({ where: { workspaceId: world.a.id } })).toBe(0);
  });

  it("another workspace's webhook is not found", async () => {
    const { id } = await createWebhook(world.a.owner.ctx, {
      url: `${base}/a`,
      events: ["round.closed"],
    });
    expect((await refusal(deleteWebhook(world.b.owner.ctx, id))).code).toBe("not_found");
    expect((await refusal(sendTestEvent(world.b.owner.ctx, id))).code).toBe("not_found");
  });
});

describe("where webhooks may go", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://[fe80::1]/hook", "link-local IPv6"],
    ["http://10.1.2.3/hook", "private"],
    ["http://192.168.1.10/hook", "private"],
    ["http://[::ffff:169.254.169.254]/hook", "IPv4-mapped metadata"],
    ["http://[fd00:ec2::254]/hook", "unique local (AWS metadata)"],
    ["http://metadata.google.internal/computeMetadata/v1/", "metadata host"],
    ["http://0.0.0.0:80/", "this host"],
    ["ftp://example.com/hook", "not http(s)"],
    ["http://user:pw@example.com/hook", "credentials in the URL"],
  ])("refuses %s (%s) at save", async (url) => {
    const error = await refusal(
      createWebhook(world.a.owner.ctx, { url, events: ["round.closed"] }),
    );
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {})).toEqual(["url"]);
    expect(await getDb().webhookSubscription.count({ where: { workspaceId: world.a.id } })).toBe(0);
  });

  it("refuses loopback unless the test flag allows it", async () => {
    delete process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK;
    try {
      for (const url of [`${base}/x`, "http://localhost/x", "http://[::1]/x"]) {
        const error = await refusal(
          createWebhook(world.a.owner.ctx, { url, events: ["round.closed"] }),
        );
        expect(error.fields?.url).toMatch(/loopback/);
      }
    } finally {
      process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
  });

  it("a host name is resolved and its addresses checked when sending, not only when saving", async () => {
    const url = base.replace("127.0.0.1", "localhost");
    const { id } = await createWebhook(world.a.owner.ctx, {
      url: `${url}/by-name`,
      events: ["round.closed"],
    });
    expect(await sendTestEvent(world.a.owner.ctx, id)).toMatchObject({ delivered: true });
    expect(received.filter((r) => r.path === "/by-name")).toHaveLength(1);
    // The same name, once its addresses are no longer allowed: refused before any connection.
    delete process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK;
    try {
      const outcome = await sendTestEvent(world.a.owner.ctx, id);
      expect(outcome.delivered).toBe(false);
      expect(outcome.error).toMatch(/^Refused: localhost resolves to .*loopback/);
    } finally {
      process.env.GAPMAP_WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
    expect(received.filter((r) => r.path === "/by-name")).toHaveLength(1);
  });

  it("checks again at send: a stored URL that now names a metadata address is never requested", async () => {
    const { id } = await createWebhook(world.a.owner.ctx, {
      url: `${base}/ok`,
      events: ["round.closed"],
    });
    await getDb().webhookSubscription.update({
      where: { id },
      data: { url: "http://169.254.169.254/latest/meta-data/" },
    });
    const outcome = await sendTestEvent(world.a.owner.ctx, id);
    expect(outcome.delivered).toBe(false);
    expect(outcome.responseCode).toBeNull();
    expect(outcome.error).toMatch(/^Refused: .*169\.254\.169\.254/);
    expect(received).toHaveLength(0);
  });
});

describe("delivery", () => {
  it("a closed round reaches the receiver signed with the subscription's secret", async () => {
    const { id, secret } = await createWebhook(world.a.owner.ctx, {
      url: `${base}/hooks/gapmap`,
      events: ["round.closed"],
    });
    expect(secret).toMatch(/^whsec_/);
    const org = await createOrganization(world.a.owner.ctx, { name: `Hooked ${uniqueSuffix()}` });
    await seedHistory(
      world.a.owner.ctx,
      [{ organizationId: org.id, start: 2, gain: 0, weak: [], respondents: 4 }],
      [{ name: "Q1", frameworkVersion: latestFrameworkVersion, closedAt: new Date("2026-03-20") }],
    );
    const outcomes = await deliverDueWebhooks();
    expect(outcomes).toEqual([{ id: expect.any(String), status: "delivered", responseCode: 200 }]);
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit!.path).toBe("/hooks/gapmap");
    expect(hit!.headers["content-type"]).toBe("application/json");
    expect(hit!.headers["x-gapmap-event"]).toBe("round.closed");
    const signature = String(hit!.headers[SIGNATURE_HEADER]);
    expect(verifySignature(secret, hit!.body, signature)).toBe(true);
    expect(verifySignature("whsec_wrong", hit!.body, signature)).toBe(false);
    expect(verifySignature(secret, `${hit!.body} `, signature)).toBe(false);
    const body = JSON.parse(hit!.body) as {
      type: string;
      workspaceId: string;
      data: { round: { organizationId: string; name: string }; result: { respondents: number } };
    };
    expect(body).toMatchObject({
      type: "round.closed",
      workspaceId: world.a.id,
      data: { round: { organizationId: org.id, name: "Q1" }, result: { respondents: 4 } },
    });
    const { deliveries } = await listWebhooks(world.a.owner.ctx);
    expect(deliveries[0]).toMatchObject({
      subscriptionId: id,
      event: "round.closed",
      status: "delivered",
      attempts: 1,
      responseCode: 200,
      error: null,
    });
    // Nothing is due any more.
    expect(await deliverDueWebhooks()).toEqual([]);
  }, 60_000);

  it("a failing receiver is retried with backoff, each attempt recorded, until it gives up", async () => {
    answers.set("/down", 503);
    const { id } = await createWebhook(world.a.owner.ctx, {
      url: `${base}/down`,
      events: ["initiative.status_changed"],
    });
    const org = await createOrganization(world.a.owner.ctx, { name: `Retry ${uniqueSuffix()}` });
    const initiative = await createInitiative(world.a.owner.ctx, org.id, {
      name: "Claims triage",
      status: "idea",
    });
    await changeInitiativeStatus(world.a.owner.ctx, initiative.id, { status: "pilot" });
    let now = new Date(Date.now() + 1000);
    const row = () => getDb().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } });

    expect(await deliverDueWebhooks(now)).toEqual([
      { id: expect.any(String), status: "pending", responseCode: 503 },
    ]);
    let delivery = await row();
    expect(delivery).toMatchObject({ attempts: 1, responseCode: 503, status: "pending" });
    expect(delivery.error).toMatch(/503/);
    expect(delivery.nextAttemptAt!.getTime()).toBe(now.getTime() + RETRY_DELAYS_SECONDS[0] * 1000);
    // Not due before its time.
    expect(await deliverDueWebhooks(new Date(now.getTime() + 30_000))).toEqual([]);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await row()).nextAttemptAt!;
      await deliverDueWebhooks(now);
      delivery = await row();
      expect(delivery.attempts).toBe(attempt);
    }
    expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: null, responseCode: 503 });
    expect(received.filter((r) => r.path === "/down")).toHaveLength(MAX_ATTEMPTS);
    const body = JSON.parse(received[0]!.body) as { type: string; data: { to: string } };
    expect(body).toMatchObject({ type: "initiative.status_changed", data: { to: "pilot" } });
  });

  it("a receiver that recovers gets the event on a retry", async () => {
    answers.set("/flaky", 500);
    const { id } = await createWebhook(world.a.owner.ctx, {
      url: `${base}/flaky`,
      events: ["initiative.status_changed"],
    });
    const org = await createOrganization(world.a.owner.ctx, { name: `Flaky ${uniqueSuffix()}` });
    const initiative = await createInitiative(world.a.owner.ctx, org.id, {
      name: "OCR",
      status: "idea",
    });
    await changeInitiativeStatus(world.a.owner.ctx, initiative.id, { status: "pilot" });
    await deliverDueWebhooks(new Date(Date.now() + 1000));
    answers.set("/flaky", 204);
    const next = (await getDb().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } }))
      .nextAttemptAt!;
    await deliverDueWebhooks(next);
    expect(
      await getDb().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } }),
    ).toMatchObject({ status: "delivered", attempts: 2, responseCode: 204, error: null });
  });

  it("an overdue action is announced once per due date", async () => {
    await createWebhook(world.a.owner.ctx, { url: `${base}/overdue`, events: ["action.overdue"] });
    const org = await createOrganization(world.a.owner.ctx, { name: `Late ${uniqueSuffix()}` });
    const action = await createAction(world.a.owner.ctx, org.id, {
      title: "Audit the claims data",
      dueDate: "2026-01-05",
    });
    const now = new Date("2026-01-10T12:00:00Z");
    await runWebhookSweep(now);
    await runWebhookSweep(now);
    const hits = received.filter((r) => r.path === "/overdue");
    const mine = hits.filter(
      (h) =>
        (JSON.parse(h.body) as { data: { action: { id: string } } }).data.action.id === action.id,
    );
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0]!.body)).toMatchObject({
      type: "action.overdue",
      data: { action: { title: "Audit the claims data", dueDate: "2026-01-05" } },
    });
  });

  it("the test event button sends at once and says what the receiver answered", async () => {
    answers.set("/teapot", 418);
    const ok = await createWebhook(world.a.owner.ctx, {
      url: `${base}/t`,
      events: ["round.closed"],
    });
    const bad = await createWebhook(world.a.owner.ctx, {
      url: `${base}/teapot`,
      events: ["round.closed"],
    });
    expect(await sendTestEvent(world.a.owner.ctx, ok.id)).toEqual({
      delivered: true,
      responseCode: 200,
      error: null,
    });
    expect(await sendTestEvent(world.a.owner.ctx, bad.id)).toMatchObject({
      delivered: false,
      responseCode: 418,
    });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: "webhook.test" });
    const audit = await getDb().auditEvent.count({
      where: { workspaceId: world.a.id, action: "webhook.test_sent" },
    });
    expect(audit).toBeGreaterThanOrEqual(2);
  });
});
